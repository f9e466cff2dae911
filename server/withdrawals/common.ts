/** Shared plumbing of the withdrawal services: loading and locking a row, its DTO, its audit snapshot. */
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Actor, BrandContext } from "../actor";
import type { Db, DbTx, Prisma } from "../db/client";
import { AppError } from "../errors";
import { CANCELLABLE_BEFORE_SENDING, OKX_CANCELLABLE_STATES } from "@/lib/withdrawals/schemas";
import type { StaffRef, WithdrawalRow } from "./types";

export type WithdrawalCtx = BrandContext;

/** Long interactive transactions: the request reads the exchange between its checks. */
export const TX = { maxWait: 30_000, timeout: 60_000 } as const;

export const WITHDRAWAL_INCLUDE = {
  customer: { select: { id: true, uid: true, name: true } },
  subaccount: { select: { id: true, subAcct: true } },
} satisfies Prisma.WithdrawalInclude;
export type WithdrawalRecord = Prisma.WithdrawalGetPayload<{ include: typeof WITHDRAWAL_INCLUDE }>;

export const text = (d: { toFixed(): string } | null): string | null => (d ? d.toFixed() : null);
const amountText = (d: { toFixed(): string }) => {
  const s = d.toFixed();
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
};

export const withdrawalNotFound = () => new AppError("NOT_FOUND", "withdrawals.errors.notFound");

export const staffId = (actor: Actor): string | null => (actor.type === "staff" ? actor.id : null);

export function isCancellable(w: { state: string; okxState: string | null; wdId: string | null }): boolean {
  if ((CANCELLABLE_BEFORE_SENDING as readonly string[]).includes(w.state)) return true;
  return w.state === "sent" && !!w.wdId && w.okxState !== null && OKX_CANCELLABLE_STATES.includes(w.okxState);
}

export async function toRows(db: Db | DbTx, records: WithdrawalRecord[]): Promise<WithdrawalRow[]> {
  const staffIds = [...new Set(records.flatMap((r) => [r.requestedById, r.approvedById, r.cancelledById]).filter((id): id is string => !!id))];
  const keyIds = [...new Set(records.flatMap((r) => (r.partnerKeyId ? [r.partnerKeyId] : [])))];
  const [staff, keys] = await Promise.all([
    staffIds.length ? db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }) : [],
    keyIds.length ? db.partnerKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, label: true } }) : [],
  ]);
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const labels = new Map(keys.map((k) => [k.id, k.label]));
  const ref = (id: string | null): StaffRef | null => (id ? { id, name: names.get(id) ?? "—" } : null);
  return records.map((w) => ({
    id: w.id,
    customer: { id: w.customer.id, uid: String(w.customer.uid), name: w.customer.name },
    subaccount: w.subaccount,
    ccy: w.ccy,
    chain: w.chain,
    amount: amountText(w.amount),
    fee: w.fee ? amountText(w.fee) : null,
    valueUsdt: amountText(w.valueUsdt),
    address: w.address,
    tag: w.tag,
    state: w.state,
    okxState: w.okxState,
    clientId: w.clientId,
    wdId: w.wdId,
    txId: w.txId,
    requestedBy: ref(w.requestedById),
    partnerKey: w.partnerKeyId ? { id: w.partnerKeyId, label: labels.get(w.partnerKeyId) ?? "—" } : null,
    reason: w.reason,
    approvedBy: ref(w.approvedById),
    decidedAt: w.decidedAt,
    decisionNote: w.decisionNote,
    cancelledBy: ref(w.cancelledById),
    cancelReason: w.cancelReason,
    failureKey: w.failureKey,
    failureDetail: w.failureDetail,
    sentAt: w.sentAt,
    finishedAt: w.finishedAt,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    cancellable: isCancellable(w),
    riskEventId: w.riskEventId,
  }));
}

export const toRow = async (db: Db | DbTx, w: WithdrawalRecord, replayed?: boolean): Promise<WithdrawalRow> => ({
  ...(await toRows(db, [w]))[0]!,
  ...(replayed === undefined ? {} : { replayed }),
});

export const loadWithdrawal = (db: Db | DbTx, brandId: string, id: string) =>
  db.withdrawal.findFirst({ where: { id, brandId }, include: WITHDRAWAL_INCLUDE });

/** Locks one withdrawal of the brand (FOR NO KEY UPDATE) and returns it as it is now. */
export async function lockWithdrawal(tx: DbTx, brandId: string, id: string): Promise<WithdrawalRecord> {
  await tx.$queryRaw`SELECT id FROM withdrawal WHERE id = ${id}::uuid AND brand_id = ${brandId}::uuid FOR NO KEY UPDATE`;
  const w = await loadWithdrawal(tx, brandId, id);
  if (!w) throw withdrawalNotFound();
  return w;
}

/** Audit snapshot: what changed and why, never a key or a secret (there are none on the row). */
export const snapshot = (w: {
  id: string;
  customerId: string;
  subaccountId: string;
  ccy: string;
  chain: string;
  amount: { toFixed(): string };
  valueUsdt: { toFixed(): string };
  address: string;
  tag: string;
  state: string;
  okxState: string | null;
  clientId: string;
  wdId: string | null;
  txId: string | null;
  failureKey: string | null;
  failureDetail: string | null;
}) => ({
  id: w.id,
  customerId: w.customerId,
  subaccountId: w.subaccountId,
  ccy: w.ccy,
  chain: w.chain,
  amount: w.amount.toFixed(),
  valueUsdt: w.valueUsdt.toFixed(),
  address: w.address,
  tag: w.tag,
  state: w.state,
  okxState: w.okxState,
  clientId: w.clientId,
  wdId: w.wdId,
  txId: w.txId,
  failureKey: w.failureKey,
  failureDetail: w.failureDetail,
});

/** Maker-checker: the approver holds withdrawal.approve and did not ask for it. A system actor never decides. */
export function assertApprover(actor: Actor, requestedById: string | null) {
  if (actor.type !== "staff" || !can(actor.role, "withdrawal.approve")) throw new AppError("FORBIDDEN", "withdrawals.errors.approverNotAllowed");
  if (requestedById && requestedById === actor.id) throw new AppError("FORBIDDEN", "withdrawals.errors.ownRequest");
}
