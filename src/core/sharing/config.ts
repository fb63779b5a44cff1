import { z } from "./zod";
import { parseRangeAddress, rangeAddress } from "../workbook/a1";
import type { SheetRange } from "../workbook/workbookPort";
import { type Message, phrase } from "../messages/catalogue";
import { MAX_TIERS } from "../segmentation/palette";

/** Written into the configuration so another program's JSON under the same key is told apart. */
export const CONFIG_FORMAT = "cva.segmentation.config";
export const CONFIG_VERSION = 1;

/** A column, counted from the stored range's first column. */
export const storedColumn = z.number().int().min(0).max(16_383);
const share = z.number().gt(0).lt(1);
const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'Colours are "#RRGGBB".');

/** Tier choice shared by the methods that end in value tiers (see assignTiers). */
export const tierFields = {
  cutoffs: z
    .array(share)
    .min(1)
    .max(MAX_TIERS - 1),
  labels: z.array(z.string().min(1).max(255)).min(2).max(MAX_TIERS),
  basis: z.enum(["customers", "value"]),
};

/** The checks assignTiers and the tier tally make, so a stored choice that passes here also runs. */
export function checkTiers(
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

/** The stored method, whatever it is: the schema of the pane's method registry fills it in. */
type MethodSchema = z.ZodType<{ method: string }>;

/**
 * The schema of a stored segmentation: where the data is and how it is read, the method (its schema comes from
 * the caller's method registry, so each method owns its stored shape), and the monitoring options.
 */
export function configSchema<M extends MethodSchema>(method: M) {
  return z.object({
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
        customer: storedColumn,
        recency: storedColumn,
        frequency: storedColumn,
        monetary: storedColumn,
        date: storedColumn,
        amount: storedColumn,
        firstPurchase: storedColumn,
        lastPurchase: storedColumn,
      })
      .partial(),
    method,
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
}

/** The configuration a schema of configSchema describes. */
export type ConfigOf<M extends MethodSchema> = z.infer<ReturnType<typeof configSchema<M>>>;

/** What every stored configuration has, whatever its methods: enough to find and re-read its data. */
export type StoredConfigBase = ConfigOf<MethodSchema>;

export type ConfigProblem = "notJson" | "foreign" | "version" | "invalid";

export type ParsedConfig<C> =
  { ok: true; config: C } | { ok: false; problem: ConfigProblem; message: Message };

/** Fields listed in a rejection message; the rest are counted, so the message stays readable in the pane. */
const LISTED_ISSUES = 3;

/**
 * Reads a stored configuration against a schema of configSchema. Never throws: whatever the text (damaged, another
 * program's, a newer version's, a segment map that is not a partition), the answer is a typed result whose message
 * (a catalogue code) says what is wrong, so the pane can say it in the user's language and carry on with its
 * defaults.
 * @example parseConfigWith(schema, "{").ok // false
 */
export function parseConfigWith<C>(schema: z.ZodType<C>, text: unknown): ParsedConfig<C> {
  if (typeof text !== "string")
    return { ok: false, problem: "invalid", message: phrase("store.configNotText") };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: "notJson", message: phrase("store.configNotJson") };
  }
  return checkConfigWith(schema, parsed);
}

/**
 * parseConfigWith for a configuration already read from JSON (e.g. one inside another stored value). A rejection
 * names the fields at fault (their paths, e.g. "method.cutoffs"), which read the same in every language.
 */
export function checkConfigWith<C>(schema: z.ZodType<C>, value: unknown): ParsedConfig<C> {
  const record = value as { format?: unknown; version?: unknown };
  if (typeof value !== "object" || value === null || record.format !== CONFIG_FORMAT)
    return { ok: false, problem: "foreign", message: phrase("store.configForeign") };
  if (record.version !== CONFIG_VERSION)
    return {
      ok: false,
      problem: "version",
      message:
        typeof record.version === "number" && record.version > CONFIG_VERSION
          ? phrase("store.configNewer", { version: record.version })
          : phrase("store.configVersion", { version: JSON.stringify(record.version) ?? "" }),
    };
  const checked = schema.safeParse(value);
  if (checked.success) return { ok: true, config: checked.data };
  const fields = [
    ...new Set(checked.error.issues.map((issue) => issue.path.map(String).join(".") || "—")),
  ];
  const more = fields.length - LISTED_ISSUES;
  return {
    ok: false,
    problem: "invalid",
    message: phrase("store.configInvalid", {
      fields: fields.slice(0, LISTED_ISSUES).join(", ") + (more > 0 ? ` (+${more})` : ""),
    }),
  };
}

/** The configuration as JSON text; parseConfigWith reads it back identically. */
export function serializeConfig(config: StoredConfigBase): string {
  return JSON.stringify(config);
}

/** A range as the configuration stores it. */
export function storedRange(range: SheetRange): { sheet: string; address: string } {
  return { sheet: range.sheet, address: rangeAddress(range) };
}

/** The stored range as the port's SheetRange (the schema has checked the address parses). */
export function configRange(config: { range: { sheet: string; address: string } }): SheetRange {
  return parseRangeAddress(config.range.address, config.range.sheet) as SheetRange;
}
