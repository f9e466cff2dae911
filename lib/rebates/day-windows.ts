/**
 * Day ranges of the DMA reports, pure: a range split into whole months and the days around them (which sums
 * a report reads, server/rebates/report-sources.ts), a page of fills placed among per-day counts (which days
 * the drill-down reads, server/rebates/trades.ts), and a range's first and last millisecond.
 */
export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * A day range as whole calendar months plus the days around them: `months` null when no whole month fits.
 * 2026-01-15 … 2026-04-10 → days 01-15…01-31, months 02-01…03-01 (first days), days 04-01…04-10.
 */
export function splitByMonths(r: DayRange): { months: DayRange | null; days: DayRange[] } {
  const from = new Date(dayMs(r.from));
  const to = new Date(dayMs(r.to));
  const firstWhole = from.getUTCDate() === 1 ? from : new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const afterTo = dayMs(r.to) + DAY_MS;
  const endsMonth = new Date(afterTo).getUTCDate() === 1;
  const lastWholeStart = endsMonth ? new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), 1)) : new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 1, 1));
  if (firstWhole.getTime() > lastWholeStart.getTime()) return { months: null, days: [r] };
  const days: DayRange[] = [];
  if (firstWhole.getTime() > dayMs(r.from)) days.push({ from: r.from, to: iso(firstWhole.getTime() - DAY_MS) });
  const afterLast = Date.UTC(lastWholeStart.getUTCFullYear(), lastWholeStart.getUTCMonth() + 1, 1);
  if (afterLast <= dayMs(r.to)) days.push({ from: iso(afterLast), to: r.to });
  return { months: { from: iso(firstWhole.getTime()), to: iso(lastWholeStart.getTime()) }, days };
}

/** First and last millisecond of a day range (UTC), for the fills' ts. */
export function tsBounds(r: DayRange): [number, number] {
  return [dayMs(r.from), dayMs(r.to) + DAY_MS - 1];
}

/**
 * The days holding rows offset … offset + limit − 1 of the counted days (in page order), and how many of the
 * window's own rows come before the page; null when the page is past the end.
 */
export function pageWindow(days: { day: string; n: number }[], offset: number, limit: number, asc: boolean): { days: DayRange; skip: number } | null {
  let seen = 0;
  let first: { day: string; before: number } | null = null;
  for (const d of days) {
    if (!first && seen + d.n > offset) first = { day: d.day, before: seen };
    seen += d.n;
    if (first && seen >= offset + limit) return { days: asc ? { from: first.day, to: d.day } : { from: d.day, to: first.day }, skip: offset - first.before };
  }
  if (!first) return null;
  const last = days[days.length - 1].day;
  return { days: asc ? { from: first.day, to: last } : { from: last, to: first.day }, skip: offset - first.before };
}
