import {
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { SEGMENTS, Segment } from "../../../core/rfm/segmentMap";
import { TierColour } from "../../../core/segmentation/palette";
import { SegmentGrid as Grid, gridSegmentColours, withSegment } from "./rfmGrid";

const useStyles = makeStyles({
  table: { borderCollapse: "separate", borderSpacing: "2px", width: "100%", tableLayout: "fixed" },
  caption: { captionSide: "top", textAlign: "start", paddingBottom: tokens.spacingVerticalXS },
  corner: {
    width: "56px",
    whiteSpace: "nowrap",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
  },
  head: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  cell: { padding: 0 },
  cellButton: {
    width: "100%",
    minWidth: 0,
    height: "30px",
    padding: 0,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    border: "none",
    borderRadius: tokens.borderRadiusSmall,
  },
  legend: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))",
    gap: tokens.spacingVerticalXXS + " " + tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  legendItem: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  chip: {
    display: "inline-block",
    minWidth: "26px",
    textAlign: "center",
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: "16px",
  },
});

/**
 * The segment map as a grid of recency (rows, best at the top) × combined frequency–monetary score (columns):
 * each cell is a menu button that picks exactly one segment, so the map stays a partition whatever is chosen.
 * Arrow keys move between cells; Enter or Space opens a cell's menu.
 */
export function SegmentGrid({ grid, onChange }: { grid: Grid; onChange: (grid: Grid) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigation = useArrowNavigationGroup({ axis: "grid" });
  const colours = gridSegmentColours(grid);
  const bins = grid.length;
  const scores = Array.from({ length: bins }, (_, k) => k + 1);
  return (
    <>
      <table className={styles.table} {...navigation} data-testid="segment-grid">
        <caption className={styles.caption}>
          <Text size={200}>{t("rfm.gridCaption")}</Text>
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>
              <abbr title={t("rfm.cornerTitle")}>R ↓ FM →</abbr>
            </th>
            {scores.map((fm) => (
              <th key={fm} scope="col" className={styles.head}>
                {fm}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...scores].reverse().map((r) => (
            <tr key={r}>
              <th scope="row" className={styles.head}>
                {r}
              </th>
              {scores.map((fm) => (
                <td key={fm} className={styles.cell}>
                  <SegmentCell
                    recency={r}
                    fm={fm}
                    segment={grid[r - 1][fm - 1]}
                    colour={colours.get(grid[r - 1][fm - 1]) as TierColour}
                    onPick={(segment) => onChange(withSegment(grid, r, fm, segment))}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className={styles.legend} aria-label={t("rfm.legend")}>
        {[...colours].map(([segment, colour]) => (
          <li key={segment} className={styles.legendItem}>
            <span
              className={styles.chip}
              style={{ background: colour.fill, color: colour.fontColor }}
              aria-hidden
            >
              {t(`segmentShort.${segment}`)}
            </span>
            <Text size={200}>{t(`segments.${segment}`)}</Text>
          </li>
        ))}
      </ul>
    </>
  );
}

function SegmentCell({
  recency,
  fm,
  segment,
  colour,
  onPick,
}: {
  recency: number;
  fm: number;
  segment: Segment;
  colour: TierColour;
  onPick: (segment: Segment) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const name = t(`segments.${segment}`);
  return (
    <Menu
      checkedValues={{ segment: [segment] }}
      onCheckedValueChange={(_, data) => onPick(data.checkedItems[0] as Segment)}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button
          className={styles.cellButton}
          style={{ background: colour.fill, color: colour.fontColor }}
          aria-label={t("rfm.cell", { r: recency, fm, segment: name })}
          title={name}
          data-segment={segment}
        >
          {t(`segmentShort.${segment}`)}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {SEGMENTS.map((option) => (
            <MenuItemRadio key={option} name="segment" value={option}>
              {t(`segments.${option}`)}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
