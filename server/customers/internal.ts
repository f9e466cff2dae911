/**
 * Customers' shared plumbing: the record every operation reads, how it is loaded in the caller's brand, how
 * it is shown (with its KYC summary) and audited, and the one shape every change takes. Every query is
 * scoped to the caller's brand; every change carries the version the caller saw (a stale one is refused,
 * never overwritten) and is audited in the transaction that makes it.
 */
import "server-only";
import type { BrandContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db, DbTx, Prisma } from "../db/client";
import { AppError, notFound } from "../errors";
import { KYC_SCENARIOS, OPEN_KYC_STATUSES, type KycStatus } from "@/lib/kyc/schemas";
import type { CustomerDetail, CustomerKycSummary } from "./types";

export const customerSelect = {
  id: true,
  uid: true,
  email: true,
  phoneCountryCode: true,
  phone: true,
  name: true,
  country: true,
  language: true,
  status: true,
  statusReason: true,
  statusChangedAt: true,
  kycLevel: true,
  groupId: true,
  group: { select: { name: true } },
  tags: true,
  registeredAt: true,
  registrationSource: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CustomerSelect;

export type CustomerRecord = Prisma.CustomerGetPayload<{ select: typeof customerSelect }>;

/** Audit snapshot: the fields staff change, so before/after shows what moved. */
export const snapshot = (c: CustomerRecord) => ({
  uid: c.uid,
  name: c.name,
  email: c.email,
  phoneCountryCode: c.phoneCountryCode,
  phone: c.phone,
  country: c.country,
  language: c.language,
  status: c.status,
  statusReason: c.statusReason,
  kycLevel: c.kycLevel,
  groupId: c.groupId,
  tags: c.tags,
  version: c.version,
});

const isOpen = (status: KycStatus) => (OPEN_KYC_STATUSES as readonly KycStatus[]).includes(status);

async function kycSummary(db: Db | DbTx, tenantId: string, customer: CustomerRecord): Promise<CustomerKycSummary> {
  const applications = await db.kycApplication.findMany({
    where: { brandId: tenantId, customerId: customer.id },
    select: { id: true, level: true, scenario: true, status: true, submittedAt: true, decidedAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const open = applications.find((a) => isOpen(a.status));
  return {
    level: customer.kycLevel,
    openApplication: open ? { id: open.id, level: open.level, scenario: open.scenario, status: open.status, submittedAt: open.submittedAt } : null,
    scenarios: KYC_SCENARIOS.map((scenario) => {
      const approved = applications
        .filter((a) => a.scenario === scenario && a.status === "approved")
        .sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0))[0];
      return { scenario, passed: Boolean(approved), approvedLevel: approved?.level ?? null, approvedAt: approved?.decidedAt ?? null };
    }),
  };
}

export async function toDetail(db: Db | DbTx, tenantId: string, c: CustomerRecord): Promise<CustomerDetail> {
  const { group, uid, ...rest } = c;
  return { ...rest, uid: uid.toString(), groupName: group?.name ?? null, kyc: await kycSummary(db, tenantId, c) };
}

export async function loadCustomer(db: Db | DbTx, ctx: BrandContext, id: string): Promise<CustomerRecord> {
  const customer = await db.customer.findFirst({ where: { id, brandId: ctx.tenantId }, select: customerSelect });
  if (!customer) throw notFound("customer");
  return customer;
}

/**
 * The shape of every change: load in the brand, check the caller's version, compute the change, write it
 * only if the version is still the same (bumping it), audit before/after — all in one transaction.
 */
export async function changeCustomer(
  ctx: BrandContext,
  input: { id: string; version: number },
  action: string,
  change: (tx: DbTx, before: CustomerRecord) => Promise<Prisma.CustomerUncheckedUpdateManyInput>,
): Promise<CustomerDetail> {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadCustomer(tx, ctx, input.id);
    if (before.version !== input.version) throw new AppError("CONFLICT", "customers.errors.staleVersion");
    const data = await change(tx, before);
    const { count } = await tx.customer.updateMany({
      where: { id: before.id, brandId: ctx.tenantId, version: before.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "customers.errors.staleVersion");
    const after = await loadCustomer(tx, ctx, before.id);
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action, entityType: "customer", entityId: before.id, before: snapshot(before), after: snapshot(after) });
    return toDetail(tx, ctx.tenantId, after);
  });
}

/** Closing is final: a closed customer's record is kept as it was. */
export function assertNotClosed(c: CustomerRecord) {
  if (c.status === "closed") throw new AppError("CONFLICT", "customers.errors.customerClosed", { params: { uid: c.uid.toString() } });
}
