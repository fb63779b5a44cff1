/** The exit codes of `cva`, listed in its --help and in docs/scale.md. */
export const EXIT = {
  ok: 0,
  /** Something unexpected: a bug, or DuckDB failing for a reason of its own. */
  failed: 1,
  /** The command line itself: an unknown command or option, a missing or malformed argument. */
  usage: 2,
  /** The data: a file that cannot be read, a missing column, dates that do not read, bad rows. */
  input: 3,
  /** A model fit that does not converge on these data. */
  fit: 4,
  /** Stopped by Ctrl-C. */
  interrupted: 130,
} as const;

/** A failure the command line explains in one message and an exit code. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.usage);
export const inputError = (message: string) => new CliError(message, EXIT.input);
