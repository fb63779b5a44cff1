import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEngine } from "../../src/cli/duckdbEngine";
import { gammaGamma } from "../../src/core/models/gammaGamma";
import { predictedClv } from "../../src/core/models/predictiveClv";
import { modelById, transactionModel } from "../../src/core/models/registry";
import { ROOT, runCva } from "./runCva";

const CDNOW = join(ROOT, "data", "CDNOW_master.txt");
let dir: string;
const path = (name: string) => join(dir, name);

/** Columns of a file cva wrote, read back with DuckDB. */
async function columns(file: string, names: string[]): Promise<number[][]> {
  const engine = await openEngine({ threads: 1 });
  try {
    const rows = await engine.rows(
      `SELECT ${names.map((n) => `CAST("${n}" AS DOUBLE)`).join(", ")} FROM '${file}'`
    );
    return names.map((_, c) => rows.map((row) => row[c] as number));
  } finally {
    engine.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cva-fit-"));
  const run = await runCva([
    "summarise",
    CDNOW,
    "--out",
    path("customers.parquet"),
    "--patterns",
    path("patterns.csv"),
  ]);
  expect(run.code).toBe(0);
}, 30000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("cva fit", () => {
  it.each(["bgnbd", "mbgnbd", "paretonbd"])(
    "%s from the customer table and from its pattern table equals the engine's fit on per-customer rows",
    async (name) => {
      const [frequency, recency, T] = await columns(path("customers.parquet"), [
        "frequency",
        "recency",
        "T",
      ]);
      const id = { bgnbd: "BG/NBD", mbgnbd: "MBG/NBD", paretonbd: "Pareto/NBD" }[name] as "BG/NBD";
      const model = modelById(id);
      const expected = model.fit(frequency, recency, T);
      for (const input of ["customers.parquet", "patterns.csv"]) {
        const run = await runCva(["fit", path(input), "--model", name]);
        expect(run.code).toBe(0);
        const fit = JSON.parse(run.stdout);
        expect(fit.customers).toBe(23570);
        expect(fit.params.model).toBe(id);
        for (const parameter of model.parameterNames)
          expect(relative(fit.params[parameter], expected.params[parameter])).toBeLessThan(1e-6);
        expect(relative(fit.logLikelihood, expected.logLikelihood)).toBeLessThan(1e-9);
      }
    },
    30000
  );

  it("stops Gamma-Gamma at a repeat customer with no spend, or leaves such customers out when told", async () => {
    const strict = await runCva(["fit", path("customers.parquet"), "--model", "gg"]);
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain(
      "1 customers with frequency 1, monetary 0: monetary must be > 0"
    );
    const lenient = await runCva([
      "fit",
      path("customers.parquet"),
      "--model",
      "GG",
      "--skip-bad-rows",
      "--out",
      path("gg.json"),
    ]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain("1 customers the model cannot take left out");
    const [frequency, monetary] = await columns(path("customers.parquet"), [
      "frequency",
      "monetary",
    ]);
    const kept = frequency.map((_, i) => i).filter((i) => !(frequency[i] > 0 && monetary[i] === 0));
    const expected = gammaGamma.fit(
      kept.map((i) => frequency[i]),
      kept.map((i) => monetary[i])
    );
    const fit = JSON.parse(readFileSync(path("gg.json"), "utf8"));
    for (const parameter of ["p", "q", "v"] as const)
      expect(relative(fit.params[parameter], expected.params[parameter])).toBeLessThan(1e-6);
  }, 30000);

  it("exits 2 for an unknown model and 3 for a file without the columns", async () => {
    const unknown = await runCva(["fit", path("customers.parquet"), "--model", "nbd"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--model must be one of bgnbd|paretonbd|mbgnbd|bgbb|gg");
    const patterns = await runCva(["fit", path("patterns.csv"), "--model", "gg"]);
    expect(patterns.code).toBe(3);
    expect(patterns.stderr).toContain('has no column "monetary"');
  });
});

describe("cva score", () => {
  it("gives every customer the engine's P(alive), expected purchases and predicted CLV (here over 6 months)", async () => {
    expect(
      (
        await runCva([
          "fit",
          path("customers.parquet"),
          "--model",
          "bgnbd",
          "--out",
          path("bg.json"),
        ])
      ).code
    ).toBe(0);
    const gg = JSON.parse(
      (await runCva(["fit", path("customers.parquet"), "--model", "gg", "--skip-bad-rows"])).stdout
    ).params;
    const run = await runCva([
      "score",
      path("customers.parquet"),
      "--params",
      path("bg.json"),
      "--params",
      `GG,${gg.p},${gg.q},${gg.v}`,
      "--months",
      "6",
      "--out",
      path("scored.parquet"),
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("1 customers with empty scores");
    const [f, r, T, m, alive, expected, clv] = await columns(path("scored.parquet"), [
      "frequency",
      "recency",
      "T",
      "monetary",
      "p_alive",
      "expected_purchases",
      "predicted_clv",
    ]);
    expect(f).toHaveLength(23570);
    const bg = JSON.parse(readFileSync(path("bg.json"), "utf8")).params;
    const model = transactionModel(bg);
    const clvs = predictedClv(bg, { model: "GG", ...gg }, f, r, T, m, { months: 6 });
    let checked = 0;
    f.forEach((_, i) => {
      expect(alive[i]).toBe(model.conditionalProbabilityAlive(bg, f[i], r[i], T[i]));
      expect(expected[i]).toBe(model.conditionalExpectedPurchases(bg, 180, f[i], r[i], T[i]));
      const value = clvs[i];
      if (typeof value === "number") {
        expect(clv[i]).toBe(value);
        checked++;
      } else {
        expect(clv[i]).toBeNull();
      }
    });
    expect(checked).toBe(23569);
  }, 60000);

  it("exits 2 without a transaction model or with a malformed parameter row", async () => {
    const out = ["--out", path("x.parquet")];
    expect(
      (await runCva(["score", path("customers.parquet"), "--params", "GG,1,2,3", ...out])).code
    ).toBe(2);
    const bad = await runCva([
      "score",
      path("customers.parquet"),
      "--params",
      "BG/NBD,1,2,-3,4",
      ...out,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("must be > 0");
  });
});
