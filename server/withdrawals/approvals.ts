/**
 * The withdrawal approval kind: withdrawals above the brand's threshold waiting for a second person.
 * Seen by those who may enter withdrawals (withdrawal.request); decided through decide.ts, so the
 * maker-checker rule and the audit entry are the domain's own.
 */
import "server-only";
import type { ApprovalFilter, ApprovalKind, ApprovalText } from "@/server/approvals/types";
import type { Prisma } from "../db/client";
import type { WithdrawalCtx } from "./common";
import { approveWithdrawal, rejectWithdrawal } from "./decide";

/** A withdrawal a risk limit held says so: the approver decides knowing a rule stopped it. */
const title = (w: { amount: string; ccy: string; customerName: string; riskEventId?: string | null }): ApprovalText => ({
  key: w.riskEventId ? "withdrawals.approvals.titleRiskHeld" : "withdrawals.approvals.title",
  params: { amount: w.amount, currency: w.ccy, customer: w.customerName },
});
const trim = (d: { toFixed(): string }) => {
  const s = d.toFixed();
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
};

/** "not X" keeps withdrawals no staff member requested (a partner key's). */
const where = (ctx: WithdrawalCtx, filter: ApprovalFilter): Prisma.WithdrawalWhereInput => ({
  brandId: ctx.tenantId,
  state: "pending_approval",
  createdAt: filter.requestedBefore ? { lt: filter.requestedBefore } : undefined,
  AND: [
    ...(filter.requestedBy ? [{ requestedById: filter.requestedBy }] : []),
    ...(filter.notRequestedBy ? [{ OR: [{ requestedById: null }, { requestedById: { not: filter.notRequestedBy } }] }] : []),
  ],
});

const withdrawals: ApprovalKind = {
  key: "withdrawal.request",
  label: "withdrawals.approvals.kind",
  viewPermission: "withdrawal.request",
  decidePermission: "withdrawal.approve",
  async list(ctx, args) {
    const rows = await ctx.db.withdrawal.findMany({
      where: where(ctx, args),
      orderBy: [{ createdAt: args.dir }, { id: args.dir }],
      take: args.limit,
      select: { id: true, amount: true, ccy: true, reason: true, createdAt: true, requestedById: true, riskEventId: true, customer: { select: { name: true } } },
    });
    const ids = [...new Set(rows.flatMap((r) => (r.requestedById ? [r.requestedById] : [])))];
    const staff = ids.length ? await ctx.db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
    const names = new Map(staff.map((s) => [s.id, s.name]));
    return rows.map((w) => ({
      id: w.id,
      title: title({ amount: trim(w.amount), ccy: w.ccy, customerName: w.customer.name, riskEventId: w.riskEventId }),
      amount: trim(w.amount),
      currency: w.ccy,
      requestedBy: w.requestedById ? { id: w.requestedById, name: names.get(w.requestedById) ?? "—" } : null,
      reason: w.reason || null,
      requestedAt: w.createdAt,
      href: `/withdrawals/${w.id}`,
    }));
  },
  requesters: async (ctx, filter, limit) =>
    (await ctx.db.withdrawal.findMany({ where: where(ctx, filter), distinct: ["requestedById"], select: { requestedById: true }, take: limit })).flatMap((r) => (r.requestedById ? [r.requestedById] : [])),
  count: (ctx, filter, cap) => ctx.db.withdrawal.count({ where: where(ctx, filter), take: cap }),
  async approve(ctx, id, note) {
    const w = await approveWithdrawal(ctx, { id, note });
    return { title: title({ amount: w.amount, ccy: w.ccy, customerName: w.customer.name }) };
  },
  async reject(ctx, id, note) {
    const w = await rejectWithdrawal(ctx, { id, reason: note });
    return { title: title({ amount: w.amount, ccy: w.ccy, customerName: w.customer.name }) };
  },
};

export const WITHDRAWAL_APPROVAL_KINDS: readonly ApprovalKind[] = [withdrawals];
