/**
 * The customer list and its CSV export's stream. The list is keyset-paged SQL (./list-query.ts) so it
 * stays fast at a million customers per brand; both read only the caller's brand.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext, TenantContext } from "../actor";
import type { Db, Prisma } from "../db/client";
import { decodeCursor, encodeCursor, type ListCursor } from "./cursor";
import {
  customerCountSql,
  customerPageSql,
  customerWhere,
  sortValueOf,
  totalCapFor,
  type CustomerListRecord,
  type Ordering,
  type PageRead,
} from "./list-query";
import type { ZCustomerListInput } from "@/lib/customers/schemas";
import type { CustomerPage, CustomerRow } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

function toRow(r: CustomerListRecord): CustomerRow {
  return {
    id: r.id,
    uid: String(r.uid),
    email: r.email,
    phoneCountryCode: r.phoneCountryCode,
    phone: r.phone,
    name: r.name,
    country: r.country,
    language: r.language,
    status: r.status,
    kycLevel: r.kycLevel,
    groupId: r.groupId,
    groupName: r.groupName,
    tags: r.tags ?? [],
    registeredAt: r.registeredAt,
    registrationSource: r.registrationSource,
  };
}

const ordering = (q: In<typeof ZCustomerListInput>): Ordering => ({ sort: q.sort ?? "registeredAt", dir: q.dir });

const cursorAt = (o: Ordering, row: CustomerListRecord, direction: ListCursor["direction"]) =>
  encodeCursor({ ...o, value: sortValueOf(o.sort, row), id: row.id, direction });

const readPage = (db: Db, where: Prisma.Sql, o: Ordering, read: PageRead) =>
  db.$queryRaw<CustomerListRecord[]>(customerPageSql(where, o, read));

/**
 * One page of the brand's customers. Without a cursor the page is read with OFFSET (the first pages);
 * with one, by keyset from the cursor's row, so any depth costs the same. One extra row is read to know
 * whether there is a further page in the reading direction.
 */
export async function listCustomers(ctx: BrandContext, q: In<typeof ZCustomerListInput>): Promise<CustomerPage> {
  const o = ordering(q);
  const cursor = q.cursor ? decodeCursor(q.cursor, o) : null;
  const where = customerWhere(ctx.tenantId, q);
  const cap = totalCapFor(q);
  const size = q.pageSize;
  const backwards = cursor?.direction === "prev";
  const [fetched, [{ n: counted }]] = await Promise.all([
    cursor
      ? readPage(ctx.db, where, o, { edge: cursor, backwards, limit: size + 1 })
      : readPage(ctx.db, where, o, { offset: (q.page - 1) * size, limit: size + 1 }),
    ctx.db.$queryRaw<{ n: number }[]>(customerCountSql(where, cap)),
  ]);
  const totals = { total: Math.min(counted, cap), totalIsExact: counted <= cap };
  const page = (rows: CustomerListRecord[], number: number, hasNext: boolean, hasPrev: boolean): CustomerPage => ({
    rows: rows.map(toRow),
    page: number,
    pageSize: size,
    ...totals,
    nextCursor: hasNext && rows.length ? cursorAt(o, rows[rows.length - 1], "next") : null,
    prevCursor: hasPrev && rows.length ? cursorAt(o, rows[0], "prev") : null,
  });

  if (backwards) {
    const rows = fetched.slice(0, size).reverse();
    if (rows.length < size) {
      // Back at the start with a short page (rows before the cursor went away): show a full first page.
      const first = await readPage(ctx.db, where, o, { limit: size + 1 });
      return page(first.slice(0, size), 1, first.length > size, false);
    }
    const hasPrev = fetched.length > size;
    return page(rows, hasPrev ? q.page : 1, true, hasPrev);
  }
  return page(fetched.slice(0, size), q.page, fetched.length > size, cursor !== null || q.page > 1);
}

/** Every customer matching the filter, streamed in keyset batches (never OFFSET), for CSV export. */
export async function* iterateCustomers(
  ctx: TenantContext,
  q: In<typeof ZCustomerListInput>,
  batchSize = 1000,
): AsyncGenerator<CustomerRow> {
  const o = ordering(q);
  const where = customerWhere(ctx.tenantId, q);
  let edge: PageRead["edge"];
  for (;;) {
    const batch = await readPage(ctx.db, where, o, { edge, limit: batchSize });
    for (const row of batch) yield toRow(row);
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    edge = { value: sortValueOf(o.sort, last), id: last.id };
  }
}
