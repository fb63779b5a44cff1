import type { SpinButtonOnChangeData } from "@fluentui/react-components";

/**
 * The number a SpinButton change carries: its value when spun with the arrows, else what was typed (Fluent
 * leaves value undefined while the user types). NaN when the text is not a number.
 */
export function spinValue(data: SpinButtonOnChangeData): number {
  if (typeof data.value === "number") return data.value;
  const typed = (data.displayValue ?? "").replace(",", ".").replace("%", "").trim();
  return typed === "" ? NaN : Number(typed);
}
