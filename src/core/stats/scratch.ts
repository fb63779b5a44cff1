/**
 * Scratch typed arrays for passes over a million rows, reused from one custom-function call to the next. Allocating
 * tens of megabytes per call makes V8 collect, and mark the whole heap (the ranges Excel handed over included), about
 * every other call; reusing the buffers spares that. Between calls they are held by WeakRef only, so the garbage
 * collector may take them back whenever it runs and an idle add-in keeps nothing.
 *
 * Buffers are lent inside withScratch (the adapters wrap each call in it) and all return when the outermost one
 * ends; outside it every request gets a fresh array. A lent array is not zeroed, and must not outlive the call.
 */
let depth = 0;
const lent: ArrayBuffer[] = [];
const idle: WeakRef<ArrayBuffer>[] = [];

export function withScratch<T>(compute: () => T): T {
  depth++;
  try {
    return compute();
  } finally {
    if (--depth === 0) {
      for (let k = idle.length - 1; k >= 0; k--)
        if (idle[k].deref() === undefined) idle.splice(k, 1);
      for (const buffer of lent) idle.push(new WeakRef(buffer));
      lent.length = 0;
    }
  }
}

/** An idle buffer of at least `bytes` (the smallest such), or a new one. */
function lend(bytes: number): ArrayBuffer {
  if (depth === 0) return new ArrayBuffer(bytes);
  let best: ArrayBuffer | undefined;
  let bestAt = -1;
  for (let k = 0; k < idle.length; k++) {
    const buffer = idle[k].deref();
    if (buffer && buffer.byteLength >= bytes && (!best || buffer.byteLength < best.byteLength)) {
      best = buffer;
      bestAt = k;
    }
  }
  if (best) idle.splice(bestAt, 1);
  const buffer = best ?? new ArrayBuffer(bytes);
  lent.push(buffer);
  return buffer;
}

export const scratchFloat64 = (n: number) => new Float64Array(lend(8 * n), 0, n);
export const scratchUint32 = (n: number) => new Uint32Array(lend(4 * n), 0, n);
export const scratchInt32 = (n: number) => new Int32Array(lend(4 * n), 0, n);
