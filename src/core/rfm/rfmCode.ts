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
