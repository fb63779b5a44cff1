import { useMemo, useReducer } from "react";
import { useTranslation } from "react-i18next";
import type { OpenedAnalysis } from "./flow/runStore";
import { WorkbookPort } from "../core/workbook/workbookPort";
import { FlowEnvironment, flowReducer, initialFlowState } from "./flow/flowState";
import { methodProblems } from "./methods/registry";
import { SelectedData } from "./flow/readSelection";
import { Translate } from "./flow/segment";
import { restoredFlowState } from "./flow/storedConfig";
import { usePreview } from "./usePreview";
import { RunKeeping, useSegmentWriter } from "./useSegmentWriter";

/** Default tier names in the user's language: "High|Medium|Low" for three, "Tier n" beyond the named counts. */
export function tierNamesIn(t: Translate): (count: number) => string[] {
  return (count) => {
    const named = t(`tierNames.${count}`, { defaultValue: "" });
    return named !== ""
      ? named.split("|")
      : Array.from({ length: count }, (_, j) => t("tierNames.numbered", { n: j + 1 }));
  };
}

/**
 * The steps after reading the data: columns → method → preview → write, their state in one place. Data of an
 * opened analysis (Open, Run again) starts from its stored configuration instead of from detection, and its runs
 * update that analysis.
 */
export function useSegmentationFlow(
  workbook: WorkbookPort,
  data: SelectedData,
  opened: OpenedAnalysis | undefined,
  keeping: RunKeeping | null
) {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as Translate;
  const environment = useMemo<FlowEnvironment>(
    () => ({ summarySheet: translate("summary.sheetName"), tierNames: tierNamesIn(translate) }),
    [translate]
  );
  const reducer = useMemo(() => flowReducer(environment), [environment]);
  const [state, dispatch] = useReducer(reducer, data, (loaded) =>
    opened
      ? restoredFlowState(reducer, loaded, opened.config)
      : reducer(initialFlowState, { type: "loaded", data: loaded })
  );
  const problems =
    state.table && state.settings ? methodProblems(state.method, state.settings, state.table) : [];
  const preview = usePreview(state, problems.length === 0, translate);
  const writer = useSegmentWriter(
    workbook,
    state,
    preview.status === "ready" ? preview.segmented : null,
    keeping,
    translate,
    i18n.language,
    opened?.id
  );
  return { state, dispatch, problems, preview, writer, tierNames: environment.tierNames };
}
