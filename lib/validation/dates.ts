/**
 * Dates at the edge. Every date here is an event in the brokerage's life — a registration, a deposit, an
 * audit entry, a campaign window, a lock's expiry — or a filter over them, so the range is 1970-01-01 to
 * 2999-12-31 (UTC): nothing precedes the Unix epoch (the exchange's timestamps are unsigned milliseconds),
 * anything later is a typo, and both ends stay well inside what JavaScript, Prisma (four-digit years only)
 * and PostgreSQL (4713 BC onwards) can hold, with room for a filter's "+ one day". Client-safe.
 */
import { z } from "zod";

export const DATE_MIN = new Date("1970-01-01T00:00:00.000Z");
export const DATE_MAX = new Date("2999-12-31T23:59:59.999Z");
const RANGE_ERROR = "Enter a date between 1970 and 2999";

/** What forms and URLs send ("2026-11-21", "2026-11-21T10:00", ISO text) and tRPC sends (a Date); never a number. */
const toDate = (v: unknown) => (typeof v === "string" && v.length <= 64 ? new Date(v.trim()) : v);

/** A real date between DATE_MIN and DATE_MAX. */
export const zDate = (error = "Enter a valid date") =>
  z.preprocess(toDate, z.date({ error }).min(DATE_MIN, { error: RANGE_ERROR }).max(DATE_MAX, { error: RANGE_ERROR }));

/** An optional date: absent, null or "" is undefined. */
export const zOptionalDate = (error?: string) => z.preprocess((v) => (v === "" || v == null ? undefined : v), zDate(error).optional());

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Exactly what `Date.prototype.toISOString` writes for an instant in range: no month 13, no 30 February. */
export function isIsoTimestamp(value: unknown): value is string {
  if (typeof value !== "string" || !ISO_TIMESTAMP.test(value)) return false;
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.toISOString() === value && date >= DATE_MIN && date <= DATE_MAX;
}

/** A calendar day "YYYY-MM-DD" that exists (a date of birth), from `from` up to today. */
export const zPastDay = (from: string, error: string) =>
  z.iso.date({ error }).refine((day) => day >= from && day <= new Date().toISOString().slice(0, 10), { error });
