/**
 * KYC's shared read plumbing: the application record a queue row is made from, the staff names it
 * mentions, the brand's SLA and an application's age against it, and the review state the rules in
 * lib/kyc/transitions.ts judge. Used by the queue, the application page and every review step.
 */
import "server-only";
import type { TenantContext } from "../actor";
import type { Db, DbTx, Prisma } from "../db/client";
import { requiredDocuments, type KycDocumentKind, type KycScenario } from "@/lib/kyc/schemas";
import { AWAITING_REVIEW, DECIDED, type KycReviewState } from "@/lib/kyc/transitions";
import type { KycQueueRow, StaffRef } from "./types";

export const HOUR_MS = 3_600_000;

export const rowInclude = {
  customer: { select: { id: true, uid: true, name: true, status: true, kycLevel: true, country: true } },
  _count: { select: { documents: true } },
} satisfies Prisma.KycApplicationInclude;
export type ApplicationRecord = Prisma.KycApplicationGetPayload<{ include: typeof rowInclude }>;

/** Names of the staff an application mentions; ids come from brand-scoped rows. */
export async function staffNames(db: Db | DbTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const staff = await db.staffUser.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(staff.map((s) => [s.id, s.name]));
}

export const staffRef = (names: Map<string, string>, id: string | null): StaffRef | null =>
  id ? { id, name: names.get(id) ?? "Unknown" } : null;

export async function slaHours(ctx: TenantContext): Promise<number> {
  const brand = await ctx.db.brand.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { kycSlaHours: true } });
  return brand.kycSlaHours;
}

/**
 * Age counts from when the application last entered the queue, up to its decision once decided. Only
 * applications waiting for a reviewer can be over SLA (more information is the customer's turn).
 */
function ageOf(app: Pick<ApplicationRecord, "status" | "submittedAt" | "decidedAt">, sla: number, now: Date) {
  const end = DECIDED.includes(app.status) && app.decidedAt ? app.decidedAt : now;
  const waitedMs = Math.max(0, end.getTime() - app.submittedAt.getTime());
  return {
    ageHours: Math.floor(waitedMs / HOUR_MS),
    overSla: AWAITING_REVIEW.includes(app.status) && waitedMs > sla * HOUR_MS,
  };
}

export function toQueueRow(app: ApplicationRecord, names: Map<string, string>, sla: number, now: Date): KycQueueRow {
  return {
    id: app.id,
    customerId: app.customerId,
    customerUid: app.customer.uid.toString(),
    customerName: app.customer.name,
    level: app.level,
    scenario: app.scenario,
    status: app.status,
    country: app.country,
    submittedAt: app.submittedAt,
    ...ageOf(app, sla, now),
    assignee: staffRef(names, app.assigneeId),
    firstApprover: staffRef(names, app.firstApproverId),
    documentCount: app._count.documents,
    version: app.version,
  };
}

const missingOf = (level: number, scenario: KycScenario, held: { kind: KycDocumentKind }[]) =>
  requiredDocuments(level, scenario).filter((kind) => !held.some((d) => d.kind === kind));

export function reviewState(
  app: Pick<ApplicationRecord, "status" | "level" | "scenario" | "assigneeId" | "firstApproverId">,
  documents: { kind: KycDocumentKind }[],
  names: Map<string, string>,
): KycReviewState {
  return {
    status: app.status,
    level: app.level,
    assigneeId: app.assigneeId,
    assigneeName: app.assigneeId ? names.get(app.assigneeId) : null,
    firstApproverId: app.firstApproverId,
    missingDocuments: missingOf(app.level, app.scenario, documents),
  };
}
