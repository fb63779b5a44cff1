import { useEffect, useState } from "react";
import { CustomerTable } from "./flow/customerTable";
import { FlowState } from "./flow/flowState";
import { MethodName, MethodSettings } from "./methods/registry";
import { Problem, problemOf } from "./flow/problems";
import { Segmented, Translate, runSegmentation } from "./flow/segment";

export type PreviewState =
  | { status: "idle" }
  | { status: "running" }
  | { status: "ready"; segmented: Segmented }
  | { status: "failed"; problem: Problem };

interface Inputs {
  table: CustomerTable;
  method: MethodName;
  settings: MethodSettings;
}

/** Settings typed in quick succession are segmented once, when the typing pauses. */
const SETTLE_MS = 200;

/**
 * Segments the table whenever the method or its settings change, for the preview and for Segment to write. A
 * result counts only for the inputs it was computed from, so Segment can never write a stale one.
 */
export function usePreview(state: FlowState, ready: boolean, t: Translate): PreviewState {
  const [finished, setFinished] = useState<{ inputs: Inputs; preview: PreviewState } | null>(null);
  const { table, method, settings } = state;

  useEffect(() => {
    if (!ready || !table || !settings) return;
    const inputs = { table, method, settings };
    let current = true;
    const timer = setTimeout(() => {
      runSegmentation(table, method, settings, t).then(
        (segmented) => current && setFinished({ inputs, preview: { status: "ready", segmented } }),
        (error: unknown) =>
          current &&
          setFinished({ inputs, preview: { status: "failed", problem: problemOf(error) } })
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [table, method, settings, ready, t]);

  if (!ready || !table || !settings) return { status: "idle" };
  const { inputs } = finished ?? {};
  if (!inputs || inputs.table !== table || inputs.method !== method || inputs.settings !== settings)
    return { status: "running" };
  return (finished as { preview: PreviewState }).preview;
}
