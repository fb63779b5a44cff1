import { Field, SpinButton } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { RFM_BINS, type RfmSettings as Settings } from "./index";
import { defaultSegmentGrid } from "./rfmGrid";
import { spinValue } from "../../components/numberInput";
import { SegmentGrid } from "./SegmentGrid";

/** RFM segments: score bins and the editable segment grid (a new number of bins starts from the default map). */
export function RfmSettings({
  value,
  onChange,
}: {
  value: Settings;
  onChange: (value: Settings) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t("rfm.bins")} hint={t("rfm.binsHint")}>
        <SpinButton
          value={value.bins}
          min={RFM_BINS.min}
          max={RFM_BINS.max}
          onChange={(_, data) => {
            const bins = spinValue(data);
            if (Number.isInteger(bins) && bins >= RFM_BINS.min && bins <= RFM_BINS.max)
              onChange({ bins, grid: defaultSegmentGrid(bins) });
          }}
        />
      </Field>
      <SegmentGrid grid={value.grid} onChange={(grid) => onChange({ ...value, grid })} />
    </>
  );
}
