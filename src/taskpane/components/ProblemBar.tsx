import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { Problem } from "../flow/problems";

/** A Problem as a Fluent MessageBar in the user's language; lists of roles are named, not keyed. */
export function ProblemBar({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent={problem.intent} data-problem={problem.key}>
      <MessageBarBody>{problemText(problem, t)}</MessageBarBody>
    </MessageBar>
  );
}

/** The text of a problem, with its cause said where it has one. */
function problemText(problem: Problem, t: ReturnType<typeof useTranslation>["t"]): string {
  const values: Record<string, string | number> = { ...problem.values };
  if (typeof values.roles === "string")
    values.roles = values.roles
      .split(",")
      .map((role) => t(`roles.${role}`))
      .join(t("list.separator"));
  if (problem.cause) values.detail = problemText(problem.cause, t);
  return t(`problems.${problem.key}`, values);
}
