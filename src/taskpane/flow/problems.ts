import { CvaError } from "../../core/errors";
import { WorkbookError } from "../../core/workbook/workbookPort";

/**
 * Something the pane tells the user in a MessageBar: an i18n key under "problems." with its values, and how
 * serious it is. The pane's own checks, Office's errors and the engine's errors all end up as one of these.
 */
export interface Problem {
  key: string;
  values?: Record<string, string | number>;
  intent: "error" | "warning" | "info";
  /** The problem this one comes from, said in its place ({{detail}}), e.g. why a run could not be kept. */
  cause?: Problem;
}

/** A pane-level failure carrying its Problem, thrown by the flow's steps and caught by the components. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.key);
    this.name = "ProblemError";
  }
}

export function problem(
  key: string,
  values?: Problem["values"],
  intent: Problem["intent"] = "error"
): Problem {
  return values === undefined ? { key, intent } : { key, values, intent };
}

/**
 * The message for anything a step threw: WorkbookErrors by kind (cancelled is information, not an error), the
 * engine's CvaErrors with their own text (English: the engine writes no translated prose), anything else as
 * unexpected.
 */
export function problemOf(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  if (error instanceof WorkbookError)
    return problem(
      `workbook.${error.kind}`,
      { detail: error.message },
      error.kind === "cancelled" ? "info" : "error"
    );
  if (error instanceof CvaError) return problem("engine", { detail: error.message });
  return problem("workbook.unknown", {
    detail: error instanceof Error ? error.message : String(error),
  });
}
