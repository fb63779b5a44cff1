import {
  STORE_SHEET,
  StoreContents,
  emptyStoreLayout,
  parseStoreRows,
  planStoreUpdate,
} from "../../core/sharing/workbookStore";
import { mergePlans } from "../../core/workbook/writePlans";
import type { Progress, WorkbookPort, WritePlan } from "../../core/workbook/workbookPort";

/** What the store holds, and whether its sheet is there. */
export interface OpenedStore extends StoreContents {
  exists: boolean;
}

/**
 * The workbook's store (core/sharing/workbookStore.ts) for one pane: read once, kept in memory, and updated value by
 * value, so a run writes only what it changes. Every part of the pane that keeps something in the workbook goes
 * through the same session; its writes run one after the other.
 */
export class StoreSession {
  private contents: Promise<OpenedStore> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly port: WorkbookPort) {}

  /** What the store holds (read from the workbook the first time). */
  read(): Promise<OpenedStore> {
    this.contents ??= readStore(this.port);
    return this.contents;
  }

  /**
   * Sets (text) or deletes (null) some keys. `with` is written by the same call, after the store's new values, so
   * what a run records as its own is in the workbook before any of its cells are.
   */
  update(
    changes: Readonly<Record<string, string | null>>,
    options: { with?: WritePlan; progress?: Progress } = {}
  ): Promise<OpenedStore> {
    const write = async () => {
      const current = await this.read();
      const update = planStoreUpdate(current, changes, { exists: current.exists });
      const plan = options.with ? mergePlans(update.plan, options.with) : update.plan;
      try {
        await this.port.applyWritePlan(plan, options.progress);
      } catch (error) {
        // What reached the workbook is not known: read it again next time.
        this.contents = null;
        throw error;
      }
      const next: OpenedStore = { ...current, ...update, exists: true };
      this.contents = Promise.resolve(next);
      return next;
    };
    const done = this.queue.then(write, write);
    this.queue = done.catch(() => undefined);
    return done;
  }
}

/** Reads the store sheet; an absent store is an empty one. */
async function readStore(port: WorkbookPort): Promise<OpenedStore> {
  const used = await port.getUsedRange(STORE_SHEET);
  if (!used) return { entries: new Map(), damaged: [], layout: emptyStoreLayout(), exists: false };
  // The layout starts at A1; reading from there keeps the columns in place whatever Excel trims.
  const rows = await port.readValues({
    sheet: STORE_SHEET,
    row: 0,
    column: 0,
    rowCount: used.row + used.rowCount,
    columnCount: Math.max(4, used.column + used.columnCount),
  });
  return { ...parseStoreRows(rows), exists: true };
}
