/**
 * Reading helpers of the inbox, kept free of React so they can be unit tested: how long an item has waited
 * ("3 days ago") and an amount as a reader expects it (grouped digits, every decimal kept).
 */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 days ago" / "3天前": the largest whole unit that fits, "now" under a minute. */
export function waitedFor(since: Date, now: Date, locale: string): string {
  const elapsed = Math.max(0, now.getTime() - since.getTime());
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, ms] of UNITS) if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  return format.format(0, "second");
}

/** A decimal string with the locale's digit grouping, never rounded ("12345.678" → "12,345.678"). */
export function groupedDecimal(value: string, locale: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return value;
  const [, sign, whole, fraction] = match;
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(BigInt(whole));
  const grouped = parts.map((p) => p.value).join("");
  const point = new Intl.NumberFormat(locale).formatToParts(0.5).find((p) => p.type === "decimal")?.value ?? ".";
  return `${sign}${grouped}${fraction ? point + fraction : ""}`;
}
