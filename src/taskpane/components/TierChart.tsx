import { tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { TierColour } from "../../core/segmentation/palette";
import { TierSummary } from "../../core/segmentation/segmentCustomers";

const WIDTH = 340;
const LABEL_WIDTH = 118;
const BAR_WIDTH = 170;
const ROW = 30;
const TOP = 22;
const LABEL_CHARACTERS = 18;

function shortened(label: string): string {
  return label.length > LABEL_CHARACTERS ? `${label.slice(0, LABEL_CHARACTERS - 1)}…` : label;
}

/**
 * Share of customers (grey, upper bar) against share of value (the tier's colour, lower bar) per tier, as a small
 * SVG: the numbers are in the table beside it, so the chart is one labelled image to assistive technology.
 */
export function TierChart({
  tiers,
  colours,
}: {
  tiers: readonly TierSummary[];
  colours: readonly TierColour[];
}) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, {
    style: "percent",
    maximumFractionDigits: 1,
  });
  const height = TOP + tiers.length * ROW;
  const text = { fill: tokens.colorNeutralForeground1, fontSize: 11 };
  const muted = { fill: tokens.colorNeutralForeground3, fontSize: 11 };
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={t("preview.chartLabel")}
      data-testid="tier-chart"
    >
      <rect x={LABEL_WIDTH} y={4} width={10} height={8} fill={tokens.colorNeutralStroke1} />
      <text x={LABEL_WIDTH + 14} y={12} style={muted}>
        {t("preview.shareOfCustomers")}
      </text>
      <rect x={LABEL_WIDTH + 120} y={4} width={10} height={8} fill={colours[0]?.fill} />
      <text x={LABEL_WIDTH + 134} y={12} style={muted}>
        {t("preview.shareOfValue")}
      </text>
      {tiers.map((tier, j) => {
        const y = TOP + j * ROW;
        const customers = Math.max(1, tier.shareOfCustomers * BAR_WIDTH);
        const value = Math.max(1, tier.shareOfValue * BAR_WIDTH);
        return (
          <g key={tier.label}>
            <text x={LABEL_WIDTH - 6} y={y + 15} textAnchor="end" style={text}>
              <title>{tier.label}</title>
              {shortened(tier.label)}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y + 2}
              width={customers}
              height={10}
              fill={tokens.colorNeutralStroke1}
            />
            <text x={LABEL_WIDTH + customers + 4} y={y + 11} style={muted}>
              {percent.format(tier.shareOfCustomers)}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y + 14}
              width={value}
              height={10}
              fill={colours[j].fill}
              stroke={tokens.colorNeutralStroke2}
              strokeWidth={0.5}
            />
            <text x={LABEL_WIDTH + value + 4} y={y + 23} style={text}>
              {percent.format(tier.shareOfValue)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
