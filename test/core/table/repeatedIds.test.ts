import { repeatedIds } from "../../../src/core/table/repeatedIds";

const indexes = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

describe("repeatedIds", () => {
  it("marks every later occurrence of an id, with === semantics", () => {
    const ids: (string | number)[] = ["a", "b", "a", 7, "7", 7, 0, -0, "", "a"];
    expect(Array.from(repeatedIds(indexes(ids.length), (i) => ids[i]))).toEqual([
      0, 0, 1, 0, 0, 1, 0, 1, 0, 1,
    ]);
  });

  it("reads ids through the rows given, in their order", () => {
    const sheet = ["x", "y", "x", "z"];
    expect(Array.from(repeatedIds(Uint32Array.of(3, 2, 0), (row) => sheet[row]))).toEqual([
      0, 0, 1,
    ]);
  });

  it("agrees with a Set on many ids, most of them repeated", () => {
    let seed = 7;
    const ids = Array.from({ length: 50_000 }, () => {
      seed = (seed * 48271) % 2147483647;
      return seed % 3 === 0 ? seed % 5000 : `C${seed % 20000}`;
    });
    const seen = new Set<string | number>();
    const expected = ids.map((id) => (seen.has(id) ? 1 : (seen.add(id), 0)));
    expect(Array.from(repeatedIds(indexes(ids.length), (i) => ids[i]))).toEqual(expected);
  });
});
