/**
 * Sub-accounts' shared plumbing: the rows every operation reads (as the sync ./sync.ts mirrors them), how
 * they are shown and audited, and the checks changes share. Every query is scoped to the caller's brand;
 * every change carries the version the caller saw (a stale one is refused) and is audited in the
 * transaction that stores it.
 */
import "server-only";
import type { TenantContext } from "../actor";
import type { Db, DbTx, Prisma } from "../db/client";
import { AppError, notFound, type ErrorReason } from "../errors";
import type { SubaccountDetail, SubaccountRow, SubaccountStatus } from "@/lib/subaccounts/schemas";

export const rowSelect = {
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

export const detailSelect = {
  ...rowSelect,
  firstSeenAt: true,
  updatedAt: true,
  feeRates: { where: { type: { gte: 1, lte: 9 } }, orderBy: { type: "asc" }, select: { type: true, maker: true, taker: true, syncedAt: true } },
} satisfies Prisma.SubaccountSelect;

type RowRecord = Prisma.SubaccountGetPayload<{ select: typeof rowSelect }>;
type DetailRecord = Prisma.SubaccountGetPayload<{ select: typeof detailSelect }>;

export const statusOf = (r: { enabled: boolean; removedAt: Date | null }): SubaccountStatus =>
  r.removedAt ? "removed" : r.enabled ? "active" : "frozen";

export function toRow(r: RowRecord): SubaccountRow {
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

export function toDetail(r: DetailRecord): SubaccountDetail {
  return {
    ...toRow(r),
    firstSeenAt: r.firstSeenAt,
    updatedAt: r.updatedAt,
    feeRates: r.feeRates.map((f) => ({ type: f.type, maker: f.maker.toString(), taker: f.taker.toString(), syncedAt: f.syncedAt })),
  };
}

export async function loadSubaccount(db: Db | DbTx, ctx: TenantContext, id: string): Promise<DetailRecord> {
  const record = await db.subaccount.findFirst({ where: { id, brandId: ctx.tenantId }, select: detailSelect });
  if (!record) throw notFound("subAccount");
  return record;
}

/** Audit snapshot: the fields staff change or rely on. */
export const snapshot = (r: RowRecord) => ({
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

export const STALE = "subaccounts.errors.staleVersion" satisfies ErrorReason;

/** The refusal of each action on a sub-account the exchange no longer lists. */
const REMOVED = {
  changeLevel: "subaccounts.errors.removed.changeLevel",
  link: "subaccounts.errors.removed.link",
} as const satisfies Record<string, ErrorReason>;

export function assertNotRemoved(r: RowRecord, action: keyof typeof REMOVED) {
  if (r.removedAt) throw new AppError("CONFLICT", REMOVED[action], { params: { subAcct: r.subAcct } });
}

export async function loadCustomer(db: Db | DbTx, ctx: TenantContext, id: string) {
  return db.customer.findFirst({ where: { id, brandId: ctx.tenantId }, select: { id: true, uid: true, name: true, status: true } });
}
