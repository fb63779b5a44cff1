import { cvaError } from "../errors";

/**
 * The RFM code of a customer: the three scores written as digits, recency first ("545" = R 5, F 4, M 5). A code is
 * only unambiguous with one digit per score, hence at most 9 bins.
 * @example rfmCode(5, 4, 5) // "545"
 */
export function rfmCode(recency: number, frequency: number, monetary: number): string {
  return String.fromCharCode(48 + digit(recency), 48 + digit(frequency), 48 + digit(monetary));
}

function digit(score: number): number {
  if (!Number.isInteger(score) || score < 1 || score > 9)
    throw cvaError("rfm.codeScore", { score });
  return score;
}

/**
 * The codes of a whole population, through a table of the bins³ possible codes so that a million customers cost a
 * million lookups rather than a million string builds.
 * @example rfmCodeList(Uint8Array.of(5, 1), Uint8Array.of(4, 1), Uint8Array.of(5, 2)) // ["545", "112"]
 */
export function rfmCodeList(
  recency: Uint8Array,
  frequency: Uint8Array,
  monetary: Uint8Array
): string[] {
  const table = new Map<number, string>();
  const codes = new Array<string>(recency.length);
  for (let i = 0; i < recency.length; i++) {
    const key = (recency[i] << 16) | (frequency[i] << 8) | monetary[i];
    let code = table.get(key);
    if (code === undefined) {
      code = rfmCode(recency[i], frequency[i], monetary[i]);
      table.set(key, code);
    }
    codes[i] = code;
  }
  return codes;
}
