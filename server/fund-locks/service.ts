/**
 * Fund locks: staff (or, later, risk rules) stop money moving into, out of, or both ways on one trading
 * account. Every query is scoped to the caller's brand; every change is audited in its transaction.
 * Money movement paths enforce locks through guard.ts; this file places, ends and lists them. The account's
 * customer is told when a lock is placed and when it ends (released or expired), by an automatic message
 * queued in the same transaction.
 */
import "server-only";
import type { z } from "zod";
import { systemActor, type BrandContext, type TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { can } from "@/lib/auth/permissions";
import type { Db, DbTx, Prisma } from "../db/client";
import { AppError, invalid, notFound, type ErrorReason } from "../errors";
import { DIRECTION_WORDS } from "../messages/events";
import { queueAutomaticMessage } from "../messages/queue";
import type { FundLockDirection, FundLockListInput, FundLockStatus, ZCustomerRef, ZLockInput, ZUnlockInput } from "@/lib/fund-locks/schemas";
import { statusOf } from "./status";
import type { CustomerTradingAccount, FundLockPage, FundLockRow } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

const LOCK_INCLUDE = {
  tradingAccount: {
    select: { id: true, type: true, currency: true, demo: true, status: true, customer: { select: { id: true, uid: true, name: true } } },
  },
} satisfies Prisma.FundLockInclude;
type LockRecord = Prisma.FundLockGetPayload<{ include: typeof LOCK_INCLUDE }>;

/** Staff names for the rows' created-by / ended-by, in one query. */
async function staffNames(db: Db | DbTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const staff = await db.staffUser.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(staff.map((s) => [s.id, s.name]));
}

async function toRows(db: Db | DbTx, records: LockRecord[], now = new Date()): Promise<FundLockRow[]> {
  const names = await staffNames(db, records.flatMap((r) => [r.createdById, r.endedById]));
  const who = (id: string | null) => (id && names.has(id) ? { id, name: names.get(id)! } : null);
  return records.map((r) => {
    const { customer, ...account } = r.tradingAccount;
    return {
      id: r.id,
      tradingAccountId: r.tradingAccountId,
      account,
      customer: { id: customer.id, uid: String(customer.uid), name: customer.name },
      direction: r.direction,
      reason: r.reason,
      source: r.source,
      riskRuleId: r.riskRuleId,
      status: statusOf(r, now),
      expiresAt: r.expiresAt,
      createdAt: r.createdAt,
      createdBy: who(r.createdById),
      endedAt: r.endedAt,
      endReason: r.endReason,
      endNote: r.endNote,
      endedBy: who(r.endedById),
      version: r.version,
    };
  });
}

const snapshot = (l: {
  id: string;
  tradingAccountId: string;
  direction: string;
  reason: string;
  source: string;
  riskRuleId: string | null;
  expiresAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
  endNote: string | null;
  version: number;
}) => ({
  id: l.id,
  tradingAccountId: l.tradingAccountId,
  direction: l.direction,
  reason: l.reason,
  source: l.source,
  riskRuleId: l.riskRuleId,
  expiresAt: l.expiresAt,
  endedAt: l.endedAt,
  endReason: l.endReason,
  endNote: l.endNote,
  version: l.version,
});

/** Per direction of a new lock, the refusal when the account already has an active lock on it. */
const ALREADY_LOCKED = {
  real: {
    transfer_in: "fundLocks.errors.alreadyLocked.transferIn",
    transfer_out: "fundLocks.errors.alreadyLocked.transferOut",
    both: "fundLocks.errors.alreadyLocked.both",
  },
  demo: {
    transfer_in: "fundLocks.errors.demoAlreadyLocked.transferIn",
    transfer_out: "fundLocks.errors.demoAlreadyLocked.transferOut",
    both: "fundLocks.errors.demoAlreadyLocked.both",
  },
} as const satisfies Record<"real" | "demo", Record<FundLockDirection, ErrorReason>>;

/** The customer's message that a lock was placed or ended (once per lock and event). */
const tellCustomer = (tx: DbTx, event: "fund_lock.applied" | "fund_lock.released", l: { id: string; brandId: string; direction: FundLockDirection }, customerId: string) =>
  queueAutomaticMessage(tx, { brandId: l.brandId, customerId, event, ref: l.id, vars: { direction: { words: DIRECTION_WORDS[l.direction] } } });

// ── Lock / unlock ──────────────────────────────────────────────────────────────────────────────────

/**
 * Places a lock on one of the brand's trading accounts. The account's row is locked first (the guard takes
 * the same row lock), so a transfer in flight either finishes before the lock exists or sees it; it also
 * serialises two lock calls on one account, so the duplicate check cannot be raced.
 */
export async function lock(
  ctx: BrandContext,
  input: In<typeof ZLockInput>,
  opts: { source?: "manual" | "risk_rule"; riskRuleId?: string } = {},
): Promise<FundLockRow> {
  const now = new Date();
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) throw invalid("expiresAt", "fundLocks.errors.expiryInPast");
  return ctx.db.$transaction(async (tx) => {
    const [account] = await tx.$queryRaw<{ id: string; status: string; type: string; currency: string; demo: boolean }[]>`
      SELECT id, status::text AS status, type::text AS type, currency, demo FROM trading_account
      WHERE id = ${input.tradingAccountId}::uuid AND brand_id = ${ctx.tenantId}::uuid FOR NO KEY UPDATE`;
    if (!account) throw notFound("tradingAccount");
    const params = { type: account.type, currency: account.currency };
    if (account.status === "closed") {
      throw new AppError("CONFLICT", account.demo ? "fundLocks.errors.demoAccountClosed" : "fundLocks.errors.accountClosed", { field: "tradingAccountId", params });
    }

    const duplicate = await tx.fundLock.findFirst({
      where: { tradingAccountId: account.id, direction: input.direction, endedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { id: true },
    });
    if (duplicate) {
      throw new AppError("CONFLICT", ALREADY_LOCKED[account.demo ? "demo" : "real"][input.direction], { field: "direction", params });
    }
    const created = await tx.fundLock.create({
      data: {
        brandId: ctx.tenantId,
        tradingAccountId: account.id,
        direction: input.direction,
        reason: input.reason,
        source: opts.source ?? (ctx.actor.type === "partner" ? "partner_api" : "manual"),
        riskRuleId: opts.riskRuleId ?? null,
        expiresAt: input.expiresAt ?? null,
        createdById: ctx.actor.type === "staff" ? ctx.actor.id : null,
      },
      include: LOCK_INCLUDE,
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "fundlock.lock", entityType: "fund_lock", entityId: created.id, after: snapshot(created) });
    await tellCustomer(tx, "fund_lock.applied", created, created.tradingAccount.customer.id);
    const [row] = await toRows(tx, [created], now);
    return row;
  });
}

/**
 * Releases an active lock with a reason. A lock placed by a risk rule can be released only by those who
 * manage risk rules (admins): the rule is theirs, and operations lifting it would defeat the rule.
 */
export async function unlock(ctx: BrandContext, input: In<typeof ZUnlockInput>): Promise<FundLockRow> {
  return ctx.db.$transaction(async (tx) => {
    const now = new Date();
    const before = await tx.fundLock.findFirst({ where: { id: input.id, brandId: ctx.tenantId }, include: LOCK_INCLUDE });
    if (!before) throw notFound("fundLock");
    if (before.version !== input.version) throw new AppError("CONFLICT", "fundLocks.errors.staleVersion");
    const status = statusOf(before, now);
    if (status !== "active") throw new AppError("CONFLICT", status === "expired" ? "fundLocks.errors.alreadyExpired" : "fundLocks.errors.alreadyReleased");
    if (before.source === "risk_rule" && !(ctx.actor.type === "staff" && can(ctx.actor.role, "risk.manage"))) {
      throw new AppError("FORBIDDEN", "fundLocks.errors.riskRuleLock");
    }
    const { count } = await tx.fundLock.updateMany({
      where: { id: before.id, brandId: ctx.tenantId, version: before.version, endedAt: null },
      data: { endedAt: now, endReason: "released", endNote: input.reason, endedById: ctx.actor.type === "staff" ? ctx.actor.id : null, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "fundLocks.errors.staleVersion");
    const after = await tx.fundLock.findUniqueOrThrow({ where: { id: before.id }, include: LOCK_INCLUDE });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "fundlock.unlock",
      entityType: "fund_lock",
      entityId: before.id,
      before: snapshot(before),
      after: snapshot(after),
    });
    await tellCustomer(tx, "fund_lock.released", before, before.tradingAccount.customer.id);
    const [row] = await toRows(tx, [after], now);
    return row;
  });
}

/**
 * Releases the active lock of one direction on an account (the partner API's "unlock transfers in/out",
 * which names the account and direction, not the lock).
 */
export async function unlockDirection(
  ctx: BrandContext,
  input: { tradingAccountId: string; direction: FundLockDirection; reason: string },
): Promise<FundLockRow> {
  const now = new Date();
  const active = await ctx.db.fundLock.findFirst({
    where: { brandId: ctx.tenantId, tradingAccountId: input.tradingAccountId, direction: input.direction, endedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { id: true, version: true },
  });
  if (!active) throw new AppError("NOT_FOUND", "partnerApi.errors.noActiveLock", { field: "direction", params: { direction: input.direction } });
  return unlock(ctx, { id: active.id, version: active.version, reason: input.reason });
}

// ── Expiry (job) ───────────────────────────────────────────────────────────────────────────────────

const EXPIRY_WHO = { actor: systemActor("fund-lock-expiry"), request: { ip: null, userAgent: null } };
const EXPIRY_BATCH = 200;

/**
 * Ends every lock whose expiry is at or before `now` (all brands), one transaction and one audit row per
 * lock. `endedAt` is the expiry itself — the moment the lock stopped blocking — not when the job got to it.
 * The end is a conditional update on `endedAt IS NULL`, so two workers running at once (or a retry) end
 * each lock once: the loser's update waits for the winner's commit, then matches nothing and writes no audit.
 */
export async function expireDue(db: Db, now: Date): Promise<{ expired: number }> {
  let expired = 0;
  const skipped = new Set<string>();
  for (;;) {
    const due = await db.fundLock.findMany({
      where: { endedAt: null, expiresAt: { lte: now }, id: { notIn: [...skipped] } },
      orderBy: { expiresAt: "asc" },
      take: EXPIRY_BATCH,
      select: { id: true },
    });
    for (const { id } of due) {
      const ended = await db.$transaction(async (tx) => {
        const before = await tx.fundLock.findUnique({ where: { id }, include: { tradingAccount: { select: { customerId: true } } } });
        if (!before || before.endedAt !== null || !before.expiresAt) return false;
        const { count } = await tx.fundLock.updateMany({
          where: { id, endedAt: null },
          data: { endedAt: before.expiresAt, endReason: "expired", version: { increment: 1 } },
        });
        if (count === 0) return false;
        const after = await tx.fundLock.findUniqueOrThrow({ where: { id } });
        await recordAudit(tx, EXPIRY_WHO, {
          brandId: before.brandId,
          action: "fundlock.expire",
          entityType: "fund_lock",
          entityId: id,
          before: snapshot(before),
          after: snapshot(after),
        });
        await tellCustomer(tx, "fund_lock.released", before, before.tradingAccount.customerId);
        return true;
      });
      if (ended) expired += 1;
      // Whatever happened, don't pick it again in this run (another worker may hold it uncommitted).
      skipped.add(id);
    }
    if (due.length < EXPIRY_BATCH) return { expired };
  }
}

// ── Reads ──────────────────────────────────────────────────────────────────────────────────────────

/** The status filter as a where clause; several statuses are OR-ed. */
function statusWhere(status: FundLockStatus, now: Date): Prisma.FundLockWhereInput {
  switch (status) {
    case "active":
      return { endedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
    case "expired":
      return { OR: [{ endReason: "expired" }, { endedAt: null, expiresAt: { lte: now } }] };
    case "released":
      return { endReason: "released" };
  }
}

/** Customer uid (all digits), or a name / email fragment. */
function customerSearch(q: string): Prisma.CustomerWhereInput {
  const text: Prisma.CustomerWhereInput[] = [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }];
  return /^\d{1,18}$/.test(q) ? { OR: [{ uid: BigInt(q) }, ...text] } : { OR: text };
}

const endOfDay = (d: Date) => new Date(d.getTime() + 24 * 60 * 60 * 1000);

export function fundLockWhere(tenantId: string, f: Omit<FundLockListInput, "page" | "pageSize" | "sort" | "dir">, now: Date): Prisma.FundLockWhereInput {
  const and: Prisma.FundLockWhereInput[] = [{ brandId: tenantId }];
  if (f.status?.length) and.push({ OR: f.status.map((s) => statusWhere(s, now)) });
  if (f.direction?.length) and.push({ direction: { in: f.direction } });
  if (f.source?.length) and.push({ source: { in: f.source } });
  if (f.customerId) and.push({ tradingAccount: { customerId: f.customerId } });
  if (f.q) and.push({ tradingAccount: { customer: customerSearch(f.q) } });
  if (f.createdFrom) and.push({ createdAt: { gte: f.createdFrom } });
  // A "to" date includes that whole day (the date filter sends midnight).
  if (f.createdTo) and.push({ createdAt: { lt: endOfDay(f.createdTo) } });
  if (f.expiresFrom) and.push({ expiresAt: { gte: f.expiresFrom } });
  if (f.expiresTo) and.push({ expiresAt: { lt: endOfDay(f.expiresTo) } });
  return { AND: and };
}

/** One page of the brand's locks, newest first (or oldest first with dir=asc). */
export async function list(ctx: TenantContext, q: FundLockListInput): Promise<FundLockPage> {
  const now = new Date();
  const where = fundLockWhere(ctx.tenantId, q, now);
  const dir = q.dir;
  const [records, total] = await Promise.all([
    ctx.db.fundLock.findMany({
      where,
      orderBy: [{ createdAt: dir }, { id: dir }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: LOCK_INCLUDE,
    }),
    ctx.db.fundLock.count({ where }),
  ]);
  return { rows: await toRows(ctx.db, records, now), total, page: q.page, pageSize: q.pageSize };
}

/** Every lock matching the list's filters, in keyset batches (for the CSV export). */
export async function* iterate(ctx: TenantContext, q: FundLockListInput, batchSize = 500): AsyncGenerator<FundLockRow> {
  const now = new Date();
  const where = fundLockWhere(ctx.tenantId, q, now);
  let cursor: { id: string } | undefined;
  for (;;) {
    const records = await ctx.db.fundLock.findMany({
      where,
      orderBy: [{ createdAt: q.dir }, { id: q.dir }],
      take: batchSize,
      ...(cursor ? { cursor, skip: 1 } : {}),
      include: LOCK_INCLUDE,
    });
    for (const row of await toRows(ctx.db, records, now)) yield row;
    if (records.length < batchSize) return;
    cursor = { id: records[records.length - 1].id };
  }
}

async function assertCustomer(ctx: TenantContext, customerId: string) {
  const customer = await ctx.db.customer.findFirst({ where: { id: customerId, brandId: ctx.tenantId }, select: { id: true } });
  if (!customer) throw notFound("customer");
}

/** Every lock on the customer's accounts: active ones first, then the history newest first. */
export async function listForCustomer(ctx: TenantContext, input: In<typeof ZCustomerRef>): Promise<FundLockRow[]> {
  await assertCustomer(ctx, input.customerId);
  const now = new Date();
  const records = await ctx.db.fundLock.findMany({
    where: { brandId: ctx.tenantId, tradingAccount: { customerId: input.customerId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    include: LOCK_INCLUDE,
  });
  const rows = await toRows(ctx.db, records, now);
  return [...rows.filter((r) => r.status === "active"), ...rows.filter((r) => r.status !== "active")];
}

/** Active locks of the given accounts (of the brand), for badges. */
export async function activeLocksFor(ctx: TenantContext, tradingAccountIds: string[]): Promise<FundLockRow[]> {
  if (tradingAccountIds.length === 0) return [];
  const now = new Date();
  const records = await ctx.db.fundLock.findMany({
    where: { brandId: ctx.tenantId, tradingAccountId: { in: tradingAccountIds }, ...statusWhere("active", now) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: LOCK_INCLUDE,
  });
  return toRows(ctx.db, records, now);
}

/** The customer's trading accounts with what is locked on each now (the lock dialog picks one of them). */
export async function accountsForCustomer(ctx: TenantContext, input: In<typeof ZCustomerRef>): Promise<CustomerTradingAccount[]> {
  await assertCustomer(ctx, input.customerId);
  const now = new Date();
  const accounts = await ctx.db.tradingAccount.findMany({
    where: { brandId: ctx.tenantId, customerId: input.customerId },
    orderBy: [{ demo: "asc" }, { type: "asc" }, { currency: "asc" }],
    select: {
      id: true,
      type: true,
      currency: true,
      demo: true,
      status: true,
      fundLocks: { where: statusWhere("active", now), select: { id: true, direction: true, source: true }, orderBy: { createdAt: "asc" } },
    },
  });
  return accounts.map(({ fundLocks, ...a }) => ({ ...a, activeLocks: fundLocks }));
}
