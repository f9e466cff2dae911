/** Reading withdrawals: the brand's list (filters, server paging, CSV batches), one with its history. */
import "server-only";
import type { Prisma } from "../db/client";
import type { WithdrawalListInput } from "@/lib/withdrawals/schemas";
import { loadWithdrawal, toRow, toRows, withdrawalNotFound, WITHDRAWAL_INCLUDE, type WithdrawalCtx } from "./common";
import type { WithdrawalEvent, WithdrawalPage, WithdrawalRow } from "./types";

const endOfDay = (d: Date) => new Date(d.getTime() + 24 * 60 * 60 * 1000);

/** Customer uid (digits) or name; an address, clientId or OKX wdId exactly. */
function search(q: string): Prisma.WithdrawalWhereInput {
  const or: Prisma.WithdrawalWhereInput[] = [{ customer: { name: { contains: q, mode: "insensitive" } } }, { address: q }, { clientId: q }, { wdId: q }];
  if (/^\d{1,18}$/.test(q)) or.push({ customer: { uid: BigInt(q) } });
  return { OR: or };
}

export function withdrawalWhere(brandId: string, f: Omit<WithdrawalListInput, "page" | "pageSize" | "sort" | "dir">): Prisma.WithdrawalWhereInput {
  const and: Prisma.WithdrawalWhereInput[] = [{ brandId }];
  if (f.state?.length) and.push({ state: { in: f.state } });
  if (f.customerId) and.push({ customerId: f.customerId });
  if (f.ccy) and.push({ ccy: f.ccy });
  if (f.q) and.push(search(f.q));
  if (f.createdFrom) and.push({ createdAt: { gte: f.createdFrom } });
  if (f.createdTo) and.push({ createdAt: { lt: endOfDay(f.createdTo) } });
  return { AND: and };
}

const orderOf = (q: Pick<WithdrawalListInput, "sort" | "dir">): Prisma.WithdrawalOrderByWithRelationInput[] =>
  q.sort === "amount" ? [{ amount: q.dir }, { id: q.dir }] : [{ createdAt: q.dir }, { id: q.dir }];

export async function listWithdrawals(ctx: WithdrawalCtx, q: WithdrawalListInput): Promise<WithdrawalPage> {
  const where = withdrawalWhere(ctx.tenantId, q);
  const [records, total] = await Promise.all([
    ctx.db.withdrawal.findMany({ where, orderBy: orderOf(q), skip: (q.page - 1) * q.pageSize, take: q.pageSize, include: WITHDRAWAL_INCLUDE }),
    ctx.db.withdrawal.count({ where }),
  ]);
  return { rows: await toRows(ctx.db, records), total, page: q.page, pageSize: q.pageSize };
}

/** Every withdrawal matching the list's filters, in keyset batches (the CSV export). */
export async function* iterateWithdrawals(ctx: WithdrawalCtx, q: WithdrawalListInput, batchSize = 500): AsyncGenerator<WithdrawalRow> {
  const where = withdrawalWhere(ctx.tenantId, q);
  let cursor: { id: string } | undefined;
  for (;;) {
    const records = await ctx.db.withdrawal.findMany({ where, orderBy: orderOf(q), take: batchSize, ...(cursor ? { cursor, skip: 1 } : {}), include: WITHDRAWAL_INCLUDE });
    for (const row of await toRows(ctx.db, records)) yield row;
    if (records.length < batchSize) return;
    cursor = { id: records[records.length - 1]!.id };
  }
}

export async function getWithdrawal(ctx: WithdrawalCtx, input: { id: string }): Promise<WithdrawalRow> {
  const w = await loadWithdrawal(ctx.db, ctx.tenantId, input.id);
  if (!w) throw withdrawalNotFound();
  return toRow(ctx.db, w);
}

const noteOf = (after: Prisma.JsonValue): string | null => {
  if (!after || typeof after !== "object" || Array.isArray(after)) return null;
  for (const key of ["reason", "note"] as const) if (typeof after[key] === "string" && after[key]) return after[key] as string;
  return null;
};
const stateOf = (after: Prisma.JsonValue): string | null =>
  after && typeof after === "object" && !Array.isArray(after) && typeof after.state === "string" ? after.state : null;

/** The withdrawal's history: its audit entries, oldest first (who, what, the state it left, the note). */
export async function withdrawalHistory(ctx: WithdrawalCtx, input: { id: string }): Promise<WithdrawalEvent[]> {
  const w = await ctx.db.withdrawal.findFirst({ where: { id: input.id, brandId: ctx.tenantId }, select: { id: true } });
  if (!w) throw withdrawalNotFound();
  const entries = await ctx.db.auditLog.findMany({
    where: { brandId: ctx.tenantId, entityType: "withdrawal", entityId: w.id },
    orderBy: { seq: "asc" },
    take: 200,
    select: { id: true, action: true, createdAt: true, actorLabel: true, after: true },
  });
  return entries.map((e) => ({ id: String(e.id), action: e.action, at: e.createdAt, actor: e.actorLabel ?? "—", state: stateOf(e.after), note: noteOf(e.after) }));
}

