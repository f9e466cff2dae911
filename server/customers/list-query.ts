/**
 * The customer list's SQL, built for a million customers per brand:
 *  - every statement starts with `brand_id = $tenant`, so each filter's (brand, filter, registered_at, id)
 *    index serves it;
 *  - pages after the first few are read by keyset — a row-value comparison with the edge row of the
 *    previous page, which the index turns into a range start — so page 1,000 costs what page 1 costs;
 *  - the total is counted up to the cap + 1 rows only ("10,000+" beyond that; "1,000+" for a search, whose
 *    broad matches — "@example.com" — would otherwise read ten thousand rows just to count them).
 * The benchmark runs these same statements through plain pg to compare against the service.
 */
import "server-only";
import { endOfRange } from "../audit/query";
import { Prisma } from "../db/client";
import type { ListCursor, SortDir } from "./cursor";
import type { CustomerListInput, CustomerSort } from "@/lib/customers/schemas";
import { classifySearch, couldBeUid, digitPrefixEnd, escapeLike, type CustomerSearch, type PhoneSplit, type PrefixRange } from "./search";

export const CUSTOMER_TOTAL_CAP = 10_000;
/** Searches find someone; counting their matches exactly past a thousand would cost more than the page. */
export const SEARCH_TOTAL_CAP = 1_000;

/** How far the total of this filter is counted. */
export const totalCapFor = (f: Pick<CustomerFilter, "q">) => (f.q?.trim() ? SEARCH_TOTAL_CAP : CUSTOMER_TOTAL_CAP);

export type CustomerFilter = Pick<
  CustomerListInput,
  "q" | "status" | "kycLevel" | "group" | "country" | "tag" | "registeredFrom" | "registeredTo" | "statusChangedFrom" | "statusChangedTo"
>;

/** A row as the list statement returns it (uid is a bigint: Prisma gives BigInt, pg gives text). */
export interface CustomerListRecord {
  id: string;
  uid: bigint | string;
  email: string | null;
  phoneCountryCode: string | null;
  phone: string | null;
  name: string;
  country: string;
  language: string;
  status: "active" | "frozen" | "closed";
  kycLevel: number;
  groupId: string | null;
  groupName: string | null;
  tags: string[] | null;
  registeredAt: Date;
  registrationSource: "web" | "app" | "api" | "backoffice";
}

/** `col = v` for one value (so the column's index keeps the sort order), `col IN (...)` for several. */
function oneOf(column: Prisma.Sql, values: readonly Prisma.Sql[]): Prisma.Sql {
  return values.length === 1 ? Prisma.sql`${column} = ${values[0]}` : Prisma.sql`${column} IN (${Prisma.join(values)})`;
}

/** The brand's distinct calling codes, by a loose index scan (one probe per code), for phone prefixes. */
const brandCallingCodes = (tenantId: string) => Prisma.sql`ARRAY(
  WITH RECURSIVE codes(code) AS (
    SELECT min(phone_country_code) FROM customer WHERE brand_id = ${tenantId}::uuid
    UNION ALL
    SELECT (SELECT min(x.phone_country_code) FROM customer x WHERE x.brand_id = ${tenantId}::uuid AND x.phone_country_code > codes.code)
    FROM codes WHERE codes.code IS NOT NULL
  )
  SELECT code FROM codes WHERE code IS NOT NULL)`;

function phonePrefix(numberPrefix: string): Prisma.Sql {
  const end = digitPrefixEnd(numberPrefix);
  return end === null ? Prisma.sql`c.phone >= ${numberPrefix}` : Prisma.sql`c.phone >= ${numberPrefix} AND c.phone < ${end}`;
}

/** The number ends with these digits: a prefix of the reversed number, on the (brand, phone_reversed) index. */
function phoneSuffix(digits: string): Prisma.Sql {
  const reversed = [...digits].reverse().join("");
  const end = digitPrefixEnd(reversed);
  const range = end === null ? Prisma.sql`c.phone_reversed >= ${reversed}` : Prisma.sql`c.phone_reversed >= ${reversed} AND c.phone_reversed < ${end}`;
  return Prisma.sql`(${range})`;
}

function phoneSplit({ countryCode, numberPrefix }: PhoneSplit): Prisma.Sql {
  return numberPrefix
    ? Prisma.sql`(c.phone_country_code = ${countryCode} AND ${phonePrefix(numberPrefix)})`
    : Prisma.sql`c.phone_country_code = ${countryCode}`;
}

function searchCondition(tenantId: string, search: CustomerSearch): Prisma.Sql {
  switch (search.kind) {
    case "digits": {
      // No (brand, phone) index: the (brand, calling code, phone) index is probed once per code in use.
      const ways = [Prisma.sql`(c.phone_country_code = ANY(${brandCallingCodes(tenantId)}) AND ${phonePrefix(search.digits)})`];
      if (couldBeUid(search.digits)) ways.unshift(Prisma.sql`c.uid = ${search.digits}::bigint`);
      if (search.suffix) ways.push(phoneSuffix(search.digits));
      ways.push(...search.international.map(phoneSplit));
      return Prisma.sql`(${Prisma.join(ways, " OR ")})`;
    }
    case "phone":
      return search.splits.length ? Prisma.sql`(${Prisma.join(search.splits.map(phoneSplit), " OR ")})` : Prisma.sql`false`;
    case "email":
      return search.exact ? Prisma.sql`c.email = ${search.email}` : Prisma.sql`c.email ILIKE ${`%${escapeLike(search.email)}%`}`;
    case "text":
      return Prisma.sql`(c.name ILIKE ${search.pattern} OR c.email ILIKE ${search.pattern})`;
    case "prefix": {
      const range = (column: Prisma.Sql, { from, to }: PrefixRange) =>
        to === null ? Prisma.sql`${column} >= ${from}` : Prisma.sql`(${column} >= ${from} AND ${column} < ${to})`;
      const ranges = [...search.nameStarts.map((r) => range(Prisma.sql`c.name`, r)), range(Prisma.sql`c.email`, search.emailStarts)];
      return Prisma.sql`(${Prisma.join(ranges, " OR ")})`;
    }
  }
}

/** WHERE clause of the list, the count and the export: the brand first, then each filter given. */
export function customerWhere(tenantId: string, f: CustomerFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c.brand_id = ${tenantId}::uuid`];
  if (f.status?.length) parts.push(oneOf(Prisma.sql`c.status`, f.status.map((s) => Prisma.sql`${s}::"CustomerStatus"`)));
  if (f.kycLevel?.length) parts.push(oneOf(Prisma.sql`c.kyc_level`, f.kycLevel.map((l) => Prisma.sql`${Number(l)}::smallint`)));
  if (f.group?.length) {
    const ids = f.group.filter((g) => g !== "none");
    const inGroups = ids.length ? oneOf(Prisma.sql`c.group_id`, ids.map((id) => Prisma.sql`${id}::uuid`)) : null;
    const noGroup = f.group.includes("none") ? Prisma.sql`c.group_id IS NULL` : null;
    parts.push(inGroups && noGroup ? Prisma.sql`(${inGroups} OR ${noGroup})` : (inGroups ?? noGroup)!);
  }
  if (f.country?.length) parts.push(oneOf(Prisma.sql`c.country`, f.country.map((c) => Prisma.sql`${c}`)));
  if (f.tag) parts.push(Prisma.sql`c.tags @> ARRAY[${f.tag}]::text[]`);
  if (f.registeredFrom) parts.push(Prisma.sql`c.registered_at >= ${f.registeredFrom}::timestamptz`);
  if (f.registeredTo) parts.push(Prisma.sql`c.registered_at < ${endOfRange(f.registeredTo)}::timestamptz`);
  if (f.statusChangedFrom) parts.push(Prisma.sql`c.status_changed_at >= ${f.statusChangedFrom}::timestamptz`);
  if (f.statusChangedTo) parts.push(Prisma.sql`c.status_changed_at < ${endOfRange(f.statusChangedTo)}::timestamptz`);
  const search = f.q ? classifySearch(f.q) : null;
  if (search) parts.push(searchCondition(tenantId, search));
  return Prisma.join(parts, " AND ");
}

export interface Ordering {
  sort: CustomerSort;
  dir: SortDir;
}

const SORT_COLUMN: Record<CustomerSort, string> = { registeredAt: "registered_at", uid: "uid", name: "name" };
const OUTPUT_COLUMN: Record<CustomerSort, string> = { registeredAt: `"registeredAt"`, uid: "uid", name: "name" };

/**
 * ORDER BY for a sort, tie-broken by id in the same direction (so one index scan, forwards or backwards,
 * serves it). uid is unique, so it needs no tie-break — and the uid index has no id column to give one.
 */
function orderBy(o: Ordering, alias: "c" | "p"): Prisma.Sql {
  const column = alias === "c" ? `c.${SORT_COLUMN[o.sort]}` : `p.${OUTPUT_COLUMN[o.sort]}`;
  const dir = o.dir === "asc" ? "ASC" : "DESC";
  return Prisma.raw(o.sort === "uid" ? `${column} ${dir}` : `${column} ${dir}, ${alias}.id ${dir}`);
}

/** Rows strictly after (or, reading backwards, before) the edge row, as one row-value comparison. */
function keysetCondition(o: Ordering, edge: Pick<ListCursor, "value" | "id">, backwards: boolean): Prisma.Sql {
  const op = Prisma.raw((o.dir === "asc") !== backwards ? ">" : "<");
  switch (o.sort) {
    case "registeredAt":
      return Prisma.sql`(c.registered_at, c.id) ${op} (${edge.value}::timestamptz, ${edge.id}::uuid)`;
    case "name":
      return Prisma.sql`(c.name, c.id) ${op} (${edge.value}, ${edge.id}::uuid)`;
    case "uid":
      return Prisma.sql`c.uid ${op} ${edge.value}::bigint`;
  }
}

const reversed = (o: Ordering): Ordering => ({ ...o, dir: o.dir === "asc" ? "desc" : "asc" });

export interface PageRead {
  /** Start after (or before, when `backwards`) this row; without it, `offset` rows are skipped. */
  edge?: Pick<ListCursor, "value" | "id">;
  backwards?: boolean;
  offset?: number;
  limit: number;
}

/**
 * One page of rows. Reading backwards returns them in reverse display order (nearest the edge first).
 * The page is cut in an inner query; the group name is joined to those rows only.
 */
export function customerPageSql(where: Prisma.Sql, ordering: Ordering, read: PageRead): Prisma.Sql {
  const o = read.backwards ? reversed(ordering) : ordering;
  const conditions = read.edge ? Prisma.sql`${where} AND ${keysetCondition(ordering, read.edge, Boolean(read.backwards))}` : where;
  const offset = !read.edge && read.offset ? Prisma.sql` OFFSET ${read.offset}` : Prisma.empty;
  return Prisma.sql`SELECT p.*, g.name AS "groupName"
FROM (
  SELECT c.id, c.uid, c.email, c.phone_country_code AS "phoneCountryCode", c.phone, c.name, c.country, c.language,
         c.status::text AS status, c.kyc_level::int AS "kycLevel", c.group_id AS "groupId", c.tags,
         c.registered_at AS "registeredAt", c.registration_source::text AS "registrationSource"
  FROM customer c
  WHERE ${conditions}
  ORDER BY ${orderBy(o, "c")}
  LIMIT ${read.limit}${offset}
) p
LEFT JOIN customer_group g ON g.id = p."groupId"
ORDER BY ${orderBy(o, "p")}`;
}

/** How many rows match, counting no further than `cap` + 1. */
export function customerCountSql(where: Prisma.Sql, cap: number): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM customer c WHERE ${where} LIMIT ${cap + 1}) capped`;
}

/** The value a cursor keeps for a row: what its sort column compares on, as text. */
export function sortValueOf(sort: CustomerSort, row: Pick<CustomerListRecord, "registeredAt" | "uid" | "name">): string {
  if (sort === "registeredAt") return row.registeredAt.toISOString();
  if (sort === "uid") return String(row.uid);
  return row.name;
}
