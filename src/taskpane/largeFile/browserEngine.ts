import * as duckdb from "@duckdb/duckdb-wasm";
import type { SqlEngine } from "../../core/scale/sqlEngine";
import { numberColumnsOf, rowsOf } from "./arrowValues";

/** DuckDB-WASM in a worker, behind the SqlEngine port, with the user's file registered under its own name. */
export interface BrowserEngine extends SqlEngine {
  /** The name the SQL reads the file by. */
  readonly fileName: string;
  /** Stops at once, whatever is running (Cancel): the worker is ended, with its memory. */
  terminate(): void;
}

/** Where webpack copied DuckDB's workers and modules (webpack.config.js), beside the pane's page. */
const DUCKDB_BASE = new URL("duckdb/", document.baseURI).href;

/**
 * Starts DuckDB-WASM from the add-in's own files and registers the picked file for DuckDB's file-reader protocol:
 * DuckDB reads the slices it needs from the file on disk, in place; nothing is uploaded or copied whole.
 * Extensions are never fetched: the add-in makes no network calls.
 */
export async function openBrowserEngine(file: File): Promise<BrowserEngine> {
  const bundle = await duckdb.selectBundle({
    mvp: {
      mainModule: `${DUCKDB_BASE}duckdb-mvp.wasm`,
      mainWorker: `${DUCKDB_BASE}duckdb-browser-mvp.worker.js`,
    },
    eh: {
      mainModule: `${DUCKDB_BASE}duckdb-eh.wasm`,
      mainWorker: `${DUCKDB_BASE}duckdb-browser-eh.worker.js`,
    },
  });
  const worker = new Worker(bundle.mainWorker as string);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await db.open({ query: { castBigIntToDouble: true } });
    const connection = await db.connect();
    await connection.query("SET autoinstall_known_extensions = false");
    await connection.query("SET autoload_known_extensions = false");
    await connection.query("SET preserve_insertion_order = false");
    await db.registerFileHandle(
      file.name,
      file,
      duckdb.DuckDBDataProtocol.BROWSER_FILEREADER,
      true
    );
    return {
      fileName: file.name,
      async rows(sql) {
        return rowsOf(await connection.query(sql));
      },
      async numberColumns(sql) {
        return numberColumnsOf(await connection.query(sql));
      },
      async run(sql) {
        const result = await connection.query(sql);
        const counts = rowsOf(result);
        return typeof counts[0]?.[0] === "number" ? (counts[0][0] as number) : 0;
      },
      terminate: () => void db.terminate(),
    };
  } catch (error) {
    void db.terminate();
    throw error;
  }
}
