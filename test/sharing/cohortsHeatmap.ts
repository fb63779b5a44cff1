import type { Word } from "./libreoffice";

/**
 * The Cohorts sheet's retention table as LibreOffice printed it: the words below its title ("Retention: …") and
 * above the sBG fits' title, on the page that has them; a rate is found by its text on its cohort's line.
 */
export function printedRetentionTable(words: Word[]) {
  const top = words.find((word) => word.text === "Retention:");
  const bottom = words.find(
    (word) => word.text === "Shifted-beta-geometric" && word.page === top?.page
  );
  if (!top || !bottom) throw new Error("the printed sheets have no retention table");
  const inTable = words.filter(
    (word) => word.page === top.page && word.yMin > top.yMax && word.yMax < bottom.yMin
  );
  const find = (text: string, line?: Word) => {
    const found = inTable.find(
      (word) => word.text === text && (!line || Math.abs(word.yMin - line.yMin) < 2)
    );
    if (!found) throw new Error(`"${text}" is not printed in the retention table`);
    return found;
  };
  return {
    page: top.page,
    /** The printed word of a cohort's label or size. */
    word: (text: string) => find(text),
    /** Where the background of the rate printed as `text` in the cohort's row shows. */
    rateCell: (cohort: string, text: string) => besideText(find(text, find(cohort))),
  };
}

/**
 * The cell's background left of a number: numbers stand at the right of their cells, and at this resolution a
 * number's own box is mostly glyph.
 */
function besideText(word: Word): Word {
  return {
    ...word,
    xMin: word.xMin - 8,
    xMax: word.xMin - 1,
    yMin: word.yMin + 1,
    yMax: word.yMax - 1,
  };
}
