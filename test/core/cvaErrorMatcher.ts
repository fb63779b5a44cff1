import type { ErrorCode } from "../../src/core/messages/catalogue";

/**
 * Matches a CvaError by its catalogue code (and so by the Excel error the catalogue gives it), e.g.
 * expect(() => clv(-1, 4, 3)).toThrow(cvaErrorWith("kpi.negative")).
 */
export function cvaErrorWith(messageCode: ErrorCode, params?: Record<string, unknown>) {
  return expect.objectContaining(
    params === undefined
      ? { messageCode }
      : { messageCode, params: expect.objectContaining(params) }
  );
}
