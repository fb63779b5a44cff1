/**
 * The binary side of the stored snapshots: a growable byte buffer with LEB128 varints, and base64 (RFC 4648) so the
 * bytes can sit in a text cell. Written out here rather than through btoa/atob or Buffer, which exist in some of the
 * places this runs (Office's webviews, Node for tests and benches) but not all, and need a binary string first.
 */
export class ByteWriter {
  private bytes = new Uint8Array(1024);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Unsigned LEB128: 7 bits a byte, high bit set on all but the last; small numbers take one byte. */
  varint(value: number): void {
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.length++] = rest;
  }

  write(chunk: Uint8Array): void {
    this.reserve(chunk.length);
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads what ByteWriter wrote; a read past the end throws RangeError, which decoders turn into their message. */
export class ByteReader {
  offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.offset >= this.bytes.length) throw new RangeError("The data ends inside a number.");
      const byte = this.bytes[this.offset++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 53) throw new RangeError("A stored number is too large.");
    }
  }

  read(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length)
      throw new RangeError("The data ends before its last field.");
    const chunk = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return chunk;
  }

  get done(): boolean {
    return this.offset === this.bytes.length;
  }
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

const ALPHABET_CODES = Uint8Array.from(ALPHABET, (ch) => ch.charCodeAt(0));
const PAD = 61; // "="

/**
 * The characters are written as ASCII codes into one array and decoded in a single call: several times faster than
 * building the string piece by piece on multi-megabyte snapshots.
 * @example toBase64(Uint8Array.of(77, 97, 110)) // "TWFu"
 */
export function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = ALPHABET_CODES[n >> 18];
    out[o++] = ALPHABET_CODES[(n >> 12) & 63];
    out[o++] = ALPHABET_CODES[(n >> 6) & 63];
    out[o++] = ALPHABET_CODES[n & 63];
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i] << 16) | (rest === 2 ? bytes[i + 1] << 8 : 0);
    out[o++] = ALPHABET_CODES[n >> 18];
    out[o++] = ALPHABET_CODES[(n >> 12) & 63];
    out[o++] = rest === 2 ? ALPHABET_CODES[(n >> 6) & 63] : PAD;
    out[o++] = PAD;
  }
  return new TextDecoder().decode(out);
}

/** The bytes of a base64 text, or null when it is not base64 (wrong length or a foreign character). */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j);
      const isPadding = code === 61 && i + j >= text.length - padding;
      const digit = isPadding ? 0 : code < 128 ? DECODE[code] : -1;
      if (digit < 0) return null;
      n = (n << 6) | digit;
    }
    if (out < bytes.length) bytes[out++] = (n >> 16) & 255;
    if (out < bytes.length) bytes[out++] = (n >> 8) & 255;
    if (out < bytes.length) bytes[out++] = n & 255;
  }
  return bytes;
}
