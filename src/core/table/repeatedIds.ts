/**
 * Which rows repeat the customer id of an earlier row, for spotting duplicates in a million-row sheet.
 *
 * A JavaScript Set of a million strings costs hundreds of milliseconds (hashing, rehashing as it grows, a pointer
 * per id for the garbage collector). Here every id is hashed first, in one sequential pass (text by FNV-1a over its
 * UTF-16 code units, numbers by their 64 bits, each then mixed with murmur3's fmix32); then the hashes go into an
 * open-addressing table sized once (load ≤ ⅔, linear probing) that holds each hash beside its row in one typed
 * array, so a probe costs one cache miss. Ids are read back only when hashes match. Ids match as Excel values do
 * with ===: 7 and "7" are different ids.
 *
 * Reference: Fowler, Noll & Vo, "FNV hash" (FNV-1a, 32-bit); Appleby, "MurmurHash3" (fmix32).
 * @example repeatedIds(Uint32Array.of(0, 1, 2), (row) => ["a", "b", "a"][row]) // Uint8Array [0, 0, 1]
 */
export function repeatedIds(rows: Uint32Array, idOf: (row: number) => string | number): Uint8Array {
  const n = rows.length;
  const hashes = new Int32Array(n);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let k = 0; k < n; k++) hashes[k] = hashId(idOf(rows[k]), bits, words);

  let size = 16;
  while (size < n + (n >> 1)) size *= 2;
  const mask = size - 1;
  // Per slot: a hash, then k + 1 of the row that holds it (0 = a free slot).
  const table = new Int32Array(2 * size);
  const repeated = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const hash = hashes[k];
    let slot = hash & mask;
    for (;;) {
      const stored = table[2 * slot + 1];
      if (stored === 0) {
        table[2 * slot] = hash;
        table[2 * slot + 1] = k + 1;
        break;
      }
      if (table[2 * slot] === hash && idOf(rows[stored - 1]) === idOf(rows[k])) {
        repeated[k] = 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return repeated;
}

function hashId(id: string | number, bits: Float64Array, words: Uint32Array): number {
  let h = 0x811c9dc5;
  if (typeof id === "string") {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  } else {
    bits[0] = id + 0; // −0 + 0 is +0: the two zeros are one id, as === says
    h = Math.imul(h ^ words[0], 0x01000193);
    h = Math.imul(h ^ words[1], 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
