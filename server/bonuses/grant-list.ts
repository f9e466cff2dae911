/** Reading grants: the filtered list, its CSV export's stream, and one customer's grants and bonus balances. */
import "server-only";
import type { Prisma } from "../db/client";
import { notFound } from "../errors";
import { GRANT_INCLUDE, toGrantRows, type BonusCtx } from "./common";
import { text } from "./rules";
import type { GrantListInput } from "@/lib/bonuses/schemas";
import type { GrantRow } from "./types";

/** A "to" day filter includes the whole day. */
const endOfDay = (d: Date) => new Date(d.getTime() + 24 * 60 * 60 * 1000);

export function grantWhere(tenantId: string, q: Omit<GrantListInput, "page" | "pageSize" | "sort" | "dir">): Prisma.BonusGrantWhereInput {
  const search: Prisma.BonusGrantWhereInput[] = [];
  if (q.q) {
    const text: Prisma.CustomerWhereInput[] = [{ name: { contains: q.q, mode: "insensitive" } }, { email: { contains: q.q, mode: "insensitive" } }];
    search.push({ customer: /^\d{1,18}$/.test(q.q) ? { OR: [{ uid: BigInt(q.q) }, ...text] } : { OR: text } });
  }
  return {
    brandId: tenantId,
    ...(q.campaignId ? { campaignId: q.campaignId } : {}),
    ...(q.customerId ? { customerId: q.customerId } : {}),
    ...(q.batchId ? { batchId: q.batchId } : {}),
    ...(q.status?.length ? { status: { in: q.status } } : {}),
    ...(q.createdFrom || q.createdTo
      ? { createdAt: { ...(q.createdFrom ? { gte: q.createdFrom } : {}), ...(q.createdTo ? { lt: endOfDay(q.createdTo) } : {}) } }
      : {}),
    ...(search.length ? { AND: search } : {}),
  };
}

/** Newest (or largest) first by default; the id breaks ties so pages never overlap. */
const grantOrder = (q: Pick<GrantListInput, "sort" | "dir">): Prisma.BonusGrantOrderByWithRelationInput[] =>
  q.sort === "amount" ? [{ amount: q.dir }, { createdAt: q.dir }, { id: q.dir }] : [{ createdAt: q.dir }, { id: q.dir }];

export async function listGrants(ctx: BonusCtx, q: GrantListInput) {
  const where = grantWhere(ctx.tenantId, q);
  const [records, total] = await Promise.all([
    ctx.db.bonusGrant.findMany({ where, orderBy: grantOrder(q), skip: (q.page - 1) * q.pageSize, take: q.pageSize, include: GRANT_INCLUDE }),
    ctx.db.bonusGrant.count({ where }),
  ]);
  return { rows: await toGrantRows(ctx.db, records), total, page: q.page, pageSize: q.pageSize };
}

/** Every grant matching the filters, in keyset batches (the CSV export). */
export async function* iterateGrants(ctx: BonusCtx, q: GrantListInput, batchSize = 500): AsyncGenerator<GrantRow> {
  const where = grantWhere(ctx.tenantId, q);
  let cursor: { id: string } | undefined;
  for (;;) {
    const records = await ctx.db.bonusGrant.findMany({
      where,
      orderBy: grantOrder(q),
      take: batchSize,
      ...(cursor ? { cursor, skip: 1 } : {}),
      include: GRANT_INCLUDE,
    });
    for (const r of await toGrantRows(ctx.db, records)) yield r;
    if (records.length < batchSize) return;
    cursor = { id: records[records.length - 1].id };
  }
}

/** The customer's grants (newest first) and their trading accounts with bonus balances, for the customer tab. */
export async function customerBonuses(ctx: BonusCtx, input: { customerId: string }) {
  const customer = await ctx.db.customer.findFirst({ where: { id: input.customerId, brandId: ctx.tenantId }, select: { id: true } });
  if (!customer) throw notFound("customer");
  const [records, accounts] = await Promise.all([
    ctx.db.bonusGrant.findMany({ where: { brandId: ctx.tenantId, customerId: customer.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500, include: GRANT_INCLUDE }),
    ctx.db.tradingAccount.findMany({
      where: { brandId: ctx.tenantId, customerId: customer.id },
      orderBy: [{ demo: "asc" }, { type: "asc" }, { currency: "asc" }],
      select: { id: true, type: true, currency: true, demo: true, status: true, bonusWithdrawable: true, bonusNonWithdrawable: true },
    }),
  ]);
  return {
    grants: await toGrantRows(ctx.db, records),
    accounts: accounts.map((a) => ({ ...a, bonusWithdrawable: text(a.bonusWithdrawable), bonusNonWithdrawable: text(a.bonusNonWithdrawable) })),
  };
}

/** One grant of the brand (the partner API's "poll a grant waiting for approval"). */
export async function getGrant(ctx: BonusCtx, input: { id: string }): Promise<GrantRow> {
  const [record] = await ctx.db.bonusGrant.findMany({ where: { id: input.id, brandId: ctx.tenantId }, include: GRANT_INCLUDE });
  if (!record) throw notFound("grant");
  return (await toGrantRows(ctx.db, [record]))[0];
}
