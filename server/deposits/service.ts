/**
 * The synced deposit history (server/deposits/sync.ts) as staff read it: the brand-wide list and a
 * sub-account's deposits (one keyset-paged query, filters by currency, state, time, customer, sub-account
 * and an exact search), the CSV export's row stream, the sync's status and "Sync now".
 * Every query starts with the caller's brand.
 */
import "server-only";
import type { z } from "zod";
import { producerReady } from "@/server/queues/connection";
import { enqueue, producerQueue } from "@/server/queues/registry";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { endOfRange } from "../audit/query";
import { Prisma, type Db } from "../db/client";
import { readCursor, writeCursor } from "../db/cursor";
import { AppError, invalid } from "../errors";
import type { DepositStateCode, ZDepositListInput } from "@/lib/deposits/schemas";
import { isIsoTimestamp } from "@/lib/validation/dates";
import { isUuid } from "@/lib/validation/ids";
import type { DepositPage, DepositRow, DepositSyncStatus, SyncNowResult } from "./types";

type In<T extends z.ZodType> = z.infer<T>;
export type DepositFilter = Omit<In<typeof ZDepositListInput>, "page" | "pageSize" | "cursor" | "sort">;

/** Beyond this many matches the total reads "10,000+". */
export const DEPOSIT_TOTAL_CAP = 10_000;

// ── Query ─────────────────────────────────────────────────────────────────────────────────────────

/** WHERE of the list, the count and the export: the brand first, then each filter given. */
export function depositWhere(tenantId: string, f: DepositFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`d.brand_id = ${tenantId}::uuid`];
  if (f.ccy?.length) parts.push(Prisma.sql`d.ccy IN (${Prisma.join(f.ccy)})`);
  if (f.state?.length) parts.push(Prisma.sql`d.state IN (${Prisma.join(f.state.map((s) => Prisma.sql`${Number(s)}::smallint`))})`);
  if (f.dateFrom) parts.push(Prisma.sql`d.exchange_ts >= ${f.dateFrom}::timestamptz`);
  if (f.dateTo) parts.push(Prisma.sql`d.exchange_ts < ${endOfRange(f.dateTo)}::timestamptz`);
  if (f.subaccountId) parts.push(Prisma.sql`d.subaccount_id = ${f.subaccountId}::uuid`);
  if (f.customerId) {
    parts.push(Prisma.sql`d.subaccount_id IN (SELECT s.id FROM subaccount s WHERE s.brand_id = ${tenantId}::uuid AND s.customer_id = ${f.customerId}::uuid)`);
  }
  const q = f.q?.trim();
  if (q) parts.push(Prisma.sql`(d.dep_id = ${q} OR d.tx_id = ${q} OR d.sub_acct = ${q})`);
  return Prisma.join(parts, " AND ");
}

interface DepositRecord extends Omit<DepositRow, "state" | "customerUid"> {
  state: number;
  customerUid: bigint | string | null;
}

type Dir = "asc" | "desc";
interface Edge {
  ts: string;
  id: string;
}

/** One page in display order, or — reading backwards — nearest the edge first. Customer joined to those rows only. */
function pageSql(where: Prisma.Sql, dir: Dir, read: { edge?: Edge; backwards?: boolean; offset?: number; limit: number }): Prisma.Sql {
  const order = (dir === "desc") !== Boolean(read.backwards) ? "DESC" : "ASC";
  const op = Prisma.raw(order === "DESC" ? "<" : ">");
  const conditions = read.edge ? Prisma.sql`${where} AND (d.exchange_ts, d.id) ${op} (${read.edge.ts}::timestamptz, ${read.edge.id}::uuid)` : where;
  const offset = !read.edge && read.offset ? Prisma.sql` OFFSET ${read.offset}` : Prisma.empty;
  return Prisma.sql`SELECT p.*, s.customer_id AS "customerId", c.uid AS "customerUid", c.name AS "customerName"
FROM (
  SELECT d.id, d.dep_id AS "depId", d.sub_acct AS "subAcct", d.subaccount_id AS "subaccountId", d.ccy, d.chain,
         trim_scale(d.amount)::text AS amount, d.from_account AS "fromAccount", d.area_code_from AS "areaCodeFrom",
         d.to_address AS "toAddress", d.tx_id AS "txId", d.state::int AS state, d.confirmations,
         d.exchange_ts AS "exchangeTs", d.first_seen_at AS "firstSeenAt", d.updated_at AS "updatedAt"
  FROM deposit d
  WHERE ${conditions}
  ORDER BY d.exchange_ts ${Prisma.raw(order)}, d.id ${Prisma.raw(order)}
  LIMIT ${read.limit}${offset}
) p
LEFT JOIN subaccount s ON s.id = p."subaccountId"
LEFT JOIN customer c ON c.id = s.customer_id
ORDER BY p."exchangeTs" ${Prisma.raw(order)}, p.id ${Prisma.raw(order)}`;
}

/** The seed's code; a state the seed does not list still shows as its number. */
const toRow = (r: DepositRecord): DepositRow => ({ ...r, state: String(r.state) as DepositStateCode, customerUid: r.customerUid === null ? null : String(r.customerUid) });

const readPage = (db: Db, where: Prisma.Sql, dir: Dir, read: Parameters<typeof pageSql>[2]) => db.$queryRaw<DepositRecord[]>(pageSql(where, dir, read));

// ── Cursors ───────────────────────────────────────────────────────────────────────────────────────

const encodeCursor = (dir: Dir, row: { exchangeTs: Date; id: string }, direction: "next" | "prev") =>
  writeCursor({ d: dir, t: row.exchangeTs.toISOString(), i: row.id, k: direction });

/** A cursor of this order; its time must be a real instant (no month 13) before it meets `::timestamptz`. */
function decodeCursor(text: string, dir: Dir): Edge & { direction: "next" | "prev" } {
  const { d, t, i, k } = readCursor(text);
  if ((d !== "asc" && d !== "desc") || !isIsoTimestamp(t) || !isUuid(i) || (k !== "next" && k !== "prev")) {
    throw invalid("cursor", "errors.invalidCursor");
  }
  if (d !== dir) throw invalid("cursor", "errors.staleCursor");
  return { ts: t, id: i.toLowerCase(), direction: k };
}

// ── List ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * One page of the brand's deposits, newest first by the exchange's time (or oldest first with dir=asc).
 * The first pages are read with OFFSET; pages reached through a cursor by keyset, so depth costs nothing.
 */
export async function listDeposits(ctx: TenantContext, q: In<typeof ZDepositListInput>): Promise<DepositPage> {
  const dir: Dir = q.dir;
  const cursor = q.cursor ? decodeCursor(q.cursor, dir) : null;
  const where = depositWhere(ctx.tenantId, q);
  const size = q.pageSize;
  const backwards = cursor?.direction === "prev";
  const [fetched, [{ n: counted }]] = await Promise.all([
    cursor ? readPage(ctx.db, where, dir, { edge: cursor, backwards, limit: size + 1 }) : readPage(ctx.db, where, dir, { offset: (q.page - 1) * size, limit: size + 1 }),
    ctx.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM deposit d WHERE ${where} LIMIT ${DEPOSIT_TOTAL_CAP + 1}) capped`,
  ]);
  const totals = { total: Math.min(counted, DEPOSIT_TOTAL_CAP), totalIsExact: counted <= DEPOSIT_TOTAL_CAP };
  const page = (rows: DepositRecord[], number: number, hasNext: boolean, hasPrev: boolean): DepositPage => ({
    rows: rows.map(toRow),
    page: number,
    pageSize: size,
    ...totals,
    nextCursor: hasNext && rows.length ? encodeCursor(dir, rows[rows.length - 1], "next") : null,
    prevCursor: hasPrev && rows.length ? encodeCursor(dir, rows[0], "prev") : null,
  });

  if (backwards) {
    const rows = fetched.slice(0, size).reverse();
    if (rows.length < size) {
      // Back at the start with a short page: show a full first page.
      const first = await readPage(ctx.db, where, dir, { limit: size + 1 });
      return page(first.slice(0, size), 1, first.length > size, false);
    }
    const hasPrev = fetched.length > size;
    return page(rows, hasPrev ? q.page : 1, true, hasPrev);
  }
  return page(fetched.slice(0, size), q.page, fetched.length > size, cursor !== null || q.page > 1);
}

/** Every deposit matching the filter, in keyset batches (never OFFSET), for the CSV export. */
export async function* iterateDeposits(ctx: TenantContext, q: In<typeof ZDepositListInput>, batchSize = 1000): AsyncGenerator<DepositRow> {
  const where = depositWhere(ctx.tenantId, q);
  let edge: Edge | undefined;
  for (;;) {
    const batch = await readPage(ctx.db, where, q.dir, { edge, limit: batchSize });
    for (const row of batch) yield toRow(row);
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    edge = { ts: last.exchangeTs.toISOString(), id: last.id };
  }
}

// ── Sync status and "Sync now" ────────────────────────────────────────────────────────────────────

/** Where the brand's sync stands: its cursor, when it last completed, and the last run's outcome. */
export async function depositSyncStatus(ctx: TenantContext): Promise<DepositSyncStatus> {
  const [state, last] = await Promise.all([
    ctx.db.depositSyncState.findUnique({ where: { brandId: ctx.tenantId } }),
    ctx.db.auditLog.findFirst({
      where: { brandId: ctx.tenantId, entityType: "deposit_sync", action: { in: ["deposit.sync", "deposit.sync_failed"] } },
      orderBy: { createdAt: "desc" },
      select: { action: true, createdAt: true, after: true },
    }),
  ]);
  const after = (last?.after ?? {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  return {
    cursorTs: state?.cursorTs ?? null,
    lastCompletedAt: state?.lastCompletedAt ?? null,
    lastRun: last
      ? {
          at: last.createdAt,
          complete: last.action === "deposit.sync",
          seen: num(after.seen),
          created: num(after.created),
          updated: num(after.updated),
          error: typeof after.error === "string" ? after.error : null,
        }
      : null,
  };
}

const REDIS_BUDGET_MS = 3_000;

/** Runs `work` against Redis within the budget, turning Redis trouble into a message the page shows. */
async function withQueue<T>(work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("Redis did not answer in time")), REDIS_BUDGET_MS);
  });
  try {
    return await Promise.race([producerReady(REDIS_BUDGET_MS).then(work), deadline]);
  } catch (error) {
    if (error instanceof AppError || error instanceof Prisma.PrismaClientKnownRequestError || error instanceof Prisma.PrismaClientUnknownRequestError) throw error;
    throw new AppError("CONFLICT", "deposits.errors.queueUnavailable", { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** `deposit-sync.<brand>.manual.<yyyymmddhhmm>` (UTC): every request within one minute is one job. */
export const manualSyncJobId = (brandId: string, at: Date) => `deposit-sync.${brandId}.manual.${at.toISOString().slice(0, 16).replace(/[-T:]/g, "")}`;

/**
 * Queues a deposit sync of the caller's brand now (a double-click is one job). Audited in a transaction
 * that commits only when the job was queued; a clear CONFLICT while Redis is down.
 */
export async function requestDepositSync(ctx: TenantContext): Promise<SyncNowResult> {
  const requestedAt = new Date();
  const jobId = manualSyncJobId(ctx.tenantId, requestedAt);
  return withQueue(async () => {
    if (await producerQueue("deposit-sync").getJob(jobId)) return { jobId, requestedAt, duplicate: true };
    await ctx.db.$transaction(async (tx) => {
      await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "deposit.sync_requested", entityType: "deposit_sync", after: { jobId } });
      await enqueue("deposit-sync", { brandId: ctx.tenantId }, { jobId });
    });
    return { jobId, requestedAt, duplicate: false };
  });
}
