/**
 * Numbers, money and dates in the reader's locale. Money arrives as decimal strings (up to 18 decimals)
 * and is never turned into a float: the locale's separators come from Intl, the digits are grouped and
 * rounded as text, so what is shown is what the database holds. Client-safe and pure (locale passed in).
 */

interface Separators {
  group: string;
  decimal: string;
  minus: string;
}

const separatorCache = new Map<string, Separators>();

/** The locale's grouping, decimal and minus signs, read once from Intl. */
export function separatorsOf(locale: string): Separators {
  let found = separatorCache.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(-12345.6);
    const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
    // The typographic minus (U+2212) reads better than a hyphen beside digits, in both locales.
    found = { group: part("group", ","), decimal: part("decimal", "."), minus: part("minusSign", "-").replace("-", "−") };
    separatorCache.set(locale, found);
  }
  return found;
}

const numberCache = new Map<string, Intl.NumberFormat>();

/** A count or other JS number: "10,000". */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberCache.get(key);
  if (!format) numberCache.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format.format(value);
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** "1.235" rounded half away from zero to `digits` decimals, as text: [integer digits, fraction digits]. */
function roundDigits(int: string, frac: string, digits: number): [string, string] {
  if (frac.length <= digits) return [int, frac];
  const up = frac.charCodeAt(digits) >= 53; // "5".."9"
  const kept = int + frac.slice(0, digits);
  if (!up) return [int, frac.slice(0, digits)];
  // Add one to the last kept digit, carrying leftwards.
  const chars = kept.split("");
  let i = chars.length - 1;
  while (i >= 0 && chars[i] === "9") chars[i--] = "0";
  if (i >= 0) chars[i] = String(Number(chars[i]) + 1);
  else chars.unshift("1");
  const all = chars.join("");
  return [all.slice(0, all.length - digits), all.slice(all.length - digits)];
}

export interface DecimalFormatOptions {
  /** Pad to at least this many decimals (default 2: money reads as money). */
  minDecimals?: number;
  /** Round to at most this many decimals (default: keep every significant one). */
  maxDecimals?: number;
  /** Show "+" on positive values (ledger movements). */
  signed?: boolean;
}

/**
 * A decimal string in the locale: "10000" → "10,000.00", "-0.000000000000000001" kept to the last digit.
 * Text that is not a decimal number is returned as it is.
 */
export function formatDecimal(value: string, locale: string, options: DecimalFormatOptions = {}): string {
  const { minDecimals = 2, maxDecimals, signed = false } = options;
  const match = DECIMAL.exec(value.trim());
  if (!match) return value;
  const [, sign, intRaw, fracRaw = ""] = match;
  let [int, frac] = [intRaw, fracRaw.replace(/0+$/, "")];
  if (maxDecimals !== undefined) [int, frac] = roundDigits(int, frac, Math.max(maxDecimals, 0));
  int = int.replace(/^0+(?=\d)/, "");
  frac = frac.replace(/0+$/, "").padEnd(minDecimals, "0");
  const { group, decimal, minus } = separatorsOf(locale);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const zero = /^0*$/.test(int) && /^0*$/.test(frac);
  const prefix = zero ? "" : sign === "-" ? minus : signed ? "+" : "";
  return `${prefix}${grouped}${frac ? `${decimal}${frac}` : ""}`;
}

/** Whether a decimal string is below zero (for colouring), by its sign and digits alone. */
export const isNegativeDecimal = (value: string) => /^\s*-/.test(value) && /[1-9]/.test(value);

/** Money shown in lists: rounded for reading (`maxDecimals`, default 8) with the currency after it. */
export function formatMoney(value: string, currency: string | null | undefined, locale: string, options: DecimalFormatOptions = {}): string {
  const amount = formatDecimal(value, locale, { maxDecimals: 8, ...options });
  return currency ? `${amount} ${currency}` : amount;
}

/** The same amount with every decimal it has: for the hover title and anything copied. */
export function formatMoneyFull(value: string, currency: string | null | undefined, locale: string, options: Omit<DecimalFormatOptions, "maxDecimals"> = {}): string {
  const amount = formatDecimal(value, locale, { ...options, maxDecimals: undefined });
  return currency ? `${amount} ${currency}` : amount;
}

export const DATE_PRESETS = {
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  /** Audit trails need the seconds. */
  dateTimeSeconds: { dateStyle: "medium", timeStyle: "medium" },
  date: { dateStyle: "medium" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DatePreset = keyof typeof DATE_PRESETS;

const dateCache = new Map<string, Intl.DateTimeFormat>();

/** One shared Intl.DateTimeFormat per locale, preset and time zone. */
export function dateFormatter(locale: string, preset: DatePreset = "dateTime", timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${preset}|${timeZone ?? ""}`;
  let format = dateCache.get(key);
  if (!format) dateCache.set(key, (format = new Intl.DateTimeFormat(locale, { ...DATE_PRESETS[preset], timeZone })));
  return format;
}

/** A date (or ISO text) in the locale; an invalid value is shown as an empty string. */
export function formatDate(value: Date | string | number, locale: string, preset: DatePreset = "dateTime", timeZone?: string): string {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? "" : dateFormatter(locale, preset, timeZone).format(date);
}

const ELAPSED_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** How long ago, in the largest whole unit that fits ("3 days ago" / "3天前"); "now" under a minute. */
export function formatElapsed(since: Date, now: Date, locale: string): string {
  const elapsed = Math.max(0, now.getTime() - since.getTime());
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, ms] of ELAPSED_UNITS) if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  return format.format(0, "second");
}
