/**
 * KYC: applications, the review queue and decisions (four eyes for level 3). Every step checks the
 * rules in ./transitions.ts, carries the version the reviewer saw (a changed application is refused,
 * never overwritten), and writes a KycEvent (the application's history) and an audit row in the same
 * transaction as the change. A customer's KYC level changes here only, on a final approval.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db, DbTx, Prisma } from "../db/client";
import { AppError, invalid, notFound } from "../errors";
import { countryName } from "@/lib/countries";
import { pageArgs, type Page } from "@/lib/table-state";
import {
  OPEN_KYC_STATUSES,
  requiredDocuments,
  type KycApplicant,
  type KycDocumentKind,
  type KycScenario,
  type KycStatus,
  type ZKycApplicationId,
  type ZKycApproveInput,
  type ZKycAssignInput,
  type ZKycCustomerInput,
  type ZKycQueueInput,
  type ZKycRejectInput,
  type ZKycRequestInfoInput,
  type ZKycResubmitInput,
  type ZKycVersion,
  type ZSubmitKycInput,
} from "@/lib/kyc/schemas";
import { ensureDefaultReasons } from "./settings";
import {
  allowedActions,
  approvalOutcome,
  AWAITING_REVIEW,
  DECIDED,
  refusal,
  STALE_VERSION_MESSAGE,
  type KycReviewState,
  type KycStep,
} from "@/lib/kyc/transitions";
import type { KycApplicationDetail, KycCustomerApplicationRow, KycQueueRow, StaffRef } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

const HOUR_MS = 3_600_000;

const rowInclude = {
  customer: { select: { id: true, uid: true, name: true, status: true, kycLevel: true, country: true } },
  _count: { select: { documents: true } },
} satisfies Prisma.KycApplicationInclude;
type ApplicationRecord = Prisma.KycApplicationGetPayload<{ include: typeof rowInclude }>;

/** Names of the staff an application mentions; ids come from brand-scoped rows. */
async function staffNames(db: Db | DbTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const staff = await db.staffUser.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(staff.map((s) => [s.id, s.name]));
}

const staffRef = (names: Map<string, string>, id: string | null): StaffRef | null =>
  id ? { id, name: names.get(id) ?? "Unknown" } : null;

async function slaHours(ctx: TenantContext): Promise<number> {
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

function toQueueRow(app: ApplicationRecord, names: Map<string, string>, sla: number, now: Date): KycQueueRow {
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

function queueWhere(ctx: TenantContext, q: In<typeof ZKycQueueInput>, now: Date): Prisma.KycApplicationWhereInput {
  const search = q.q?.trim();
  return {
    brandId: ctx.tenantId,
    status: { in: q.status?.length ? q.status : [...OPEN_KYC_STATUSES] },
    ...(q.level?.length ? { level: { in: q.level.map(Number) } } : {}),
    ...(q.scenario?.length ? { scenario: { in: q.scenario } } : {}),
    ...(q.country ? { country: q.country } : {}),
    ...(q.assignee === "me" ? { assigneeId: ctx.actor.id } : q.assignee === "unassigned" ? { assigneeId: null } : {}),
    ...(q.minAgeHours ? { submittedAt: { lte: new Date(now.getTime() - q.minAgeHours * HOUR_MS) } } : {}),
    ...(search
      ? { customer: /^\d{1,18}$/.test(search) ? { uid: BigInt(search) } : { name: { contains: search, mode: "insensitive" } } }
      : {}),
  };
}

/** The review queue: open applications oldest first unless the caller filters or sorts otherwise. */
export async function kycQueue(ctx: TenantContext, q: In<typeof ZKycQueueInput>): Promise<Page<KycQueueRow>> {
  const now = new Date();
  const where = queueWhere(ctx, q, now);
  const orderBy: Prisma.KycApplicationOrderByWithRelationInput[] =
    q.sort === "level"
      ? [{ level: q.dir }, { submittedAt: "asc" }, { id: "asc" }]
      : [{ submittedAt: q.dir }, { id: q.dir }];
  const [apps, total, sla] = await Promise.all([
    ctx.db.kycApplication.findMany({ where, orderBy, include: rowInclude, ...pageArgs(q) }),
    ctx.db.kycApplication.count({ where }),
    slaHours(ctx),
  ]);
  const names = await staffNames(ctx.db, apps.flatMap((a) => [a.assigneeId, a.firstApproverId]));
  return { rows: apps.map((a) => toQueueRow(a, names, sla, now)), total, page: q.page, pageSize: q.pageSize };
}

const missingOf = (level: number, scenario: KycScenario, held: { kind: KycDocumentKind }[]) =>
  requiredDocuments(level, scenario).filter((kind) => !held.some((d) => d.kind === kind));

function reviewState(
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
  if (!app) throw notFound("Application");
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
  if (!customer) throw notFound("Customer");
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

/** Compliance staff of the brand who can be assigned applications. */
export async function listReviewers(ctx: TenantContext): Promise<StaffRef[]> {
  return ctx.db.staffUser.findMany({
    where: { brandId: ctx.tenantId, role: "compliance", status: "active" },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

// ── Changes ────────────────────────────────────────────────────────────────────────────────────────

/** What an audit row records of an application: its workflow state, never the applicant's details. */
const snapshot = (a: {
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

export const staleVersion = () => new AppError("CONFLICT", STALE_VERSION_MESSAGE);

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
async function applyStep(
  ctx: TenantContext,
  ref: { id: string; version: number },
  decide: (step: StepContext) => KycChange | Promise<KycChange>,
): Promise<KycApplicationDetail> {
  await ctx.db.$transaction(async (tx) => {
    const app = await tx.kycApplication.findFirst({
      where: { id: ref.id, brandId: ctx.tenantId },
      include: { documents: { select: { kind: true } } },
    });
    if (!app) throw notFound("Application");
    if (app.version !== ref.version) throw staleVersion();
    const names = await staffNames(tx, [app.assigneeId]);
    const state = reviewState(app, app.documents, names);
    const change = await decide({
      tx,
      app,
      state,
      assertMay: (step) => {
        const refused = refusal(step, state, ctx.actor);
        if (refused) throw new AppError(refused.code, refused.message);
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

const scenarioLabel = (s: KycScenario) => s.replaceAll("_", " ");

/** The B-end channel: staff open an application on the customer's behalf. */
export async function submitKycApplication(ctx: TenantContext, input: In<typeof ZSubmitKycInput>): Promise<KycApplicationDetail> {
  const id = await ctx.db.$transaction(async (tx) => {
    // Locks the customer so two submissions cannot both pass the one-open-application check.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM customer WHERE id = ${input.customerId}::uuid AND brand_id = ${ctx.tenantId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("Customer");
    const customer = await tx.customer.findUniqueOrThrow({ where: { id: input.customerId }, select: { id: true, status: true, kycLevel: true } });
    if (customer.status === "closed") throw invalid("customerId", "This customer's account is closed");

    const open = await tx.kycApplication.findFirst({
      where: { brandId: ctx.tenantId, customerId: customer.id, status: { in: [...OPEN_KYC_STATUSES] } },
      select: { id: true, level: true, scenario: true, status: true },
    });
    if (open) {
      throw new AppError(
        "CONFLICT",
        `This customer already has an open application (level ${open.level}, ${scenarioLabel(open.scenario)}, ${open.status.replaceAll("_", " ")}; id ${open.id}); finish it first`,
      );
    }
    if (input.level <= customer.kycLevel) {
      throw invalid("level", `The customer is already at KYC level ${customer.kycLevel}; choose a higher level`);
    }
    const last = await tx.kycApplication.findFirst({
      where: { brandId: ctx.tenantId, customerId: customer.id, scenario: input.scenario, status: { in: [...DECIDED] } },
      orderBy: [{ decidedAt: "desc" }, { createdAt: "desc" }],
      select: { status: true, canResubmit: true, rejectionReasonCode: true },
    });
    if (last?.status === "rejected" && last.canResubmit === false) {
      throw new AppError(
        "CONFLICT",
        `The customer's last ${scenarioLabel(input.scenario)} application was rejected (${last.rejectionReasonCode}) without the right to resubmit`,
      );
    }
    if (input.scenario === "corporate_account") {
      const brand = await tx.brand.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { kycCorporateCountries: true } });
      if (!brand.kycCorporateCountries.includes(input.country)) {
        throw invalid("country", `${countryName(input.country, "en")} is not supported for corporate accounts`);
      }
    }

    const app = await tx.kycApplication.create({
      data: {
        brandId: ctx.tenantId,
        customerId: customer.id,
        level: input.level,
        scenario: input.scenario,
        country: input.country,
        applicant: input.applicant as Prisma.InputJsonObject,
        status: "submitted",
      },
    });
    await tx.kycEvent.create({
      data: {
        brandId: ctx.tenantId,
        applicationId: app.id,
        action: "submit",
        fromStatus: null,
        toStatus: "submitted",
        actorId: ctx.actor.id,
        actorLabel: ctx.actor.name,
      },
    });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "kyc.submit",
      entityType: "kyc_application",
      entityId: app.id,
      after: { ...snapshot(app), customerId: customer.id },
    });
    return app.id;
  });
  return getKycApplication(ctx, { id });
}

/** The customer answered a request for information: back into the queue, SLA age restarting. */
export async function resubmitKycApplication(ctx: TenantContext, input: In<typeof ZKycResubmitInput>): Promise<KycApplicationDetail> {
  return applyStep(ctx, input, ({ assertMay }) => {
    assertMay("resubmit");
    return { action: "kyc.resubmit", note: input.note, data: { status: "submitted", submittedAt: new Date() } };
  });
}

/** Takes an unassigned application from the queue (or a level 3 awaiting its second approval). */
export async function claimKycApplication(ctx: TenantContext, input: In<typeof ZKycVersion>): Promise<KycApplicationDetail> {
  return applyStep(ctx, input, ({ app, assertMay }) => {
    assertMay("claim");
    return {
      action: "kyc.claim",
      data: { assigneeId: ctx.actor.id, assignedAt: new Date(), status: app.status === "submitted" ? "in_review" : app.status },
    };
  });
}

/** Gives the application back to the queue. */
export async function releaseKycApplication(ctx: TenantContext, input: In<typeof ZKycVersion>): Promise<KycApplicationDetail> {
  return applyStep(ctx, input, ({ app, assertMay }) => {
    assertMay("release");
    return { action: "kyc.release", data: { assigneeId: null, assignedAt: null, status: app.status === "in_review" ? "submitted" : app.status } };
  });
}

/** Hands the application to a compliance reviewer of the brand, or back to the queue (null). */
export async function assignKycApplication(ctx: TenantContext, input: In<typeof ZKycAssignInput>): Promise<KycApplicationDetail> {
  return applyStep(ctx, input, async ({ tx, app, assertMay }) => {
    assertMay("assign");
    if (input.assigneeId) {
      const target = await tx.staffUser.findFirst({
        where: { id: input.assigneeId, brandId: ctx.tenantId, role: "compliance", status: "active" },
        select: { id: true, name: true },
      });
      if (!target) throw invalid("assigneeId", "Choose an active compliance reviewer of this brand");
      if (app.status === "pending_second_approval" && app.firstApproverId === target.id) {
        throw invalid("assigneeId", `${target.name} gave the first approval; a different reviewer must give the second`);
      }
    }
    const status: KycStatus =
      input.assigneeId && app.status === "submitted" ? "in_review" : !input.assigneeId && app.status === "in_review" ? "submitted" : app.status;
    return { action: "kyc.assign", data: { assigneeId: input.assigneeId, assignedAt: input.assigneeId ? new Date() : null, status } };
  });
}

/** Raises the customer's level to the approved one (never lowers it), audited on the customer. */
async function raiseCustomerLevel(tx: DbTx, ctx: TenantContext, app: { id: string; customerId: string; level: number }) {
  const customer = await tx.customer.findFirstOrThrow({ where: { id: app.customerId, brandId: ctx.tenantId }, select: { kycLevel: true } });
  // Not a profile edit, so the customer's version stays: an open profile form is not made stale by it.
  const { count } = await tx.customer.updateMany({
    where: { id: app.customerId, brandId: ctx.tenantId, kycLevel: { lt: app.level } },
    data: { kycLevel: app.level },
  });
  if (count === 0) return;
  await recordAudit(tx, ctx, {
    brandId: ctx.tenantId,
    action: "customer.kyc_level",
    entityType: "customer",
    entityId: app.customerId,
    before: { kycLevel: customer.kycLevel },
    after: { kycLevel: app.level, applicationId: app.id },
  });
}

/**
 * Approves as the assignee with every required document present. Level 3's first approval only
 * records the approver and returns the application to the queue for a different reviewer.
 */
export async function approveKycApplication(ctx: TenantContext, input: In<typeof ZKycApproveInput>): Promise<KycApplicationDetail> {
  return applyStep(ctx, input, ({ tx, app, assertMay }) => {
    assertMay("approve");
    const now = new Date();
    if (approvalOutcome(app) === "approve_first") {
      return {
        action: "kyc.approve_first",
        note: input.note,
        data: { status: "pending_second_approval", firstApproverId: ctx.actor.id, firstApprovedAt: now, assigneeId: null, assignedAt: null },
      };
    }
    return {
      action: "kyc.approve",
      note: input.note,
      data: { status: "approved", decidedById: ctx.actor.id, decidedAt: now, decisionNote: input.note ?? null },
      alsoWrite: () => raiseCustomerLevel(tx, ctx, app),
    };
  });
}

/** Rejects with one of the brand's active reasons; the reason's resubmit rule is copied onto the application. */
export async function rejectKycApplication(ctx: TenantContext, input: In<typeof ZKycRejectInput>): Promise<KycApplicationDetail> {
  await ensureDefaultReasons(ctx);
  return applyStep(ctx, input, async ({ tx, assertMay }) => {
    assertMay("reject");
    const reason = await tx.kycRejectionReason.findFirst({
      where: { brandId: ctx.tenantId, code: input.reasonCode, active: true },
      select: { code: true, allowResubmit: true },
    });
    if (!reason) throw invalid("reasonCode", "Choose a reason from the list");
    return {
      action: "kyc.reject",
      reasonCode: reason.code,
      note: input.note,
      data: {
        status: "rejected",
        decidedById: ctx.actor.id,
        decidedAt: new Date(),
        rejectionReasonCode: reason.code,
        canResubmit: reason.allowResubmit,
        decisionNote: input.note ?? null,
      },
    };
  });
}

/**
 * Asks the customer for more: the application leaves the queue until resubmitted. A level 3 first
 * approval is withdrawn, since the answer may change what was approved.
 */
export async function requestKycInformation(ctx: TenantContext, input: In<typeof ZKycRequestInfoInput>): Promise<KycApplicationDetail> {
  return applyStep(ctx, input, ({ assertMay }) => {
    assertMay("requestInfo");
    return {
      action: "kyc.request_info",
      note: input.note,
      data: { status: "more_info_requested", assigneeId: null, assignedAt: null, firstApproverId: null, firstApprovedAt: null },
    };
  });
}
