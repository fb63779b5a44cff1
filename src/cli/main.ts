import { CliError, EXIT, usageError } from "./cliError";
import { openEngine, type NodeEngine } from "./duckdbEngine";
import { FIT_HELP, fit } from "./fit";
import type { CliIo } from "./io";
import { SCORE_HELP, score } from "./score";
import { SQL_HELP, sql } from "./sql";
import { SUMMARISE_HELP, summarise } from "./summarise";

interface Command {
  help: string;
  run(args: string[], io: CliIo, engine: NodeEngine): Promise<void>;
  /** The options that size DuckDB, read before it starts. */
  engineOptions?: boolean;
}

const COMMANDS: Record<string, Command> = {
  summarise: { help: SUMMARISE_HELP, run: summarise, engineOptions: true },
  fit: { help: FIT_HELP, run: fit },
  score: { help: SCORE_HELP, run: score, engineOptions: true },
  sql: { help: SQL_HELP, run: sql },
};
const ALIASES: Record<string, string> = { summarize: "summarise" };

export const HELP = `cva: customer value from transaction files of any size, with the engine of Customer Value for Excel.

  cva summarise <transactions> --out customers.parquet   one row per customer (CVA.RFMSUMMARY), any file size
  cva fit <customers> --model bgnbd|mbgnbd|paretonbd|gg   fit a model on every customer
  cva score <customers> --params <fit.json> … --out scored.parquet
                                                          P(alive), expected purchases and predicted CLV per customer
  cva sql --table <name> --id … --date … --amount … --as-of …   the summary statement, for a warehouse

  cva <command> --help    that command's options
  cva --version

Progress and reports go to stderr, results to the --out files (fit: parameters as JSON on stdout).
Exit codes: 0 done, 1 unexpected failure, 2 bad command line, 3 unusable input (file, columns, dates, rows),
4 a model fit that does not converge, 130 interrupted.
Details: docs/scale.md.
`;

/** Runs one command line (without "node cva"); resolves to the exit code. */
export async function main(argv: string[], io: CliIo, version = ""): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(HELP);
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(`${version}\n`);
    return EXIT.ok;
  }
  let engine: NodeEngine | undefined;
  try {
    const command = COMMANDS[ALIASES[name] ?? name];
    if (command === undefined)
      throw usageError(`Unknown command ${JSON.stringify(name)}. Run cva --help for the list.`);
    if (args.includes("--help") || args.includes("-h")) {
      io.out(command.help);
      return EXIT.ok;
    }
    engine = await openEngine(command.engineOptions ? engineOptionsOf(args) : {});
    await command.run(args, io, engine);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`cva: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(
      `cva: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    return EXIT.failed;
  } finally {
    engine?.close();
  }
}

/** --memory and --temp, read ahead of the command's own parsing (which checks them with the rest). */
function engineOptionsOf(args: string[]): { memoryLimit?: string; tempDirectory?: string } {
  const valueAfter = (option: string) => {
    const i = args.indexOf(option);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const memoryLimit = valueAfter("--memory");
  if (memoryLimit !== undefined && !/^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(memoryLimit))
    throw usageError(`--memory must be a size such as 3GB, got ${JSON.stringify(memoryLimit)}.`);
  return { memoryLimit, tempDirectory: valueAfter("--temp") };
}
