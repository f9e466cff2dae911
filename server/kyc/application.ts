/** Reading applications: one with its documents, history and allowed actions; a customer's list of them. */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { notFound } from "../errors";
import { requiredDocuments, type KycApplicant, type ZKycApplicationId, type ZKycCustomerInput } from "@/lib/kyc/schemas";
import { allowedActions } from "@/lib/kyc/transitions";
import { reviewState, rowInclude, slaHours, staffNames, staffRef, toQueueRow } from "./internal";
import type { KycApplicationDetail, KycCustomerApplicationRow } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

/** One application with its documents, history and what the caller may do with it now. */
export async function getKycApplication(ctx: TenantContext, input: In<typeof ZKycApplicationId>): Promise<KycApplicationDetail> {
  const app = await ctx.db.kycApplication.findFirst({
    where: { id: input.id, brandId: ctx.tenantId },
    include: {
      ...rowInclude,
      documents: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!app) throw notFound("application");
  const [names, sla] = await Promise.all([
    staffNames(ctx.db, [app.assigneeId, app.firstApproverId, app.decidedById, ...app.documents.map((d) => d.uploadedById)]),
    slaHours(ctx),
  ]);
  const state = reviewState(app, app.documents, names);
  return {
    ...toQueueRow(app, names, sla, new Date()),
    customer: { ...app.customer, uid: app.customer.uid.toString() },
    applicant: app.applicant as KycApplicant,
    decidedBy: staffRef(names, app.decidedById),
    decidedAt: app.decidedAt,
    firstApprovedAt: app.firstApprovedAt,
    rejectionReasonCode: app.rejectionReasonCode,
    canResubmit: app.canResubmit,
    decisionNote: app.decisionNote,
    documents: app.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      fileName: d.fileName,
      mimeType: d.mimeType,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
      uploadedBy: d.uploadedById ? (names.get(d.uploadedById) ?? null) : null,
      createdAt: d.createdAt,
    })),
    requiredDocuments: requiredDocuments(app.level, app.scenario),
    missingDocuments: state.missingDocuments,
    events: app.events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorLabel: e.actorLabel,
      reasonCode: e.reasonCode,
      note: e.note,
      createdAt: e.createdAt,
    })),
    allowed: allowedActions(state, ctx.actor),
  };
}

/** A customer's applications, newest first. */
export async function listCustomerApplications(ctx: TenantContext, input: In<typeof ZKycCustomerInput>): Promise<KycCustomerApplicationRow[]> {
  const customer = await ctx.db.customer.findFirst({ where: { id: input.customerId, brandId: ctx.tenantId }, select: { id: true } });
  if (!customer) throw notFound("customer");
  return ctx.db.kycApplication.findMany({
    where: { brandId: ctx.tenantId, customerId: customer.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      level: true,
      scenario: true,
      status: true,
      submittedAt: true,
      decidedAt: true,
      rejectionReasonCode: true,
      canResubmit: true,
    },
  });
}
