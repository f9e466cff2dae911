/**
 * What the customer search box means. Digits are a uid or a phone number (with "+" they start with the
 * calling code); anything with "@" is an email address; the rest is part of a name or an email.
 * Pure, so the rules are unit-tested without a database.
 */
import "server-only";

/** A calling code ("+86") and the start of the national number after it. */
export type PhoneSplit = { countryCode: string; numberPrefix: string };

/** [from, to) in code-point order; `to` null: no upper bound. */
export type PrefixRange = { from: string; to: string | null };

export type CustomerSearch =
  /**
   * A uid (exact), the start of a national phone number, from four digits the end of one ("the last four
   * digits"), and from eight digits a whole number typed with its calling code but no "+" (`international`).
   */
  | { kind: "digits"; digits: string; suffix: boolean; international: PhoneSplit[] }
  /** "+<calling code><start of the number>": every way of splitting the code from the number. */
  | { kind: "phone"; splits: PhoneSplit[] }
  /** A whole address matches exactly; part of one ("@example.com", "liang.wei@") matches where it occurs. */
  | { kind: "email"; email: string; exact: boolean }
  /** Part of a name or an email, as an ILIKE pattern. */
  | { kind: "text"; pattern: string }
  /**
   * One or two characters: the start of a name or an email. Trigram indexes cannot serve fewer than three
   * characters (a two-character Chinese name would scan the brand), so a short search is a prefix, read
   * as b-tree ranges: one per upper/lower-case spelling of the name's start, one for the (lower-case) email.
   */
  | { kind: "prefix"; nameStarts: PrefixRange[]; emailStarts: PrefixRange };

const WHOLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The longest calling code is four digits (e.g. +1684). */
const MAX_CODE_DIGITS = 4;
/** Fewer digits than this are too common an ending to search phone numbers by. */
export const MIN_SUFFIX_DIGITS = 4;
/** Shorter runs of digits are read as a national number only; the shortest code + number is about this long. */
export const MIN_INTERNATIONAL_DIGITS = 8;

/** Every way of reading the first digits as a calling code (codes never start with 0). */
function callingCodeSplits(digits: string): PhoneSplit[] {
  const splits: PhoneSplit[] = [];
  for (let n = 1; n <= Math.min(MAX_CODE_DIGITS, digits.length) && digits[0] !== "0"; n++) {
    splits.push({ countryCode: `+${digits.slice(0, n)}`, numberPrefix: digits.slice(n) });
  }
  return splits;
}

/** Escapes LIKE's wildcards so a search for "50%" or "a_b" means those characters. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function classifySearch(raw: string): CustomerSearch | null {
  const q = raw.trim();
  if (!q) return null;
  const compact = q.replace(/[\s\-()]/g, "");
  if (/^\+?\d+$/.test(compact)) {
    const digits = compact.replace("+", "");
    if (compact.startsWith("+")) return { kind: "phone", splits: callingCodeSplits(digits) };
    return {
      kind: "digits",
      digits,
      suffix: digits.length >= MIN_SUFFIX_DIGITS,
      international: digits.length >= MIN_INTERNATIONAL_DIGITS ? callingCodeSplits(digits) : [],
    };
  }
  if (q.includes("@")) {
    const email = q.toLowerCase();
    return { kind: "email", email, exact: WHOLE_EMAIL.test(email) };
  }
  if ([...q].length < MIN_CONTAINS_CHARS) {
    return { kind: "prefix", nameStarts: caseSpellings(q).map(prefixRange), emailStarts: prefixRange(q.toLowerCase()) };
  }
  return { kind: "text", pattern: `%${escapeLike(q)}%` };
}

/** Trigram search needs three characters; anything shorter is matched as a prefix. */
export const MIN_CONTAINS_CHARS = 3;

/** Every upper/lower-case spelling of a short text ("li" → li, lI, Li, LI; "王芳" → 王芳). */
function caseSpellings(text: string): string[] {
  let spellings = [""];
  for (const char of text) {
    const variants = [...new Set([char.toLowerCase(), char.toUpperCase()])];
    spellings = spellings.flatMap((start) => variants.map((v) => start + v));
  }
  return spellings;
}

/**
 * The strings that start with `prefix` as a range [from, to): `to` is the prefix with its last character
 * moved to the next code point. Exact under the C collation the databases are created with (code-point order).
 * U+10FFFF has no next code point: trailing ones are dropped and the character before moves on instead
 * ("a" + U+10FFFF → "b"); a prefix of nothing else has no upper bound (`to` null). The next code point after
 * U+D7FF is U+E000, surrogates being no characters of their own.
 */
export function prefixRange(prefix: string): PrefixRange {
  const chars = [...prefix];
  while (chars.length && chars[chars.length - 1].codePointAt(0) === 0x10ffff) chars.pop();
  if (!chars.length) return { from: prefix, to: null };
  const last = chars.pop()!.codePointAt(0)!;
  return { from: prefix, to: chars.join("") + String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1) };
}

/**
 * The smallest digit string above every string that starts with `prefix` ("138" → "139", "1299" → "13"),
 * or null when there is none ("999"). `phone >= prefix AND phone < end` is a prefix match a b-tree index
 * serves under any collation, unlike LIKE 'prefix%' (which needs the C collation).
 */
export function digitPrefixEnd(prefix: string): string | null {
  const trimmed = prefix.replace(/9+$/, "");
  if (!trimmed) return null;
  return trimmed.slice(0, -1) + String(Number(trimmed.at(-1)) + 1);
}

/** uids are bigints; a longer run of digits can only be a phone number. */
export const couldBeUid = (digits: string) => /^[1-9]\d{0,17}$/.test(digits);
