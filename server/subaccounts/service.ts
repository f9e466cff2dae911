/**
 * Sub-accounts: the brand's exchange sub-accounts as the sync (./sync.ts) mirrors them, linked to
 * customers, created for a customer, and moved between account levels. Every query is scoped to the
 * caller's brand; every change carries the version the caller saw (a stale one is refused) and is
 * audited in the transaction that stores it. Exchange calls go through the brand's client
 * (server/exchange/brand-client.ts) and are made before the transaction, never inside one.
 */
import "server-only";
import type { Job } from "bullmq";
import type { z } from "zod";
import { producerReady } from "@/server/queues/connection";
import { enqueue, producerQueue } from "@/server/queues/registry";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { Prisma, type Db, type DbTx } from "../db/client";
import { AppError, invalid, notFound } from "../errors";
import { brandExchange, type BrandClientOptions } from "../exchange/brand-client";
import { isOkxError, toAppError, type OkxClient, type OkxError, type SubaccountInfo } from "../exchange/okx";
import {
  ACCOUNT_LEVEL_VALUES,
  type SubaccountDetail,
  type SubaccountFilter,
  type SubaccountPage,
  type SubaccountRow,
  type SubaccountStatus,
  type SubaccountSyncStatus,
  type SyncNowResult,
  type ZCreateSubaccountInput,
  type ZLinkSubaccountInput,
  type ZSetSubaccountLevelInput,
  type ZSubaccountId,
  type ZSubaccountListInput,
} from "@/lib/subaccounts/schemas";
import { storeFeePage } from "./sync";

type In<T extends z.ZodType> = z.infer<T>;

/**
 * Someone is waiting on a button: one retry for a blip, then the answer (the client's defaults suit jobs).
 * Tests point `endpoints` at a simulator of their own.
 */
const INTERACTIVE: BrandClientOptions = { timeoutMs: 8_000, maxRetries: 1, maxRateWaitMs: 5_000 };
export type SubaccountExchangeOptions = Pick<BrandClientOptions, "endpoints" | "timeoutMs" | "logger">;

const LEVEL_NAMES: Record<number, string> = { 1: "spot", 2: "spot and futures", 3: "multi-currency margin", 4: "portfolio margin" };
const levelName = (level: number) => `${level} (${LEVEL_NAMES[level] ?? "unknown"})`;

// ── Reading ───────────────────────────────────────────────────────────────────────────────────────

const rowSelect = {
  id: true,
  subAcct: true,
  uid: true,
  label: true,
  accountLevel: true,
  enabled: true,
  frozenFunctions: true,
  canTransferOut: true,
  mainAcct: true,
  exchangeCreatedAt: true,
  lastSyncedAt: true,
  removedAt: true,
  customerId: true,
  version: true,
  customer: { select: { id: true, uid: true, name: true, status: true } },
} satisfies Prisma.SubaccountSelect;

const detailSelect = {
  ...rowSelect,
  firstSeenAt: true,
  updatedAt: true,
  feeRates: { where: { type: { gte: 1, lte: 9 } }, orderBy: { type: "asc" }, select: { type: true, maker: true, taker: true, syncedAt: true } },
} satisfies Prisma.SubaccountSelect;

type RowRecord = Prisma.SubaccountGetPayload<{ select: typeof rowSelect }>;
type DetailRecord = Prisma.SubaccountGetPayload<{ select: typeof detailSelect }>;

export const statusOf = (r: { enabled: boolean; removedAt: Date | null }): SubaccountStatus =>
  r.removedAt ? "removed" : r.enabled ? "active" : "frozen";

function toRow(r: RowRecord): SubaccountRow {
  return {
    id: r.id,
    subAcct: r.subAcct,
    uid: r.uid,
    label: r.label,
    accountLevel: r.accountLevel,
    status: statusOf(r),
    enabled: r.enabled,
    frozenFunctions: r.frozenFunctions,
    canTransferOut: r.canTransferOut,
    mainAcct: r.mainAcct,
    exchangeCreatedAt: r.exchangeCreatedAt,
    lastSyncedAt: r.lastSyncedAt,
    removedAt: r.removedAt,
    customer: r.customer ? { id: r.customer.id, uid: r.customer.uid.toString(), name: r.customer.name, status: r.customer.status } : null,
    version: r.version,
  };
}

function toDetail(r: DetailRecord): SubaccountDetail {
  return {
    ...toRow(r),
    firstSeenAt: r.firstSeenAt,
    updatedAt: r.updatedAt,
    feeRates: r.feeRates.map((f) => ({ type: f.type, maker: f.maker.toString(), taker: f.taker.toString(), syncedAt: f.syncedAt })),
  };
}

const STATUS_WHERE: Record<SubaccountStatus, Prisma.SubaccountWhereInput> = {
  active: { enabled: true, removedAt: null },
  frozen: { enabled: false, removedAt: null },
  removed: { removedAt: { not: null } },
};

/** WHERE of the list, the count and the export: the brand first, then each filter given. */
export function subaccountWhere(tenantId: string, f: SubaccountFilter): Prisma.SubaccountWhereInput {
  const and: Prisma.SubaccountWhereInput[] = [];
  if (f.level?.length) and.push({ accountLevel: { in: f.level.map(Number) } });
  if (f.status?.length) and.push({ OR: f.status.map((s) => STATUS_WHERE[s]) });
  // Both (or neither) of linked / unlinked: no condition.
  if (f.linked?.length === 1) and.push(f.linked[0] === "linked" ? { customerId: { not: null } } : { customerId: null });
  if (f.customerId) and.push({ customerId: f.customerId });
  const q = f.q?.trim();
  if (q) {
    and.push({
      OR: [
        { subAcct: { contains: q, mode: "insensitive" } },
        { label: { contains: q, mode: "insensitive" } },
        ...(/^\d+$/.test(q) ? [{ uid: { startsWith: q } }] : []),
      ],
    });
  }
  return { brandId: tenantId, AND: and };
}

const orderOf = (q: Pick<In<typeof ZSubaccountListInput>, "sort" | "dir">): Prisma.SubaccountOrderByWithRelationInput[] => [
  { [q.sort ?? "exchangeCreatedAt"]: q.dir },
  { id: q.dir },
];

/** One page of the brand's sub-accounts (a brand has up to about ten thousand: OFFSET paging is fine). */
export async function listSubaccounts(ctx: TenantContext, q: In<typeof ZSubaccountListInput>): Promise<SubaccountPage> {
  const where = subaccountWhere(ctx.tenantId, q);
  const [rows, total] = await Promise.all([
    ctx.db.subaccount.findMany({ where, orderBy: orderOf(q), select: rowSelect, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    ctx.db.subaccount.count({ where }),
  ]);
  return { rows: rows.map(toRow), total, page: q.page, pageSize: q.pageSize };
}

/** Every sub-account matching the list's filter, in its order, read in cursor batches (for CSV export). */
export async function* iterateSubaccounts(ctx: TenantContext, q: In<typeof ZSubaccountListInput>, batchSize = 500): AsyncGenerator<SubaccountRow> {
  const where = subaccountWhere(ctx.tenantId, q);
  let after: string | undefined;
  for (;;) {
    const batch = await ctx.db.subaccount.findMany({
      where,
      orderBy: orderOf(q),
      select: rowSelect,
      take: batchSize,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    });
    for (const row of batch) yield toRow(row);
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].id;
  }
}

async function loadSubaccount(db: Db | DbTx, ctx: TenantContext, id: string): Promise<DetailRecord> {
  const record = await db.subaccount.findFirst({ where: { id, brandId: ctx.tenantId }, select: detailSelect });
  if (!record) throw notFound("Sub-account");
  return record;
}

/** One sub-account with its customer and its fee rates by instrument family. */
export async function getSubaccount(ctx: TenantContext, input: In<typeof ZSubaccountId>): Promise<SubaccountDetail> {
  return toDetail(await loadSubaccount(ctx.db, ctx, input.id));
}

const SYNC_ACTIONS = ["subaccount.sync", "subaccount.sync_failed"];
const count = (v: unknown) => (typeof v === "number" ? v : null);

/** The newest sync run of the brand (from its audit row) and the newest confirmation of any row. */
export async function subaccountSyncStatus(ctx: TenantContext): Promise<SubaccountSyncStatus> {
  const [run, stamp] = await Promise.all([
    ctx.db.auditLog.findFirst({
      where: { brandId: ctx.tenantId, entityType: "subaccount_sync", action: { in: SYNC_ACTIONS } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { action: true, createdAt: true, after: true },
    }),
    ctx.db.subaccount.aggregate({ where: { brandId: ctx.tenantId }, _max: { lastSyncedAt: true } }),
  ]);
  const after = (run?.after ?? {}) as Record<string, unknown>;
  return {
    lastRun: run
      ? {
          at: run.createdAt,
          ok: run.action === "subaccount.sync",
          error: run.action === "subaccount.sync" ? null : typeof after.error === "string" ? after.error : "The sync did not finish",
          seen: count(after.seen),
          created: count(after.created),
          updated: count(after.updated),
          removed: count(after.removed),
        }
      : null,
    lastSyncedAt: stamp._max.lastSyncedAt,
  };
}

// ── Changes ───────────────────────────────────────────────────────────────────────────────────────

/** Audit snapshot: the fields staff change or rely on. */
const snapshot = (r: RowRecord) => ({
  subAcct: r.subAcct,
  uid: r.uid,
  label: r.label,
  accountLevel: r.accountLevel,
  enabled: r.enabled,
  customerId: r.customerId,
  customerUid: r.customer ? r.customer.uid.toString() : null,
  removedAt: r.removedAt,
  version: r.version,
});

const STALE_MESSAGE = "This sub-account was changed meanwhile (by someone else or by the exchange sync); reload and try again";

function assertNotRemoved(r: RowRecord, what: string) {
  if (r.removedAt) throw new AppError("CONFLICT", `Sub-account ${r.subAcct} is no longer on the exchange; it cannot ${what}`);
}

async function loadCustomer(db: Db | DbTx, ctx: TenantContext, id: string) {
  return db.customer.findFirst({ where: { id, brandId: ctx.tenantId }, select: { id: true, uid: true, name: true, status: true } });
}

/**
 * Links the sub-account to one of the brand's customers, or unlinks it (`customerId: null`). Refused for
 * a removed sub-account, a closed customer, and a stale version. Audited as subaccount.link / .unlink.
 */
export async function linkSubaccount(ctx: TenantContext, input: In<typeof ZLinkSubaccountInput>): Promise<SubaccountDetail> {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadSubaccount(tx, ctx, input.id);
    if (before.version !== input.version) throw new AppError("CONFLICT", STALE_MESSAGE);
    if (input.customerId === null) {
      if (!before.customerId) throw new AppError("CONFLICT", `Sub-account ${before.subAcct} is not linked to a customer`);
    } else {
      assertNotRemoved(before, "be linked");
      const customer = await loadCustomer(tx, ctx, input.customerId);
      if (!customer) throw invalid("customerId", "Choose one of the brand's customers");
      if (customer.status === "closed") throw invalid("customerId", `Customer ${customer.uid} is closed; a closed customer cannot get a sub-account`);
      if (before.customerId === customer.id) throw new AppError("CONFLICT", `Sub-account ${before.subAcct} is already linked to customer ${customer.uid}`);
    }
    const { count: changed } = await tx.subaccount.updateMany({
      where: { id: before.id, brandId: ctx.tenantId, version: before.version },
      data: { customerId: input.customerId, version: { increment: 1 } },
    });
    if (changed === 0) throw new AppError("CONFLICT", STALE_MESSAGE);
    const after = await loadSubaccount(tx, ctx, before.id);
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: input.customerId ? "subaccount.link" : "subaccount.unlink",
      entityType: "subaccount",
      entityId: before.id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return toDetail(after);
  });
}

const okxDetail = (e: OkxError) => `${e.msg || "no message"} (OKX ${e.code})`;

/** An exchange parameter refusal as a message on the form field it is about; anything else as toAppError. */
function exchangeFailure(error: unknown, field: (e: OkxError) => { field: string; message: string }): unknown {
  if (!isOkxError(error)) return error;
  if (error.kind === "parameter") {
    const named = field(error);
    return new AppError("VALIDATION", named.message, { field: named.field, cause: error });
  }
  return toAppError(error);
}

/** The exchange's own view of one sub-account (1 request/s: used only when the create answer lacks it). */
async function lookUp(client: OkxClient, subAcct: string): Promise<SubaccountInfo | null> {
  const page = await client.subaccountInfo({ subAcct, limit: 1 });
  return page.details.find((d) => d.subAcct === subAcct) ?? null;
}

interface CreatedOnExchange {
  uid: string;
  label: string;
  acctLv: string;
  ts: Date;
  info: SubaccountInfo | null;
}

/**
 * POST broker/nd/create-subaccount. A time-out may have created it (the client does not retry a create):
 * then the exchange is asked, and a sub-account found there is taken as ours.
 */
async function createOnExchange(client: OkxClient, subAcct: string, label: string | undefined): Promise<CreatedOnExchange> {
  let created: Awaited<ReturnType<OkxClient["createSubaccount"]>>;
  try {
    created = await client.createSubaccount({ subAcct, ...(label ? { label } : {}) });
  } catch (error) {
    if (isOkxError(error) && error.outcomeUnknown) {
      const info = await lookUp(client, subAcct).catch(() => null);
      if (info) return { uid: info.uid, label: info.label, acctLv: info.acctLv, ts: info.ts, info };
    }
    throw exchangeFailure(error, (e) =>
      /label/i.test(e.msg) && !/subAcct/i.test(e.msg)
        ? { field: "label", message: `The exchange refused the label: ${okxDetail(e)}` }
        : { field: "subAcct", message: `The exchange refused the name ${subAcct}; it may already be taken: ${okxDetail(e)}` },
    );
  }
  // It exists now: a failed follow-up only leaves the uid for the next sync to fill in.
  const info = created.uid ? null : await lookUp(client, subAcct).catch(() => null);
  return { uid: created.uid || info?.uid || "", label: created.label || label || "", acctLv: created.acctLv || info?.acctLv || "1", ts: info?.ts ?? created.ts, info };
}

/**
 * Creates a sub-account on the exchange for a customer and stores it linked to them. The name follows
 * seed 001 (6–20 letters and digits). Refused for a closed customer and for a name the brand already has.
 * If the sync stored the new sub-account first, that row is linked instead. Audited as subaccount.create.
 */
export async function createSubaccountForCustomer(
  ctx: TenantContext,
  input: In<typeof ZCreateSubaccountInput>,
  options: SubaccountExchangeOptions = {},
): Promise<SubaccountDetail> {
  const customer = await loadCustomer(ctx.db, ctx, input.customerId);
  if (!customer) throw notFound("Customer");
  if (customer.status === "closed") throw new AppError("CONFLICT", `Customer ${customer.uid} is closed; a closed customer cannot get a new sub-account`);
  const key = { brandId_subAcct: { brandId: ctx.tenantId, subAcct: input.subAcct } };
  const existing = await ctx.db.subaccount.findUnique({ where: key, select: { customerId: true, id: true } });
  if (existing) {
    // A repeated submit whose first answer was lost: the sub-account is already this customer's.
    if (existing.customerId === customer.id) return getSubaccount(ctx, { id: existing.id });
    throw invalid("subAcct", `The brand already has a sub-account named ${input.subAcct}`);
  }

  const { client } = await brandExchange(ctx.db, ctx.tenantId, { ...INTERACTIVE, ...options });
  const created = await createOnExchange(client, input.subAcct, input.label);
  const now = new Date();

  const stored = await ctx.db.$transaction(async (tx) => {
    // Stamped now: a sync run that started before the create cannot mark it removed.
    const { count: inserted } = await tx.subaccount.createMany({
      data: [
        {
          brandId: ctx.tenantId,
          subAcct: input.subAcct,
          uid: created.uid,
          label: created.label,
          accountLevel: Number(created.acctLv) || 1,
          enabled: created.info?.enable ?? true,
          frozenFunctions: created.info?.frozenFunc ?? [],
          canTransferOut: created.info?.canTransOut ?? true,
          mainAcct: created.info?.mainAcct || null,
          exchangeCreatedAt: created.ts,
          lastSyncedAt: now,
          customerId: customer.id,
        },
      ],
      skipDuplicates: true,
    });
    let row = await tx.subaccount.findUniqueOrThrow({ where: key, select: detailSelect });
    const linkedExisting = inserted === 0;
    if (linkedExisting) {
      // The sync (or a concurrent submit) stored it between the exchange's answer and this insert.
      if (row.customerId && row.customerId !== customer.id) {
        throw new AppError("CONFLICT", `Sub-account ${input.subAcct} was created, but is already linked to another customer`);
      }
      if (row.customerId !== customer.id) {
        await tx.subaccount.update({ where: { id: row.id }, data: { customerId: customer.id, version: { increment: 1 } } });
        row = await tx.subaccount.findUniqueOrThrow({ where: key, select: detailSelect });
      }
    }
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "subaccount.create",
      entityType: "subaccount",
      entityId: row.id,
      after: { ...snapshot(row), linkedExisting },
    });
    return toDetail(row);
  });
  return withFeeRates(ctx, client, stored);
}

/**
 * A new sub-account's fee rates, read at once (one request) so its page shows them now rather than after
 * the next sync. Best effort: the sub-account exists either way, and a failure leaves them to the sync.
 */
async function withFeeRates(ctx: TenantContext, client: OkxClient, detail: SubaccountDetail): Promise<SubaccountDetail> {
  if (detail.feeRates.length) return detail;
  try {
    const { details } = await client.subaccountTradeFee({ subAcct: detail.subAcct });
    if (!(await ctx.db.$transaction((tx) => storeFeePage(tx, ctx.tenantId, details, new Date())))) return detail;
    return getSubaccount(ctx, { id: detail.id });
  } catch (error) {
    console.warn(`[subaccounts] fee rates of ${detail.subAcct} not read at creation (${error instanceof Error ? error.message : String(error)}); the next sync brings them`);
    return detail;
  }
}

/**
 * Sets the account level on the exchange (POST broker/dma/set-subaccount-level), then stores what the
 * exchange answered. The version is checked before the exchange call; the row then follows the exchange
 * whatever a sync wrote meanwhile. Audited as subaccount.set_level with before/after.
 */
export async function setSubaccountLevel(
  ctx: TenantContext,
  input: In<typeof ZSetSubaccountLevelInput>,
  options: SubaccountExchangeOptions = {},
): Promise<SubaccountDetail> {
  const before = await loadSubaccount(ctx.db, ctx, input.id);
  if (before.version !== input.version) throw new AppError("CONFLICT", STALE_MESSAGE);
  assertNotRemoved(before, "change its account level");
  if (before.accountLevel === input.accountLevel) {
    throw invalid("accountLevel", `Sub-account ${before.subAcct} is already at account level ${levelName(input.accountLevel)}`);
  }

  const { client } = await brandExchange(ctx.db, ctx.tenantId, { ...INTERACTIVE, ...options });
  let level: number;
  try {
    const answer = await client.setSubaccountLevel({ subAcct: before.subAcct, acctLv: ACCOUNT_LEVEL_VALUES[input.accountLevel - 1] });
    level = Number(answer.acctLv) || input.accountLevel;
  } catch (error) {
    throw exchangeFailure(error, (e) => ({
      field: "accountLevel",
      message: `The exchange refused account level ${levelName(input.accountLevel)} for ${before.subAcct}: ${okxDetail(e)}`,
    }));
  }

  return ctx.db.$transaction(async (tx) => {
    await tx.subaccount.update({ where: { id: before.id }, data: { accountLevel: level, version: { increment: 1 } } });
    const after = await loadSubaccount(tx, ctx, before.id);
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "subaccount.set_level",
      entityType: "subaccount",
      entityId: before.id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return toDetail(after);
  });
}

// ── Sync now ──────────────────────────────────────────────────────────────────────────────────────

const SYNC_QUEUE = "subaccount-sync";
const REDIS_BUDGET_MS = 2_000;
const UNAVAILABLE =
  "The job queue (Redis) cannot be reached, so a sync cannot be started now; the scheduled sync runs again once it is back.";

/** Redis work within a budget; Redis trouble becomes a message the page can show. */
async function withRedis<T>(work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("Redis did not answer in time")), REDIS_BUDGET_MS * 2);
  });
  try {
    return await Promise.race([producerReady(REDIS_BUDGET_MS).then(work), deadline]);
  } catch (error) {
    // The service's own refusals and database failures pass through; anything else is Redis trouble.
    if (error instanceof AppError || error instanceof Prisma.PrismaClientKnownRequestError || error instanceof Prisma.PrismaClientUnknownRequestError) throw error;
    throw new AppError("CONFLICT", UNAVAILABLE, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** Pending jobs looked at for one of this brand's (the queue keeps few: one per brand per quarter hour). */
const PENDING_WINDOW = 200;

/**
 * Queues a sync of the caller's brand now, unless one for it is already waiting or running (then that
 * one is reported). The job id is per second, so a double click adds one job. Audited as
 * subaccount.sync_requested, in a transaction that commits only if the job was added.
 */
export async function syncSubaccountsNow(ctx: TenantContext): Promise<SyncNowResult> {
  const brandId = ctx.tenantId;
  return withRedis<SyncNowResult>(async () => {
    const queue = producerQueue(SYNC_QUEUE);
    const pending = (await queue.getJobs(["active", "waiting", "prioritized", "delayed"], 0, PENDING_WINDOW - 1)).filter((j): j is Job => Boolean(j));
    const owner = (job: Job) => (job.data as { brandId?: unknown } | null)?.brandId;
    for (const job of pending) {
      const state = await job.getState();
      const jobBrand = owner(job);
      // A waiting all-brands run will cover this brand too; a running one may have passed it already.
      if (jobBrand === brandId || (jobBrand === undefined && state !== "active")) {
        return { jobId: String(job.id), outcome: state === "active" ? "running" : "already_queued" };
      }
    }
    const jobId = `${SYNC_QUEUE}.${brandId}.manual.${new Date().toISOString().slice(0, 19).replace(/[-T:]/g, "")}`;
    await ctx.db.$transaction(async (tx) => {
      await recordAudit(tx, ctx, { brandId, action: "subaccount.sync_requested", entityType: "subaccount_sync", after: { jobId } });
      await enqueue(SYNC_QUEUE, { brandId }, { jobId });
    });
    return { jobId, outcome: "queued" };
  });
}
