import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { SheetRange } from "../../excel/workbookPort";
import { addresses } from "../flow/writeOutput";

/**
 * Asks before the results overwrite cells that hold data the add-in did not write. Office.js cannot undo, so
 * keeping the data is the default (Escape and the first button keep it).
 */
export function ConsentDialog({
  conflicts,
  onOverwrite,
  onKeep,
}: {
  conflicts: readonly SheetRange[] | null;
  onOverwrite: () => void;
  onKeep: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={conflicts !== null}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onKeep();
      }}
    >
      <DialogSurface aria-describedby="consent-text">
        <DialogBody>
          <DialogTitle>{t("consent.title")}</DialogTitle>
          <DialogContent id="consent-text">
            {t("consent.text", { cells: addresses(conflicts ?? []) })}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onKeep}>
              {t("consent.keep")}
            </Button>
            <Button appearance="primary" onClick={onOverwrite}>
              {t("consent.overwrite")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
