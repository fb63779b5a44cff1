import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { Problem } from "../flow/problems";

/** A Problem as a Fluent MessageBar in the user's language; lists of roles are named, not keyed. */
export function ProblemBar({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const values = { ...problem.values };
  if (typeof values.roles === "string")
    values.roles = values.roles
      .split(",")
      .map((role) => t(`roles.${role}`))
      .join(t("list.separator"));
  return (
    <MessageBar intent={problem.intent} data-problem={problem.key}>
      <MessageBarBody>{t(`problems.${problem.key}`, values)}</MessageBarBody>
    </MessageBar>
  );
}
