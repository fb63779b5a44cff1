import fc from "fast-check";
import { DEFAULT_SEGMENT_MAP } from "../../src/core/rfm/segmentMap";
import { configRange, serializeConfig, storedRange } from "../../src/core/sharing/config";
import { SegmentationConfig, parseConfig } from "../../src/taskpane/flow/storedConfig";
import { renderMessage } from "../../src/core/messages/render";
import { StoreSession } from "../../src/taskpane/flow/storeSession";
import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";

/** The configuration the pane would store after an RFM run on the bundled sample. */
const rfmConfig: SegmentationConfig = {
  format: "cva.segmentation.config",
  version: 1,
  range: { sheet: "Customers", address: "A1:F2358" },
  hasHeader: true,
  kind: "customers",
  columns: { customer: 0, recency: 3, frequency: 4, monetary: 5 },
  method: { method: "rfm", bins: 5, segmentMap: Object.fromEntries(DEFAULT_SEGMENT_MAP) },
  palette: "sunset",
  asOfDate: 35975,
  locale: "en-US",
  autoOpen: true,
  monitoring: { keepRuns: 12, valueDropShare: 0.25, aliveDrop: 0.2 },
  savedAt: "2026-11-20T09:30:00.000Z",
};

/** A rejection, with its message in both languages. */
const failure = (text: unknown) => {
  const parsed = parseConfig(text);
  if (parsed.ok) throw new Error("expected a rejection");
  return {
    ...parsed,
    en: renderMessage(parsed.message, "en-US"),
    zh: renderMessage(parsed.message, "zh-CN"),
  };
};

describe("segmentation configuration stored in the workbook", () => {
  it("reads back what it wrote, identically", () => {
    expect(parseConfig(serializeConfig(rfmConfig))).toEqual({ ok: true, config: rfmConfig });
  });

  it("survives the workbook store: saved, workbook reread, restored identically", async () => {
    const workbook = new MemoryWorkbook({ Customers: [["Customer ID"]] });
    await new StoreSession(workbook).update({ config: serializeConfig(rfmConfig) });
    const { entries } = await new StoreSession(workbook).read();
    expect(parseConfig(entries.get("config"))).toEqual({ ok: true, config: rfmConfig });
    expect(workbook.sheetVisibility("_cva")).toBe("veryHidden");
    expect(workbook.sheetNames()).toEqual(["Customers"]);
  });

  it("turns the stored range back into the range the data is read from", () => {
    expect(configRange(rfmConfig)).toEqual({
      sheet: "Customers",
      row: 0,
      column: 0,
      rowCount: 2358,
      columnCount: 6,
    });
    expect(storedRange(configRange(rfmConfig))).toEqual(rfmConfig.range);
  });

  it("rejects damaged, foreign and newer configurations with a message", () => {
    expect(failure("{not json")).toMatchObject({ problem: "notJson" });
    expect(failure('{"theme":"dark"}')).toMatchObject({ problem: "foreign" });
    expect(failure("[1,2,3]")).toMatchObject({ problem: "foreign" });
    expect(failure("null")).toMatchObject({ problem: "foreign" });
    expect(failure(42)).toMatchObject({ problem: "invalid" });
    const newer = failure(JSON.stringify({ ...rfmConfig, version: 2 }));
    expect(newer.problem).toBe("version");
    expect(newer.en).toMatch(/newer version of the add-in \(format 2\)/);
    expect(newer.zh).toMatch(/更新版本的加载项写入（格式 2）/);
  });

  it("rejects a segment map that is not a partition, naming the codes", () => {
    const map = Object.fromEntries(DEFAULT_SEGMENT_MAP);
    delete map["345"];
    const gap = failure(
      JSON.stringify({ ...rfmConfig, method: { ...rfmConfig.method, segmentMap: map } })
    );
    expect(gap.problem).toBe("invalid");
    expect(gap.en).toBe("The stored configuration is not valid: method.segmentMap.");
    const wrongBins = failure(
      JSON.stringify({ ...rfmConfig, method: { ...rfmConfig.method, bins: 4 } })
    );
    expect(wrongBins.zh).toBe("保存的配置无效：method.segmentMap。");
  });

  it("rejects tier choices the engine would refuse", () => {
    const tiers = {
      ...rfmConfig,
      method: {
        method: "tiers",
        column: 5,
        cutoffs: [0.5, 0.2],
        labels: ["High", "high"],
        basis: "customers",
      },
    };
    const rejected = failure(JSON.stringify(tiers));
    expect(rejected.en).toBe(
      "The stored configuration is not valid: method.cutoffs, method.labels."
    );
  });
});

const label = fc.string({ minLength: 1, maxLength: 12 });
const share = fc.double({ min: 0.001, max: 0.999, noNaN: true });

/** Value-tier choices that pass the engine's checks: ascending cutoffs, one more label, labels apart ignoring case. */
const tierChoice = fc
  .uniqueArray(share, { minLength: 1, maxLength: 4, selector: (x) => x })
  .chain((cutoffs) =>
    fc.record({
      cutoffs: fc.constant([...cutoffs].sort((a, b) => a - b)),
      labels: fc.uniqueArray(label, {
        minLength: cutoffs.length + 1,
        maxLength: cutoffs.length + 1,
        selector: (s) => s.toLocaleLowerCase(),
      }),
      basis: fc.constantFrom("customers" as const, "value" as const),
    })
  );

/** Any segment map of b bins: every code gets one of a few names, so it is a partition by construction. */
const segmentMap = fc.integer({ min: 2, max: 4 }).chain((bins) => {
  const codes: string[] = [];
  for (let r = 1; r <= bins; r++)
    for (let f = 1; f <= bins; f++) for (let m = 1; m <= bins; m++) codes.push(`${r}${f}${m}`);
  return fc.record({
    method: fc.constant("rfm" as const),
    bins: fc.constant(bins),
    segmentMap: fc
      .array(fc.constantFrom("Best", "Good", "Okay", "Lost", "客户"), {
        minLength: codes.length,
        maxLength: codes.length,
      })
      .map((names) => Object.fromEntries(codes.map((code, i) => [code, names[i]]))),
  });
});

const column = fc.nat({ max: 100 });
const method = fc.oneof(
  segmentMap,
  tierChoice.chain((choice) =>
    fc.record({ method: fc.constant("tiers" as const), column, ...constants(choice) })
  ),
  tierChoice.chain((choice) =>
    fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc.record({
        method: fc.constant("score" as const),
        columns: fc.array(column, { minLength: n, maxLength: n }),
        weights: fc
          .array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: n, maxLength: n })
          .map((weights) => [1, ...weights.slice(1)]),
        directions: fc.array(fc.constantFrom(1 as const, -1 as const), {
          minLength: n,
          maxLength: n,
        }),
        ...constants(choice),
      })
    )
  ),
  tierChoice.chain((choice) =>
    fc.record({
      method: fc.constant("predictive" as const),
      model: fc.constantFrom("BG/NBD" as const, "MBG/NBD" as const, "Pareto/NBD" as const),
      months: fc.integer({ min: 1, max: 1200 }),
      // JSON has no −0: adding 0 turns it into 0, as any reader of the JSON would see it.
      discount: fc.double({ min: -0.5, max: 0.5, noNaN: true }).map((x) => x + 0),
      dataUnit: fc.constantFrom("D" as const, "W" as const, "M" as const),
      aliveThreshold: fc.double({ min: 0, max: 1, noNaN: true }),
      ...constants(choice),
    })
  )
);

function constants<T extends object>(record: T): { [K in keyof T]: fc.Arbitrary<T[K]> } {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fc.constant(v)])) as {
    [K in keyof T]: fc.Arbitrary<T[K]>;
  };
}

const colour = fc
  .integer({ min: 0, max: 0xffffff })
  .map((n) => `#${n.toString(16).padStart(6, "0").toUpperCase()}`);

const config: fc.Arbitrary<SegmentationConfig> = fc.record({
  format: fc.constant("cva.segmentation.config" as const),
  version: fc.constant(1 as const),
  range: fc.record({
    sheet: fc.string({ minLength: 1, maxLength: 31 }),
    address: fc
      .tuple(fc.nat({ max: 16_383 }), fc.nat({ max: 1_048_575 }))
      .map(([c, r]) => `A${r + 1}:${String.fromCharCode(65 + (c % 26))}${r + 10}`),
  }),
  hasHeader: fc.boolean(),
  kind: fc.constantFrom("customers" as const, "transactions" as const),
  columns: fc.record(
    {
      customer: column,
      recency: column,
      frequency: column,
      monetary: column,
      firstPurchase: column,
    },
    { requiredKeys: [] }
  ),
  method,
  palette: fc.oneof(
    fc.constant("sunset" as const),
    fc.array(fc.record({ fill: colour, fontColor: colour }), { minLength: 1, maxLength: 11 })
  ),
  asOfDate: fc.option(fc.integer({ min: 1, max: 2_958_465 }), { nil: null }),
  locale: fc.constantFrom("en-US", "zh-CN", "fr"),
  autoOpen: fc.boolean(),
  monitoring: fc.record({
    keepRuns: fc.integer({ min: 1, max: 60 }),
    valueDropShare: fc.double({ min: 0, max: 1, noNaN: true }),
    aliveDrop: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  savedAt: fc
    .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((date) => date.toISOString()),
});

describe("configuration properties (fast-check)", () => {
  it("serialize then parse is the identity", () => {
    fc.assert(
      fc.property(config, (c) => {
        const parsed = parseConfig(serializeConfig(c));
        expect(parsed).toEqual({ ok: true, config: c });
      }),
      { numRuns: 300 }
    );
  });

  it("never throws on junk, and rejects it", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.anything().map((x) => JSON.stringify(x) ?? "")
        ),
        (text) => {
          const parsed = parseConfig(text);
          expect(parsed.ok).toBe(false);
          if (parsed.ok) return;
          expect(renderMessage(parsed.message, "en-US").length).toBeGreaterThan(0);
          expect(renderMessage(parsed.message, "zh-CN").length).toBeGreaterThan(0);
        }
      ),
      { numRuns: 500 }
    );
  });

  it("never throws on a valid configuration with one field damaged", () => {
    fc.assert(
      fc.property(config, fc.anything(), fc.nat(), (c, junk, pick) => {
        const record = JSON.parse(serializeConfig(c)) as Record<string, unknown>;
        const keys = Object.keys(record).filter((key) => key !== "format" && key !== "version");
        record[keys[pick % keys.length]] = junk;
        const parsed = parseConfig(JSON.stringify(record));
        if (!parsed.ok) expect(renderMessage(parsed.message, "zh-CN").length).toBeGreaterThan(0);
      }),
      { numRuns: 300 }
    );
  });
});
