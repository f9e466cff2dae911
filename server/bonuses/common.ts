/** Shared plumbing of the bonus services: the context they take, staff names, row mapping, loading and locking grants, approver checks. */
import "server-only";
import type { Actor, BrandContext } from "../actor";
import { can } from "@/lib/auth/permissions";
import type { Db, DbTx, Prisma } from "../db/client";
import { AppError, notFound, type AppErrorCode } from "../errors";
import { text, type Refusal } from "./rules";
import type { CampaignRow, GrantRow, StaffRef } from "./types";

/** Staff (tRPC) or the system (the expiry and automatic-grant jobs) acting on one brand. */
export type BonusCtx = BrandContext;

export const staffId = (actor: Actor): string | null => (actor.type === "staff" ? actor.id : null);

/** The AppError for a refusal the rules named (its reason and params), optionally on one form field. */
export const refusalError = (code: AppErrorCode, refusal: Refusal, field?: string) => new AppError(code, refusal.reason, { field, params: refusal.params });

/** Long interactive transactions: many grants queue on one campaign row; the default 2 s wait is too short. */
export { MONEY_TX as TX } from "../ledger/post";

/**
 * Maker-checker: the approver holds bonus.approve and is not the one who asked. A system actor never
 * approves. Refused with FORBIDDEN (the action is not theirs to take).
 */
export function assertApprover(actor: Actor, requestedById: string | null) {
  if (actor.type !== "staff" || !can(actor.role, "bonus.approve")) throw new AppError("FORBIDDEN", "bonuses.errors.approverNotAdmin");
  if (requestedById && requestedById === actor.id) {
    throw new AppError("FORBIDDEN", "bonuses.errors.ownRequest");
  }
}

export async function staffNames(db: Db | DbTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const staff = await db.staffUser.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(staff.map((s) => [s.id, s.name]));
}

const ref = (names: Map<string, string>, id: string | null): StaffRef | null => (id ? { id, name: names.get(id) ?? "—" } : null);

type CampaignRecord = Prisma.BonusCampaignGetPayload<object>;

export async function toCampaignRows(db: Db | DbTx, records: CampaignRecord[]): Promise<CampaignRow[]> {
  const names = await staffNames(db, records.flatMap((r) => [r.requestedById, r.approvedById]));
  return records.map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    type: c.type,
    amountRule: c.amountRule,
    fixedAmount: c.fixedAmount ? text(c.fixedAmount) : null,
    percent: c.percent ? text(c.percent) : null,
    capAmount: c.capAmount ? text(c.capAmount) : null,
    currency: c.currency,
    withdrawable: c.withdrawable,
    eligibleGroupIds: c.eligibleGroupIds,
    eligibleCountries: c.eligibleCountries,
    minKycLevel: c.minKycLevel,
    budget: text(c.budget),
    granted: text(c.granted),
    released: text(c.released),
    expired: text(c.expired),
    revoked: text(c.revoked),
    remainingBudget: text(c.budget.minus(c.granted)),
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    validityDays: c.validityDays,
    status: c.status,
    requestedBy: ref(names, c.requestedById),
    approvedBy: ref(names, c.approvedById),
    approvedAt: c.approvedAt,
    version: c.version,
    createdAt: c.createdAt,
  }));
}

export const GRANT_INCLUDE = {
  campaign: { select: { name: true } },
  customer: { select: { id: true, uid: true, name: true } },
  tradingAccount: { select: { id: true, type: true, currency: true, demo: true } },
} satisfies Prisma.BonusGrantInclude;
export type GrantRecord = Prisma.BonusGrantGetPayload<{ include: typeof GRANT_INCLUDE }>;

export async function toGrantRows(db: Db | DbTx, records: GrantRecord[]): Promise<GrantRow[]> {
  const names = await staffNames(db, records.flatMap((r) => [r.requestedById, r.approvedById]));
  return records.map((g) => ({
    id: g.id,
    campaignId: g.campaignId,
    campaignName: g.campaign?.name ?? null,
    batchId: g.batchId,
    customer: { id: g.customer.id, uid: String(g.customer.uid), name: g.customer.name },
    tradingAccount: g.tradingAccount,
    amount: text(g.amount),
    currency: g.currency,
    withdrawable: g.withdrawable,
    remaining: text(g.remaining),
    released: text(g.released),
    expired: text(g.expired),
    revoked: text(g.revoked),
    shortfall: text(g.shortfall),
    status: g.status,
    idempotencyKey: g.idempotencyKey,
    reason: g.reason,
    expiresAt: g.expiresAt,
    requestedBy: ref(names, g.requestedById),
    approvedBy: ref(names, g.approvedById),
    decidedAt: g.decidedAt,
    rejectReason: g.rejectReason,
    appliedAt: g.appliedAt,
    createdAt: g.createdAt,
  }));
}

export const loadGrant = async (db: Db | DbTx, brandId: string, where: { id: string } | { idempotencyKey: string }): Promise<GrantRecord | null> =>
  db.bonusGrant.findFirst({ where: { brandId, ...where }, include: GRANT_INCLUDE });

export const row = async (db: Db | DbTx, g: GrantRecord, replayed?: boolean): Promise<GrantRow> => ({
  ...(await toGrantRows(db, [g]))[0],
  ...(replayed === undefined ? {} : { replayed }),
});

/** Locks one grant of the brand (FOR NO KEY UPDATE) and returns it as it is now. */
export async function lockGrant(tx: DbTx, brandId: string, id: string): Promise<GrantRecord> {
  await tx.$queryRaw`SELECT id FROM bonus_grant WHERE id = ${id}::uuid AND brand_id = ${brandId}::uuid FOR NO KEY UPDATE`;
  const g = await loadGrant(tx, brandId, { id });
  if (!g) throw notFound("grant");
  return g;
}

/** Audit snapshot of a grant: amounts as text so before/after diff cleanly. */
export const grantSnapshot = (g: {
  id: string;
  campaignId: string | null;
  batchId: string | null;
  customerId: string;
  tradingAccountId: string;
  amount: { toFixed(): string };
  remaining: { toFixed(): string };
  released: { toFixed(): string };
  expired: { toFixed(): string };
  revoked: { toFixed(): string };
  shortfall: { toFixed(): string };
  status: string;
  idempotencyKey: string;
  withdrawable: boolean;
  expiresAt: Date | null;
}) => ({
  id: g.id,
  campaignId: g.campaignId,
  batchId: g.batchId,
  customerId: g.customerId,
  tradingAccountId: g.tradingAccountId,
  amount: text(g.amount),
  remaining: text(g.remaining),
  released: text(g.released),
  expired: text(g.expired),
  revoked: text(g.revoked),
  shortfall: text(g.shortfall),
  status: g.status,
  idempotencyKey: g.idempotencyKey,
  withdrawable: g.withdrawable,
  expiresAt: g.expiresAt,
});

/** The brand's maker-checker threshold (null: everything needs approval). */
export async function brandThreshold(db: Db | DbTx, brandId: string): Promise<Prisma.Decimal | null> {
  const brand = await db.brand.findUnique({ where: { id: brandId }, select: { bonusApprovalThreshold: true } });
  return brand?.bonusApprovalThreshold ?? null;
}
