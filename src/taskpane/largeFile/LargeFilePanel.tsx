import { Button, Field, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TransactionColumns } from "../../core/scale/customerSummarySql";
import { describeReading } from "../../core/scale/dateReading";
import {
  type SourceInspection,
  inspectSource,
  proposedColumns,
} from "../../core/scale/inspectSource";
import { usedTransactions } from "../../core/scale/checkTransactions";
import type { SheetRange, WorkbookPort } from "../../core/workbook/workbookPort";
import { ColumnDropdown, type ColumnChoice } from "../components/ColumnDropdown";
import { ProblemBar } from "../components/ProblemBar";
import { type Problem, problem, problemOf, ProblemError } from "../flow/problems";
import type { BrowserEngine } from "./browserEngine";
import {
  beyondSheet,
  type BeyondSheet,
  customerRows,
  type FileSummary,
  MAX_SHEET_CUSTOMERS,
  planFor,
  summariseFile,
} from "./fileSummary";
import { newSheetName, writeNewSheet } from "./newSheet";
import { QualityLines } from "./QualityLines";
import { registerLargeFileTexts } from "./texts";

type Phase =
  | { step: "idle" }
  | { step: "working"; label: string; done?: number; total?: number }
  | { step: "mapping"; inspection: SourceInspection; columns: Partial<TransactionColumns> }
  | { step: "written"; summary: FileSummary; sheet: string }
  | { step: "beyond"; summary: FileSummary; sheet: string; beyond: BeyondSheet }
  | { step: "failed"; problem: Problem };

const ROLES = ["customer", "date", "amount"] as const;

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  working: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  progress: { flexGrow: 1 },
  hidden: { display: "none" },
});

/**
 * "Summarise a large file": a transaction file picked from disk is summarised by DuckDB-WASM (loaded only now),
 * checked row by row, and written to a new sheet as a customer table that every method then reads; beyond a
 * sheet's rows, the pattern table, the models fitted on everyone and the RFM segment counts instead.
 */
export function LargeFilePanel({
  workbook,
  busy,
  onWritten,
}: {
  workbook: WorkbookPort;
  /** The pane is reading or writing: no second job meanwhile. */
  busy: boolean;
  /** A customer table was written: the pane reads it as the data to segment. */
  onWritten: (range: SheetRange) => void;
}) {
  const { t, i18n } = useTranslation();
  useState(() => registerLargeFileTexts(i18n));
  const styles = useStyles();
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const engine = useRef<BrowserEngine | null>(null);
  /** Counts the jobs: a job's results are shown only while it is the latest (Cancel or a new file end it). */
  const job = useRef(0);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  /** Starts a job: `show` sets the phase, `latest` tells, only while no later job (or Cancel) has started. */
  const startJob = () => {
    const id = ++job.current;
    const latest = () => job.current === id;
    return {
      latest,
      show: (next: Phase) => {
        if (latest()) setPhase(next);
      },
    };
  };

  const failed = (error: unknown): Phase => {
    const message = (error as { message?: unknown })?.message;
    const known =
      error instanceof ProblemError || (error as { name?: string })?.name === "WorkbookError";
    return {
      step: "failed",
      problem:
        known || typeof message !== "string"
          ? problemOf(error)
          : problem("largeFile.unreadable", { detail: message }),
    };
  };

  const open = async (file: File) => {
    engine.current?.terminate();
    const { show } = startJob();
    show({ step: "working", label: t("largeFile.starting", { file: file.name }) });
    try {
      const { openBrowserEngine } = await import(
        /* webpackChunkName: "duckdb" */ "./browserEngine"
      );
      engine.current = await openBrowserEngine(file);
      const inspection = await inspectSource(engine.current, engine.current.fileName);
      show({ step: "mapping", inspection, columns: proposedColumns(inspection) });
    } catch (error) {
      show(failed(error));
    }
  };

  /** Writes blocks on a new sheet, showing the rows written; a customer table is then the pane's data. */
  const write = async (
    { show, latest }: ReturnType<typeof startJob>,
    sheet: string,
    blocks: Parameters<typeof writeNewSheet>[2],
    customers?: FileSummary
  ) => {
    abort.current = new AbortController();
    const range = await writeNewSheet(workbook, sheet, blocks, {
      signal: abort.current.signal,
      onProgress: (done, total) =>
        show({ step: "working", label: t("largeFile.writing", { done, total }), done, total }),
    });
    if (customers && latest()) {
      show({ step: "written", summary: customers, sheet });
      onWritten(range);
    }
  };

  const summarise = async (inspection: SourceInspection, columns: TransactionColumns) => {
    const db = engine.current;
    if (!db) return;
    const current = startJob();
    const { show } = current;
    try {
      if (new Set(Object.values(columns)).size < 3)
        throw new ProblemError(problem("largeFile.sameColumn"));
      const plan = planFor(inspection, columns);
      show({ step: "working", label: t("largeFile.checking") });
      const summary = await summariseFile(db, plan, () =>
        show({ step: "working", label: t("largeFile.summarising") })
      );
      if (summary.customers <= MAX_SHEET_CUSTOMERS) {
        const rows = await customerRows(db);
        const sheet = await newSheetName(workbook, t("largeFile.sheetCustomers"), db.fileName);
        await write(current, sheet, [{ row: 0, column: 0, values: rows }], summary);
      } else {
        show({ step: "working", label: t("largeFile.fitting") });
        const beyond = await beyondSheet(db, summary.asOf);
        const sheet = await newSheetName(workbook, t("largeFile.sheetPatterns"), db.fileName);
        await write(current, sheet, [
          { row: 0, column: 0, values: beyond.patterns },
          { row: 0, column: 5, values: [[t("largeFile.fits")], ...beyond.fits] },
          {
            row: beyond.fits.length + 2,
            column: 5,
            values: [[t("largeFile.segment"), t("largeFile.customers")], ...beyond.segments],
          },
        ]);
        show({ step: "beyond", summary, sheet, beyond });
      }
    } catch (error) {
      show(failed(error));
    }
  };

  const writeTop = async (summary: FileSummary) => {
    const db = engine.current;
    if (!db) return;
    const current = startJob();
    try {
      const rows = await customerRows(db, MAX_SHEET_CUSTOMERS);
      const sheet = await newSheetName(workbook, t("largeFile.sheetTop"), db.fileName);
      const top = { ...summary, customers: rows.length - 1 };
      await write(current, sheet, [{ row: 0, column: 0, values: rows }], top);
    } catch (error) {
      current.show(failed(error));
    }
  };

  const cancel = () => {
    abort.current?.abort();
    engine.current?.terminate();
    engine.current = null;
    startJob().show({ step: "failed", problem: problem("workbook.cancelled", undefined, "info") });
  };

  return (
    <section className={styles.panel} aria-labelledby="large-file-heading">
      <Text as="h2" id="large-file-heading" weight="semibold" size={400}>
        {t("largeFile.heading")}
      </Text>
      <Text>{t("largeFile.intro")}</Text>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".csv,.tsv,.txt,.dat,.gz"
        data-testid="large-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void open(file);
        }}
      />
      <div>
        <Button
          icon={<DocumentArrowUpRegular />}
          disabled={busy || phase.step === "working"}
          onClick={() => input.current?.click()}
        >
          {t("largeFile.choose")}
        </Button>
      </div>
      {phase.step === "working" && (
        <div className={styles.working}>
          <ProgressBar
            className={styles.progress}
            aria-label={phase.label}
            value={phase.total ? (phase.done ?? 0) / phase.total : undefined}
          />
          <Button size="small" onClick={cancel}>
            {t("actions.cancel")}
          </Button>
        </div>
      )}
      {phase.step === "working" && <Text data-testid="large-file-step">{phase.label}</Text>}
      {phase.step === "mapping" && (
        <Mapping
          phase={phase}
          onChange={(columns) => setPhase({ ...phase, columns })}
          onSummarise={(columns) => void summarise(phase.inspection, columns)}
          busy={busy}
        />
      )}
      {(phase.step === "written" || phase.step === "beyond") && (
        <>
          <Text data-testid="large-file-done">
            {t(phase.step === "written" ? "largeFile.written" : "largeFile.beyond", {
              customers: phase.summary.customers,
              transactions: usedTransactions(phase.summary.quality),
              asOf: phase.summary.asOf,
              sheet: phase.sheet,
            })}
          </Text>
          {phase.step === "beyond" && phase.beyond.patternCount > MAX_SHEET_CUSTOMERS && (
            <Text>
              {t("largeFile.patternsCut", {
                count: MAX_SHEET_CUSTOMERS,
                total: phase.beyond.patternCount,
              })}
            </Text>
          )}
          {phase.step === "beyond" && (
            <div>
              <Button disabled={busy} onClick={() => void writeTop(phase.summary)}>
                {t("largeFile.top", { count: MAX_SHEET_CUSTOMERS })}
              </Button>
            </div>
          )}
          <QualityLines summary={phase.summary} />
        </>
      )}
      {phase.step === "failed" && <ProblemBar problem={phase.problem} />}
    </section>
  );
}

/** The three column pickers, proposed as for a selected range, and the Summarise button. */
function Mapping({
  phase,
  onChange,
  onSummarise,
  busy,
}: {
  phase: Extract<Phase, { step: "mapping" }>;
  onChange: (columns: Partial<TransactionColumns>) => void;
  onSummarise: (columns: TransactionColumns) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { inspection, columns } = phase;
  const names = inspection.columns.map((column) => column.name);
  const choices: ColumnChoice[] = names.map((name, column) => ({ column, text: name }));
  const dateIndex = columns.date === undefined ? -1 : names.indexOf(columns.date);
  const reading = inspection.dateReadings[dateIndex]?.[0];
  const complete = ROLES.every((role) => columns[role] !== undefined);
  return (
    <Field
      label={t("largeFile.columns", {
        file: "path" in inspection.source ? inspection.source.path : "",
      })}
    >
      {ROLES.map((role) => (
        <ColumnDropdown
          key={role}
          label={t(`roles.${role}`)}
          choices={choices}
          value={columns[role] === undefined ? undefined : names.indexOf(columns[role] as string)}
          onChange={(column) =>
            onChange({ ...columns, [role]: column === undefined ? undefined : names[column] })
          }
        />
      ))}
      {reading && <Text>{t("largeFile.dates", { format: describeReading(reading) })}</Text>}
      <div>
        <Button
          appearance="primary"
          disabled={busy || !complete}
          onClick={() => onSummarise(columns as TransactionColumns)}
        >
          {t("largeFile.summarise")}
        </Button>
      </div>
    </Field>
  );
}
