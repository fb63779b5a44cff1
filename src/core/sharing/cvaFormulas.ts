/**
 * Reading formula text the way Excel does, as far as converting formulas to values needs: is a CVA function called,
 * and what the same formula reads like filled down some rows.
 */

/**
 * A call of one of the add-in's functions: CVA.TIER( as Excel shows it, or _xldudf_CVA_TIER( as a file stores a
 * custom function when the add-in is not loaded; any case. Not preceded by a name character, so MYCVA.X( is not one.
 */
const CVA_CALL = /(?<![A-Za-z0-9_.\\])(?:_xldudf_)?CVA[._][A-Za-z0-9_.]*\s*\(/i;

/** Text literals ("…", "" inside for a quote) and quoted sheet names ('…', '' inside), which hold no calls or refs. */
const QUOTED = /"(?:[^"]|"")*"?|'(?:[^']|'')*'?/g;

/**
 * Whether a formula calls a CVA custom function (outside text literals).
 * @example callsCvaFunction('=ROUND(CVA.CLV(B2,C2,D2),2)') // true
 * @example callsCvaFunction('="CVA.CLV(1)"') // false
 */
export function callsCvaFunction(formula: string): boolean {
  return CVA_CALL.test(formula.replace(QUOTED, (quoted) => (quoted[0] === '"' ? '""' : "''")));
}

/** A1 reference parts: optional $, 1–3 letters, optional $, row digits. */
const REFERENCE = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)/y;
const NAME_CHARACTER = /[A-Za-z0-9_.]/;
const EXCEL_ROWS = 1_048_576;

/**
 * The formula as Excel would write it `rows` rows further down (Fill Down): relative row numbers of A1 references
 * move, $-anchored ones and text stay. Names that merely look like references (LOG10(, CVA.CLV1() are left alone. A
 * formula this cannot read exactly is only compressed less: formulaStore keeps a cell in a run only when shifting
 * the run's first formula gives that cell's formula exactly.
 * @example shiftRows("=CVA.CLV(B2,$C$2,D$2)", 3) // "=CVA.CLV(B5,$C$2,D$2)"
 */
export function shiftRows(formula: string, rows: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      QUOTED.lastIndex = i;
      const quoted = QUOTED.exec(formula) as RegExpExecArray;
      out += quoted[0];
      i += quoted[0].length;
      continue;
    }
    REFERENCE.lastIndex = i;
    const match = i === 0 || !NAME_CHARACTER.test(formula[i - 1]) ? REFERENCE.exec(formula) : null;
    const after = match ? (formula[i + match[0].length] ?? "") : "";
    if (match && !NAME_CHARACTER.test(after) && after !== "(") {
      const [text, columnAnchor, letters, rowAnchor, digits] = match;
      const row = Number(digits) + (rowAnchor ? 0 : rows);
      out +=
        rowAnchor || row < 1 || row > EXCEL_ROWS
          ? text
          : `${columnAnchor}${letters}${rowAnchor}${row}`;
      i += text.length;
      continue;
    }
    // Skip the rest of a name, so the digits of LOG10 or A1B2 are never read as a reference.
    if (NAME_CHARACTER.test(ch)) {
      let end = i + 1;
      while (end < formula.length && NAME_CHARACTER.test(formula[end])) end++;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
