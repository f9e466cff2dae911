/**
 * Table state shared by the browser (URL search params) and the server (list procedures, CSV export):
 * one zod schema parses both, so a link, a page and an export always mean the same rows.
 * Multi-valued filters travel as comma-separated values ("role=admin,support").
 */
import { z } from "zod";
import { zOptionalDate } from "@/lib/validation/dates";
import { zSearchTerm, zText } from "@/lib/validation/text";

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const ZTableQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { error: "pageSize must be 10, 20, 50 or 100" })
    .default(20),
  /** Column id to sort by; each list procedure narrows this to its sortable columns. */
  sort: zText(64).optional(),
  dir: z.enum(["asc", "desc"]).default("desc"),
  /** Free-text search. */
  q: zSearchTerm(200),
});
export type TableQuery = z.infer<typeof ZTableQuery>;

/** A multi-valued filter from "a,b,c" (URL) or ["a","b"] (tRPC), restricted to allowed values. */
export const zMulti = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v === "" ? undefined : v.split(",")) : v),
    z.array(z.enum(values)).max(values.length).optional(),
  );

/** An optional date filter from "2026-11-21" or an ISO string, within lib/validation/dates.ts's range. */
export const zDateParam = zOptionalDate();

/** Reads URLSearchParams (or Next's searchParams object) into a plain object for a schema to parse. */
export function searchParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    params.forEach((value, key) => (out[key] = value));
  } else {
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined) out[key] = Array.isArray(value) ? value.join(",") : value;
    }
  }
  return out;
}

export interface Page<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
}

export const pageArgs = (q: Pick<TableQuery, "page" | "pageSize">) => ({ skip: (q.page - 1) * q.pageSize, take: q.pageSize });
