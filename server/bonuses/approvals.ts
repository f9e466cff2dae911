/**
 * The bonus domain's approval kinds: single grants, CSV batches and campaigns waiting for a second person.
 * Decisions go through the same services as the bonus pages (grant-approval.ts, batches.ts, campaigns.ts),
 * so maker-checker, the bonus.approve permission, budget and lock checks and the audit entry are theirs.
 */
import "server-only";
import type { ApprovalFilter, ApprovalKind, ApprovalListArgs, ApprovalText, KindItem } from "@/server/approvals/types";
import type { Db, DbTx, Prisma } from "../db/client";
import { approveBatch, rejectBatch } from "./batches";
import { approveCampaign, rejectCampaign } from "./campaigns";
import { staffNames, type BonusCtx } from "./common";
import { approveGrant, rejectGrant } from "./grant-approval";
import { text } from "./rules";

/** What the three models' where inputs share about who asked. */
type Requested = { requestedById?: string | null | { not: string }; OR?: Requested[] };

/** The requester filters as a where clause: "not X" keeps rows nobody requested (a job's). */
function requester(filter: ApprovalFilter): { AND: Requested[] } {
  const and: Requested[] = [];
  if (filter.requestedBy) and.push({ requestedById: filter.requestedBy });
  if (filter.notRequestedBy) and.push({ OR: [{ requestedById: null }, { requestedById: { not: filter.notRequestedBy } }] });
  return { AND: and };
}

const before = (filter: ApprovalFilter) => (filter.requestedBefore ? { lt: filter.requestedBefore } : undefined);

async function withNames<T extends { requestedById: string | null }>(db: Db | DbTx, rows: T[], item: (row: T, requestedBy: KindItem["requestedBy"]) => KindItem) {
  const names = await staffNames(db, rows.map((r) => r.requestedById));
  return rows.map((r) => item(r, r.requestedById ? { id: r.requestedById, name: names.get(r.requestedById) ?? "—" } : null));
}

const requesterIds = (rows: { requestedById: string | null }[]) => rows.flatMap((r) => (r.requestedById ? [r.requestedById] : []));

// ── Grants (one at a time; grants of a batch are decided with their batch) ──────────────────────────
const grantTitle = (g: { amount: { toFixed(): string } | string; currency: string; customerName: string }): ApprovalText => ({
  key: "bonusApprovals.titles.grant",
  params: { amount: text(g.amount), currency: g.currency, customer: g.customerName },
});

const grantWhere = (ctx: BonusCtx, filter: ApprovalFilter): Prisma.BonusGrantWhereInput => ({
  brandId: ctx.tenantId,
  status: "pending_approval",
  batchId: null,
  createdAt: before(filter),
  ...requester(filter),
});

const grants: ApprovalKind = {
  key: "bonus.grant",
  label: "bonusApprovals.kinds.grant",
  viewPermission: "bonus.read",
  decidePermission: "bonus.approve",
  async list(ctx, args: ApprovalListArgs) {
    const rows = await ctx.db.bonusGrant.findMany({
      where: grantWhere(ctx, args),
      orderBy: [{ createdAt: args.dir }, { id: args.dir }],
      take: args.limit,
      select: { id: true, amount: true, currency: true, reason: true, createdAt: true, requestedById: true, customer: { select: { id: true, name: true } } },
    });
    return withNames(ctx.db, rows, (g, requestedBy) => ({
      id: g.id,
      title: grantTitle({ amount: g.amount, currency: g.currency, customerName: g.customer.name }),
      amount: text(g.amount),
      currency: g.currency,
      requestedBy,
      reason: g.reason || null,
      requestedAt: g.createdAt,
      href: `/customers/${g.customer.id}?tab=bonuses`,
    }));
  },
  requesters: async (ctx, filter, limit) =>
    requesterIds(await ctx.db.bonusGrant.findMany({ where: grantWhere(ctx, filter), distinct: ["requestedById"], select: { requestedById: true }, take: limit })),
  count: (ctx, filter, cap) => ctx.db.bonusGrant.count({ where: grantWhere(ctx, filter), take: cap }),
  async approve(ctx, id, note) {
    const g = await approveGrant(ctx, { id, note });
    return { title: grantTitle({ amount: g.amount, currency: g.currency, customerName: g.customer.name }) };
  },
  async reject(ctx, id, note) {
    const g = await rejectGrant(ctx, { id, reason: note });
    return { title: grantTitle({ amount: g.amount, currency: g.currency, customerName: g.customer.name }) };
  },
};

// ── CSV batches ─────────────────────────────────────────────────────────────────────────────────────
const batchTitle = (b: { fileName: string; rowCount: number; totalAmount: { toFixed(): string } | string }, currency: string | null): ApprovalText => ({
  key: "bonusApprovals.titles.batch",
  params: { file: b.fileName, count: b.rowCount, amount: text(b.totalAmount), currency: currency ?? "" },
});

/** A batch's currency: its campaign's, else its grants' (every grant of a file is in one currency). */
async function batchCurrencies(db: Db | DbTx, brandId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; currency: string | null }[]>`
    SELECT b.id::text, COALESCE(c.currency, (SELECT g.currency FROM bonus_grant g WHERE g.batch_id = b.id LIMIT 1)) AS currency
    FROM bonus_grant_batch b LEFT JOIN bonus_campaign c ON c.id = b.campaign_id
    WHERE b.brand_id = ${brandId}::uuid AND b.id = ANY(${ids}::uuid[])`;
  return new Map(rows.flatMap((r) => (r.currency ? [[r.id, r.currency] as const] : [])));
}

/** The reason given on upload: the batch keeps it in its request's audit entry. */
async function batchReasons(db: Db | DbTx, brandId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const entries = await db.auditLog.findMany({
    where: { brandId, entityType: "bonus_grant_batch", entityId: { in: ids }, action: "bonus.batch_request" },
    select: { entityId: true, after: true },
  });
  const reasonOf = (after: Prisma.JsonValue) => (after && typeof after === "object" && !Array.isArray(after) && typeof after.reason === "string" ? after.reason : null);
  return new Map(entries.flatMap((e) => (e.entityId && reasonOf(e.after) ? [[e.entityId, reasonOf(e.after)!] as const] : [])));
}

const batchWhere = (ctx: BonusCtx, filter: ApprovalFilter): Prisma.BonusGrantBatchWhereInput => ({
  brandId: ctx.tenantId,
  status: "pending_approval",
  createdAt: before(filter),
  ...requester(filter),
});

const batches: ApprovalKind = {
  key: "bonus.batch",
  label: "bonusApprovals.kinds.batch",
  viewPermission: "bonus.read",
  decidePermission: "bonus.approve",
  async list(ctx, args) {
    const rows = await ctx.db.bonusGrantBatch.findMany({ where: batchWhere(ctx, args), orderBy: [{ createdAt: args.dir }, { id: args.dir }], take: args.limit });
    const ids = rows.map((b) => b.id);
    const [currencies, reasons] = await Promise.all([batchCurrencies(ctx.db, ctx.tenantId, ids), batchReasons(ctx.db, ctx.tenantId, ids)]);
    return withNames(ctx.db, rows, (b, requestedBy) => ({
      id: b.id,
      title: batchTitle(b, currencies.get(b.id) ?? null),
      amount: text(b.totalAmount),
      currency: currencies.get(b.id) ?? null,
      requestedBy,
      reason: reasons.get(b.id) ?? null,
      requestedAt: b.createdAt,
      href: b.campaignId ? `/bonuses/${b.campaignId}` : "/bonuses",
    }));
  },
  requesters: async (ctx, filter, limit) =>
    requesterIds(await ctx.db.bonusGrantBatch.findMany({ where: batchWhere(ctx, filter), distinct: ["requestedById"], select: { requestedById: true }, take: limit })),
  count: (ctx, filter, cap) => ctx.db.bonusGrantBatch.count({ where: batchWhere(ctx, filter), take: cap }),
  async approve(ctx, id, note) {
    const b = await approveBatch(ctx, { id, note });
    return { title: batchTitle(b, (await batchCurrencies(ctx.db, ctx.tenantId, [id])).get(id) ?? null) };
  },
  async reject(ctx, id, note) {
    const b = await rejectBatch(ctx, { id, reason: note });
    return { title: batchTitle(b, (await batchCurrencies(ctx.db, ctx.tenantId, [id])).get(id) ?? null) };
  },
};

// ── Campaigns (submitted above the threshold) ───────────────────────────────────────────────────────
const campaignTitle = (c: { name: string; budget: { toFixed(): string } | string; currency: string }): ApprovalText => ({
  key: "bonusApprovals.titles.campaign",
  params: { name: c.name, amount: text(c.budget), currency: c.currency },
});

/**
 * A pending campaign cannot be edited, so its last change is its submission: updatedAt is when it was
 * asked for (createdAt is when the draft was started).
 */
const campaignWhere = (ctx: BonusCtx, filter: ApprovalFilter): Prisma.BonusCampaignWhereInput => ({
  brandId: ctx.tenantId,
  status: "pending_approval",
  updatedAt: before(filter),
  ...requester(filter),
});

const campaigns: ApprovalKind = {
  key: "bonus.campaign",
  label: "bonusApprovals.kinds.campaign",
  viewPermission: "bonus.read",
  decidePermission: "bonus.approve",
  async list(ctx, args) {
    const rows = await ctx.db.bonusCampaign.findMany({ where: campaignWhere(ctx, args), orderBy: [{ updatedAt: args.dir }, { id: args.dir }], take: args.limit });
    return withNames(ctx.db, rows, (c, requestedBy) => ({
      id: c.id,
      title: campaignTitle(c),
      amount: text(c.budget),
      currency: c.currency,
      requestedBy,
      reason: c.description || null,
      requestedAt: c.updatedAt,
      href: `/bonuses/${c.id}`,
    }));
  },
  requesters: async (ctx, filter, limit) =>
    requesterIds(await ctx.db.bonusCampaign.findMany({ where: campaignWhere(ctx, filter), distinct: ["requestedById"], select: { requestedById: true }, take: limit })),
  count: (ctx, filter, cap) => ctx.db.bonusCampaign.count({ where: campaignWhere(ctx, filter), take: cap }),
  async approve(ctx, id, note) {
    return { title: campaignTitle(await approveCampaign(ctx, { id, note })) };
  },
  async reject(ctx, id, note) {
    return { title: campaignTitle(await rejectCampaign(ctx, { id, reason: note })) };
  },
};

export const BONUS_APPROVAL_KINDS: readonly ApprovalKind[] = [grants, batches, campaigns];
