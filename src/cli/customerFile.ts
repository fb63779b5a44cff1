import { quoteString } from "../core/scale/sqlText";
import { fileKindOf } from "../core/scale/transactionSource";
import { inputError } from "./cliError";
import type { NodeEngine } from "./duckdbEngine";
import { readFailure } from "./readFailure";

/** A customer table (as cva summarise writes it, or any file with the same column names) or a pattern table. */
export interface CustomerFile {
  path: string;
  /** The file as a SQL relation. */
  relation: string;
  /** Its column names in lower case. */
  columns: string[];
  /** It is a pattern table: each row stands for `count` customers. */
  grouped: boolean;
}

/** Opens a .parquet or .csv customer file and checks it has the columns a command needs (names in any case). */
export async function openCustomerFile(
  engine: NodeEngine,
  path: string,
  needed: readonly string[]
): Promise<CustomerFile> {
  const kind = fileKindOf(path);
  if (kind !== "parquet" && kind !== "csv")
    throw inputError(`${path}: a customer file is .parquet or .csv.`);
  const relation = `${kind === "parquet" ? "read_parquet" : "read_csv"}(${quoteString(path)})`;
  const described = await readFailure(path, () =>
    engine.rows(`DESCRIBE SELECT * FROM ${relation}`)
  );
  const columns = described.map((row) => String(row[0]).toLowerCase());
  const missing = needed.filter((name) => !columns.includes(name.toLowerCase()));
  if (missing.length > 0)
    throw inputError(
      `${path} has no column ${missing.map((name) => JSON.stringify(name)).join(", ")} (it has ${columns.join(", ")}): ` +
        "use the customer table cva summarise writes, or its --patterns table."
    );
  return { path, relation, columns, grouped: columns.includes("count") };
}
