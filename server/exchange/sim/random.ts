import "server-only";

/**
 * Small deterministic helpers: the generated data, market prices and rebate rows must be the same for
 * the same seed, so tests and benchmarks repeat. Not for anything secret.
 */

/** mulberry32: a fast 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32 bits: a stable number for a string (seeds per sub-account, per day, per file...). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  bool(pTrue = 0.5): boolean {
    return this.next() < pTrue;
  }
  /** Weighted choice: [[value, weight], ...]. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [value, w] of options) {
      x -= w;
      if (x < 0) return value;
    }
    return options[options.length - 1][0];
  }
  /** `length` characters from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let s = "";
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
  digits(length: number): string {
    return this.chars("123456789", 1) + this.chars("0123456789", length - 1);
  }
  hex(length: number): string {
    return this.chars("0123456789abcdef", length);
  }
}

/**
 * A decimal string from an integer count of minor units, without floating point:
 * units(1044408, 8) → "0.01044408"; trailing zeros trimmed ("1.5", "2").
 */
export function units(minor: number | bigint, decimals: number): string {
  const n = BigInt(minor);
  const negative = n < BigInt(0);
  const digits = (negative ? -n : n).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals).replace(/0+$/, "");
  return (negative ? "-" : "") + whole + (frac ? `.${frac}` : "");
}
