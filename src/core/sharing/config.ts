import { z } from "./zod";
import { parseRangeAddress, rangeAddress } from "../workbook/a1";
import type { SheetRange } from "../workbook/workbookPort";
import { segmentMapFrom } from "../rfm/segmentMapFrom";
import { MAX_TIERS } from "../segmentation/palette";
import type { SegmentationMethod } from "../segmentation/segmentCustomers";

/** The store key of the last segmentation's configuration (see workbookStore.ts for where it lives). */
export const CONFIG_KEY = "cva.segmentation.config";
/** Written into the configuration so another program's JSON under the same key is told apart. */
export const CONFIG_FORMAT = "cva.segmentation.config";
export const CONFIG_VERSION = 1;

const column = z.number().int().min(0).max(16_383);
const share = z.number().gt(0).lt(1);
const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'Colours are "#RRGGBB".');

/** Tier choice shared by the methods that end in value tiers (see assignTiers). */
const tierFields = {
  cutoffs: z
    .array(share)
    .min(1)
    .max(MAX_TIERS - 1),
  labels: z.array(z.string().min(1).max(255)).min(2).max(MAX_TIERS),
  basis: z.enum(["customers", "value"]),
};

/** The checks assignTiers and the tier tally make, so a stored choice that passes here also runs. */
function checkTiers(
  choice: { cutoffs: number[]; labels: string[] },
  context: z.RefinementCtx
): void {
  if (choice.cutoffs.some((cutoff, i) => i > 0 && cutoff <= choice.cutoffs[i - 1]))
    context.addIssue({ code: "custom", path: ["cutoffs"], message: "Cutoffs must ascend." });
  if (choice.labels.length !== choice.cutoffs.length + 1)
    context.addIssue({
      code: "custom",
      path: ["labels"],
      message: `${choice.cutoffs.length} cutoff(s) make ${choice.cutoffs.length + 1} tiers, but ${choice.labels.length} label(s) are stored.`,
    });
  if (
    new Set(choice.labels.map((label) => label.toLocaleLowerCase())).size !== choice.labels.length
  )
    context.addIssue({
      code: "custom",
      path: ["labels"],
      message: "Tier names must differ (ignoring case).",
    });
}

const rfmMethod = z
  .object({
    method: z.literal("rfm"),
    bins: z.number().int().min(2).max(9),
    /** Code ("545") → segment, every code of the bins exactly once. */
    segmentMap: z.record(z.string(), z.string()),
  })
  .superRefine((rfm, context) => {
    try {
      segmentMapFrom(Object.entries(rfm.segmentMap));
    } catch (error) {
      context.addIssue({ code: "custom", path: ["segmentMap"], message: (error as Error).message });
      return;
    }
    const largestDigit = Math.max(
      ...Object.keys(rfm.segmentMap).flatMap((code) => [...code].map(Number))
    );
    if (largestDigit !== rfm.bins)
      context.addIssue({
        code: "custom",
        path: ["segmentMap"],
        message: `The segment map is made for ${largestDigit} bins, but the scores use ${rfm.bins}.`,
      });
  });

const tiersMethod = z
  .object({ method: z.literal("tiers"), column, ...tierFields })
  .superRefine(checkTiers);

const scoreMethod = z
  .object({
    method: z.literal("score"),
    columns: z.array(column).min(1),
    weights: z.array(z.number().min(0).max(1e6)),
    directions: z.array(z.union([z.literal(1), z.literal(-1)])),
    ...tierFields,
  })
  .superRefine((score, context) => {
    checkTiers(score, context);
    if (
      score.weights.length !== score.columns.length ||
      score.directions.length !== score.columns.length
    )
      context.addIssue({
        code: "custom",
        path: ["weights"],
        message: "A score needs one weight and one direction per column.",
      });
    if (!score.weights.some((weight) => weight > 0))
      context.addIssue({
        code: "custom",
        path: ["weights"],
        message: "At least one weight must be above 0.",
      });
  });

const predictiveMethod = z
  .object({
    method: z.literal("predictive"),
    model: z.enum(["BG/NBD", "MBG/NBD", "Pareto/NBD"]),
    /** Months ahead the predicted CLV covers. */
    months: z.number().int().min(1).max(1200),
    /** Discount rate per month. */
    discount: z.number().gt(-1).lt(1),
    /** Time unit of recency and T: days, weeks or months (PERIODS_PER_MONTH). */
    dataUnit: z.enum(["D", "W", "M"]),
    /** P(alive) below this share flags a customer as likely lost. */
    aliveThreshold: z.number().min(0).max(1),
    ...tierFields,
  })
  .superRefine(checkTiers);

const configSchema = z.object({
  format: z.literal(CONFIG_FORMAT),
  version: z.literal(CONFIG_VERSION),
  /** The segmented block: sheet and A1 address (readable by anyone who opens the store). */
  range: z
    .object({ sheet: z.string().min(1).max(31), address: z.string().max(32) })
    .refine((range) => parseRangeAddress(range.address, range.sheet) !== null, {
      message: 'The range address must look like "A1:F2358".',
      path: ["address"],
    }),
  hasHeader: z.boolean(),
  kind: z.enum(["customers", "transactions"]),
  /** Column of each role, counted from the range's first column. */
  columns: z
    .object({
      customer: column,
      recency: column,
      frequency: column,
      monetary: column,
      date: column,
      amount: column,
      firstPurchase: column,
      lastPurchase: column,
    })
    .partial(),
  method: z.discriminatedUnion("method", [rfmMethod, tiersMethod, scoreMethod, predictiveMethod]),
  /** "sunset" (tierPalette) or the user's own colours, best tier first. */
  palette: z.union([
    z.literal("sunset"),
    z
      .array(z.object({ fill: colour, fontColor: colour }))
      .min(1)
      .max(MAX_TIERS),
  ]),
  /** Excel date serial of the as-of date; null means the latest date in the data. */
  asOfDate: z.number().int().min(1).max(2_958_465).nullable(),
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  /** Whether the document is tagged to open the pane for everyone who has the add-in. */
  autoOpen: z.boolean(),
  /** What change monitoring flags and how many runs it keeps. */
  monitoring: z.object({
    keepRuns: z.number().int().min(1).max(60),
    /** Flag when predicted value fell by more than this share of its previous amount. */
    valueDropShare: z.number().min(0).max(1),
    /** Flag when P(alive) fell by more than this (0–1, absolute). */
    aliveDrop: z.number().min(0).max(1),
  }),
  savedAt: z.iso.datetime(),
});

export type SegmentationConfig = z.infer<typeof configSchema>;
export type ConfigMethod = SegmentationConfig["method"];

export type ConfigProblem = "notJson" | "foreign" | "version" | "invalid";

export type ParsedConfig =
  { ok: true; config: SegmentationConfig } | { ok: false; problem: ConfigProblem; message: string };

/** Issues listed in a rejection message; the rest are counted, so the message stays readable in the pane. */
const LISTED_ISSUES = 3;

/**
 * Reads a stored configuration. Never throws: whatever the text (damaged, another program's, a newer version's, a
 * segment map that is not a partition), the answer is a typed result whose message says what is wrong, so the pane
 * can say it and carry on with its defaults.
 * @example parseConfig("{").ok // false
 */
export function parseConfig(text: unknown): ParsedConfig {
  try {
    if (typeof text !== "string")
      return { ok: false, problem: "invalid", message: "The stored configuration is not text." };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return {
        ok: false,
        problem: "notJson",
        message: "The stored configuration is damaged (not valid JSON).",
      };
    }
    const record = parsed as { format?: unknown; version?: unknown };
    if (typeof parsed !== "object" || parsed === null || record.format !== CONFIG_FORMAT)
      return {
        ok: false,
        problem: "foreign",
        message: "The stored configuration was not written by Customer Value for Excel.",
      };
    if (record.version !== CONFIG_VERSION)
      return {
        ok: false,
        problem: "version",
        message:
          typeof record.version === "number" && record.version > CONFIG_VERSION
            ? `The stored configuration was written by a newer version of the add-in (format ${record.version}); update the add-in to use it.`
            : `The stored configuration has an unknown format version (${JSON.stringify(record.version)}).`,
      };
    const checked = configSchema.safeParse(parsed);
    if (checked.success) return { ok: true, config: checked.data };
    const issues = checked.error.issues.map(
      (issue) => `${issue.path.map(String).join(".") || "configuration"}: ${issue.message}`
    );
    const more = issues.length - LISTED_ISSUES;
    return {
      ok: false,
      problem: "invalid",
      message: `The stored configuration is not valid: ${issues.slice(0, LISTED_ISSUES).join("; ")}${more > 0 ? ` (and ${more} more)` : ""}.`,
    };
  } catch (error) {
    return {
      ok: false,
      problem: "invalid",
      message: `The stored configuration could not be read: ${String(error)}.`,
    };
  }
}

/** The configuration as JSON text; parseConfig reads it back identically. */
export function serializeConfig(config: SegmentationConfig): string {
  return JSON.stringify(config);
}

/** A range as the configuration stores it. */
export function storedRange(range: SheetRange): SegmentationConfig["range"] {
  return { sheet: range.sheet, address: rangeAddress(range) };
}

/** The stored range as the port's SheetRange (the schema has checked the address parses). */
export function configRange(config: SegmentationConfig): SheetRange {
  return parseRangeAddress(config.range.address, config.range.sheet) as SheetRange;
}

/**
 * The engine's method for a stored RFM, tiers or score configuration, so "run again" needs no questions; null for
 * predictive runs (the pane fits the models itself) or when a column the method needs is not mapped.
 */
export function methodFromConfig(config: SegmentationConfig): SegmentationMethod | null {
  const { method, columns } = config;
  switch (method.method) {
    case "rfm": {
      const { recency, frequency, monetary } = columns;
      if (recency === undefined || frequency === undefined || monetary === undefined) return null;
      return {
        method: "rfm",
        recency,
        frequency,
        monetary,
        bins: method.bins,
        segmentMap: new Map(Object.entries(method.segmentMap)),
      };
    }
    case "tiers":
      return { ...method };
    case "score":
      return { ...method };
    case "predictive":
      return null;
  }
}
