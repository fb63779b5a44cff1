/**
 * Stand-ins for the two globals the custom-function adapters read inside Office: CustomFunctions (its Error class)
 * and Office.context.displayLanguage.
 */

/** What CustomFunctions.Error carries: Excel's error code and, for #VALUE! and #N/A, the message shown with it. */
export class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

const globals = globalThis as Record<string, unknown>;

/**
 * Sets the stand-ins for the tests of the file (or describe block) that calls it, and removes them after: Excel's
 * display language when given, else no Office at all.
 */
export function standInForOffice(displayLanguage?: string): void {
  beforeAll(() => {
    globals.CustomFunctions = { Error: FakeExcelError };
    if (displayLanguage !== undefined) globals.Office = { context: { displayLanguage } };
  });
  afterAll(() => {
    delete globals.CustomFunctions;
    delete globals.Office;
  });
}
