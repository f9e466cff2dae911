/**
 * The one shape every KYC step takes. Every step checks the rules in lib/kyc/transitions.ts, carries the
 * version the reviewer saw (a changed application is refused, never overwritten), and writes a KycEvent
 * (the application's history) and an audit row in the same transaction as the change.
 */
import "server-only";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { DbTx, Prisma } from "../db/client";
import { AppError, notFound } from "../errors";
import type { KycScenario, KycStatus } from "@/lib/kyc/schemas";
import { refusal, STALE_VERSION_REASON, type KycReviewState, type KycStep } from "@/lib/kyc/transitions";
import { getKycApplication } from "./application";
import { reviewState, staffNames } from "./internal";
import type { KycApplicationDetail } from "./types";

/** What an audit row records of an application: its workflow state, never the applicant's details. */
export const snapshot = (a: {
  status: KycStatus;
  level: number;
  scenario: KycScenario;
  country: string;
  assigneeId: string | null;
  firstApproverId: string | null;
  decidedById: string | null;
  rejectionReasonCode: string | null;
  canResubmit: boolean | null;
  version: number;
}) => ({
  status: a.status,
  level: a.level,
  scenario: a.scenario,
  country: a.country,
  assigneeId: a.assigneeId,
  firstApproverId: a.firstApproverId,
  decidedById: a.decidedById,
  rejectionReasonCode: a.rejectionReasonCode,
  canResubmit: a.canResubmit,
  version: a.version,
});

export const staleVersion = () => new AppError("CONFLICT", STALE_VERSION_REASON);

interface KycChange {
  /** Audit action, e.g. "kyc.claim"; the history event is named after it ("claim"). */
  action: string;
  data: Prisma.KycApplicationUncheckedUpdateManyInput;
  reasonCode?: string | null;
  note?: string | null;
  /** Further writes in the same transaction (the customer's level on a final approval). */
  alsoWrite?: (tx: DbTx) => Promise<void>;
}

type LoadedApplication = Prisma.KycApplicationGetPayload<{ include: { documents: { select: { kind: true } } } }>;

interface StepContext {
  tx: DbTx;
  app: LoadedApplication;
  state: KycReviewState;
  /** Throws the refusal for `step`, if any. */
  assertMay: (step: KycStep) => void;
}

/**
 * One step on an application: load it in the brand, refuse a stale version, let `decide` check the
 * rules and say what changes, then write the change (guarded by the version), its event and audit row.
 */
export async function applyStep(
  ctx: TenantContext,
  ref: { id: string; version: number },
  decide: (step: StepContext) => KycChange | Promise<KycChange>,
): Promise<KycApplicationDetail> {
  await ctx.db.$transaction(async (tx) => {
    const app = await tx.kycApplication.findFirst({
      where: { id: ref.id, brandId: ctx.tenantId },
      include: { documents: { select: { kind: true } } },
    });
    if (!app) throw notFound("application");
    if (app.version !== ref.version) throw staleVersion();
    const names = await staffNames(tx, [app.assigneeId]);
    const state = reviewState(app, app.documents, names);
    const change = await decide({
      tx,
      app,
      state,
      assertMay: (step) => {
        const refused = refusal(step, state, ctx.actor);
        if (refused) throw new AppError(refused.code, refused.reason, { params: refused.params });
      },
    });
    const { count } = await tx.kycApplication.updateMany({
      where: { id: app.id, brandId: ctx.tenantId, version: ref.version },
      data: { ...change.data, version: { increment: 1 } },
    });
    if (count === 0) throw staleVersion();
    const after = await tx.kycApplication.findUniqueOrThrow({ where: { id: app.id } });
    await tx.kycEvent.create({
      data: {
        brandId: ctx.tenantId,
        applicationId: app.id,
        action: change.action.replace(/^kyc\./, ""),
        fromStatus: app.status,
        toStatus: after.status,
        actorId: ctx.actor.id,
        actorLabel: ctx.actor.name,
        reasonCode: change.reasonCode ?? null,
        note: change.note ?? null,
      },
    });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: change.action,
      entityType: "kyc_application",
      entityId: app.id,
      before: snapshot(app),
      after: { ...snapshot(after), ...(change.reasonCode ? { reasonCode: change.reasonCode } : {}), ...(change.note ? { note: change.note } : {}) },
    });
    await change.alsoWrite?.(tx);
  });
  return getKycApplication(ctx, { id: ref.id });
}
