/**
 * Every error the custom functions can return, listed from the message catalogue (one case per code, named with the
 * Excel error it travels with). Excel shows a custom function's message only with #VALUE! and #N/A, so an error whose
 * reason the user needs must use those; #NUM! and #DIV/0! are for the few whose bare code says it all, and the adapters
 * send those without a message. Errors passed on from an input cell keep the input's error.
 */
import { CvaError } from "../../src/core/errors";
import {
  entryOf,
  ErrorCode,
  MESSAGES,
  MessageCode,
  phrase,
} from "../../src/core/messages/catalogue";
import type { ExcelErrorCode, ParamKind } from "../../src/core/messages/messageTypes";
import { toExcelError } from "../../src/functions/excelValues";
import { FakeExcelError, standInForOffice } from "./officeStandIns";

standInForOffice();

const SAMPLE: Record<ParamKind, unknown> = {
  number: 2,
  text: "T",
  value: "v",
  date: 45000,
  phrase: phrase("term.recency"),
  phrases: [phrase("term.recency")],
};
const errorOf = (code: ErrorCode, input?: ExcelErrorCode) =>
  new CvaError(
    {
      code,
      params: Object.fromEntries(
        Object.entries(entryOf(code).params ?? {}).map(([name, kind]) => [name, SAMPLE[kind]])
      ),
    } as never,
    input
  );

const errorCodes = (Object.keys(MESSAGES) as MessageCode[]).filter(
  (code): code is ErrorCode => entryOf(code).excel !== undefined
);
/** The only errors allowed a bare #NUM! or #DIV/0!, and why the code says it all. */
const BARE: Record<string, string> = {
  "result.notFinite": "a result beyond the largest number, which Excel itself reports as #NUM!",
  "kpi.noNewCustomers": "CAC with zero new customers: a division by zero",
  "kpi.noStartCustomers": "a rate over zero customers at the start: a division by zero",
};

describe("every error a custom function can return", () => {
  it("comes from the catalogue: more than a hundred codes", () => {
    expect(errorCodes.length).toBeGreaterThan(100);
  });

  it("uses #NUM! or #DIV/0! only for the listed bare errors", () => {
    const silent = errorCodes.filter((code) =>
      ["#NUM!", "#DIV/0!"].includes(entryOf(code).excel as string)
    );
    expect(silent.sort()).toEqual(Object.keys(BARE).sort());
  });

  it.each(errorCodes.map((code) => [code, entryOf(code).excel] as const))(
    "%s travels as %s and reaches Excel with a message only where Excel shows one",
    (code, excel) => {
      const inputs: (ExcelErrorCode | undefined)[] =
        excel === "input" ? ["#VALUE!", "#N/A", "#NUM!", "#DIV/0!"] : [undefined];
      for (const input of inputs) {
        const error = errorOf(code, input);
        const sent = toExcelError(error) as unknown as FakeExcelError;
        expect(sent.code).toBe(error.code);
        if (error.code === "#NUM!" || error.code === "#DIV/0!") {
          expect(excel === "input" || code in BARE).toBe(true);
          expect(sent.message).toBeUndefined();
        } else {
          expect(sent.message).toBe(error.message);
          expect(sent.message).not.toBe("");
        }
      }
    }
  );
});
