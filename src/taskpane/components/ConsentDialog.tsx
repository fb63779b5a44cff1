import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { useId } from "react";

/**
 * Asks before the add-in changes something the user cannot undo (Office.js has no undo): overwriting cells that
 * hold data it did not write, or replacing formulas with values. Keeping things as they are is the default:
 * Escape and the first button keep them. Where the results can go elsewhere, a middle button (`aside`) keeps the
 * cells and puts them there.
 */
export function ConsentDialog({
  open,
  title,
  text,
  keep,
  proceed,
  aside,
  onProceed,
  onKeep,
  onAside,
}: {
  open: boolean;
  title: string;
  text: string;
  /** The button that changes nothing. */
  keep: string;
  /** The button that goes ahead. */
  proceed: string;
  /** The button that keeps the cells and writes elsewhere, when there is an elsewhere. */
  aside?: string;
  onProceed: () => void;
  onKeep: () => void;
  onAside?: () => void;
}) {
  const textId = useId();
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onKeep();
      }}
    >
      <DialogSurface aria-describedby={textId}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent id={textId}>{text}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onKeep}>
              {keep}
            </Button>
            {aside && onAside && (
              <Button appearance="secondary" onClick={onAside}>
                {aside}
              </Button>
            )}
            <Button appearance="primary" onClick={onProceed}>
              {proceed}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
