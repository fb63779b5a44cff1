import { CliError, inputError } from "./cliError";

/** DuckDB's error classes that mean the file, not the program: missing, unreadable, malformed, unconvertible. */
const FILE_ERROR = /^(IO|Invalid Input|Conversion|Permission) Error: /;

/**
 * Runs work that reads a file: DuckDB's failures to open or parse it (a missing file, permissions, a malformed
 * CSV line, a corrupt Parquet footer) and the engine's CvaErrors become input errors naming the file, with
 * DuckDB's explanation but not the statement it was running; anything else is a failure of the program and
 * passes through. (Errors from the native module are not `instanceof Error` in every realm, e.g. under jest.)
 */
export async function readFailure<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CliError) throw error;
    const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
    if (typeof message !== "string") throw error;
    if (name === "CvaError") throw inputError(message);
    if (FILE_ERROR.test(message)) {
      const reason = message
        .replace(FILE_ERROR, "")
        .split(/\n\s*LINE \d+:/)[0]
        .trim();
      throw inputError(`Cannot read ${file}: ${reason}`);
    }
    throw error;
  }
}
