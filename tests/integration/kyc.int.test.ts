/** KYC workflow rules against real PostgreSQL: submission, queue, claiming, decisions, four eyes, concurrency. */
import { describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/server/db/client";
import { systemActor } from "@/server/actor";
import { AppError } from "@/server/errors";
import { getKycApplication, listCustomerApplications } from "@/server/kyc/application";
import { assignKycApplication, claimKycApplication, releaseKycApplication } from "@/server/kyc/assignment";
import { approveKycApplication, rejectKycApplication, requestKycInformation } from "@/server/kyc/decisions";
import { kycQueue, listReviewers, nextKycApplication } from "@/server/kyc/queue";
import { resubmitKycApplication, submitKycApplication } from "@/server/kyc/submit";
import { DEFAULT_KYC_REASONS, ensureDefaultReasons, getKycSettings, listKycReasons, saveKycReason, setKycReasonActive, updateKycSettings } from "@/server/kyc/settings";
import { ZKycQueueInput } from "@/lib/kyc/schemas";
import { applicationState, createTestApplication, createTestCustomer } from "../cases/kyc";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { randomUUID } from "node:crypto";
import { createBrand } from "@/server/brands/service";

async function member(brandId: string, role: Role = "compliance") {
  const { user } = await createTestStaff({ brandId, role });
  const ctx = { ...(await staffContext(user)), tenantId: brandId } as TenantContext;
  return { user, ctx };
}

/** The brand's desk: a brand with its default rejection reasons (as createBrand gives one), operations and two reviewers. */
async function desk() {
  const brand = await createTestBrand({ kycCorporateCountries: ["HK", "SG"], kycSlaHours: 24 });
  await ensureDefaultReasons({ db, tenantId: brand.id, actor: systemActor("test"), request: { ip: null, userAgent: null } });
  const [ops, r1, r2] = await Promise.all([member(brand.id, "operations"), member(brand.id), member(brand.id)]);
  return { brand, ops, r1, r2 };
}

type SubmitKycInput = Parameters<typeof submitKycApplication>[1];

const applicant = { fullName: "Lin Mei", idType: "passport" as const, idNumber: "E12345678", address: "1 Raffles Place, Singapore" };
const level1 = (customerId: string): SubmitKycInput => ({ customerId, level: 1, scenario: "open_trading_account", country: "SG", applicant });
const queue = (ctx: TenantContext, q: Record<string, unknown> = {}) => kycQueue(ctx, ZKycQueueInput.parse({ pageSize: 100, ...q }));

const FIRST_APPROVER_MESSAGE = "You gave the first approval; a different reviewer must give the second";
const STALE_VERSION_MESSAGE = "This application changed since you opened it; reload to see the latest";

/** Expects an AppError with this code (and field, message or reason key, when given). */
async function refused(
  promise: Promise<unknown>,
  code: AppError["code"],
  detail: { field?: string; message?: string | RegExp; reason?: string; params?: Record<string, unknown> } = {},
) {
  const error = await promise.then(
    () => expect.fail("expected a refusal"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (detail.field) expect((error as AppError).field).toBe(detail.field);
  if (detail.message) expect((error as AppError).message).toMatch(detail.message);
  if (detail.reason) expect((error as AppError).reason).toBe(detail.reason);
  if (detail.params) expect((error as AppError).params).toEqual(detail.params);
}

/** Attaches rows for every missing required document (metadata only). */
async function addRequiredDocuments(brandId: string, applicationId: string) {
  const app = await getKycApplication(
    { ...(await member(brandId)).ctx },
    { id: applicationId },
  );
  await db.kycDocument.createMany({
    data: app.missingDocuments.map((kind) => ({
      brandId,
      applicationId,
      kind,
      fileName: `${kind}.png`,
      mimeType: "image/png",
      sizeBytes: 10,
      sha256: "0".repeat(64),
      storageKey: `test/${applicationId}/${kind}`,
    })),
  });
}

const auditActions = async (entityId: string) =>
  (await db.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } })).map((a) => a.action);

describe("submitting an application", () => {
  it("opens a submitted application with its history and audit row", async () => {
    const { brand, ops } = await desk();
    const customer = await createTestCustomer(brand.id);
    const app = await submitKycApplication(ops.ctx, level1(customer.id));
    expect(app).toMatchObject({
      status: "submitted",
      level: 1,
      version: 1,
      customerUid: customer.uid.toString(),
      requiredDocuments: ["id_front", "id_back", "selfie"],
      missingDocuments: ["id_front", "id_back", "selfie"],
      applicant: { fullName: "Lin Mei", idType: "passport" },
      assignee: null,
    });
    expect(app.events).toEqual([expect.objectContaining({ action: "submit", fromStatus: null, toStatus: "submitted", actorLabel: ops.user.name })]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: app.id } });
    expect(audit).toMatchObject({ action: "kyc.submit", entityType: "kyc_application", brandId: brand.id, actorId: ops.user.id });
    // Operations can submit and upload but not review or see the files.
    expect(app.allowed).toMatchObject({ claim: false, approve: false, upload: true, viewDocuments: false, resubmit: false });
    expect(app.allowed.approveBlockedReason).toBe("kyc.errors.onlyReviewersApprove");
  });

  it("refuses bad submissions naming the field, creating nothing", async () => {
    const { brand, ops } = await desk();
    const other = await createTestBrand();
    const foreign = await createTestCustomer(other.id);
    const closed = await createTestCustomer(brand.id, { status: "closed" });
    const levelTwo = await createTestCustomer(brand.id, { kycLevel: 2 });
    const corporate = await createTestCustomer(brand.id);
    const corporateInput = (country: string): SubmitKycInput => ({
      customerId: corporate.id,
      level: 3,
      scenario: "corporate_account",
      country,
      applicant: { ...applicant, companyName: "Lin Trading Pte", companyRegistrationNumber: "2026123456K" },
    });
    const before = await db.kycApplication.count({ where: { brandId: brand.id } });
    const auditsBefore = await db.auditLog.count({ where: { brandId: brand.id } });

    await refused(submitKycApplication(ops.ctx, level1(foreign.id)), "NOT_FOUND");
    await refused(submitKycApplication(ops.ctx, level1(closed.id)), "VALIDATION", { field: "customerId" });
    await refused(submitKycApplication(ops.ctx, { ...level1(levelTwo.id), level: 2 }), "VALIDATION", {
      field: "level",
      message: "The customer is already at KYC level 2; choose a higher level",
      reason: "kyc.errors.alreadyAtLevel",
      params: { level: 2 },
    });
    await refused(submitKycApplication(ops.ctx, corporateInput("US")), "VALIDATION", {
      field: "country",
      message: "United States is not supported for corporate accounts",
      reason: "kyc.errors.corporateCountryNotSupported",
      params: { country: "US", countryName: "United States" },
    });
    expect(await db.kycApplication.count({ where: { brandId: brand.id } })).toBe(before);
    expect(await db.auditLog.count({ where: { brandId: brand.id } })).toBe(auditsBefore);

    await expect(submitKycApplication(ops.ctx, corporateInput("HK"))).resolves.toMatchObject({ status: "submitted", level: 3 });
    await expect(submitKycApplication(ops.ctx, { ...level1(levelTwo.id), level: 3, scenario: "high_value" })).resolves.toMatchObject({ level: 3 });
  });

  it("allows one open application per customer, even when two submissions race", async () => {
    const { brand, ops } = await desk();
    const customer = await createTestCustomer(brand.id);
    const outcomes = await Promise.allSettled([submitKycApplication(ops.ctx, level1(customer.id)), submitKycApplication(ops.ctx, level1(customer.id))]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejection = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    const open = await db.kycApplication.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(rejection.reason).toMatchObject({
      code: "CONFLICT",
      message: `This customer already has an open application (level 1, open trading account, submitted; id ${open.id}); finish it first`,
      reason: "kyc.errors.openApplication.open_trading_account.submitted",
      params: { level: 1, id: open.id },
    });
    expect(await db.kycApplication.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("refuses a new application in a scenario rejected without the right to resubmit", async () => {
    const { brand, ops } = await desk();
    const customer = await createTestCustomer(brand.id);
    await createTestApplication(brand.id, { customerId: customer.id, status: "rejected" }).then((a) =>
      db.kycApplication.update({ where: { id: a.id }, data: { decidedAt: new Date(), rejectionReasonCode: "sanctions_match", canResubmit: false } }),
    );
    await refused(submitKycApplication(ops.ctx, level1(customer.id)), "CONFLICT", {
      message: "The customer's last open trading account application was rejected (sanctions_match) without the right to resubmit",
      reason: "kyc.errors.lastRejectedFinal.open_trading_account",
    });
    // Another scenario is a separate question.
    await expect(submitKycApplication(ops.ctx, { ...level1(customer.id), scenario: "withdrawal" })).resolves.toMatchObject({ status: "submitted" });
  });
});

describe("the queue", () => {
  it("shows open applications oldest first, with age and SLA, and filters", async () => {
    const { brand, r1, r2 } = await desk();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    const fresh = await createTestApplication(brand.id, { submittedAt: hoursAgo(1) });
    const late = await createTestApplication(brand.id, { level: 2, submittedAt: hoursAgo(30), country: "HK" });
    const mine = await createTestApplication(brand.id, { status: "in_review", assigneeId: r1.user.id, submittedAt: hoursAgo(5) });
    const theirs = await createTestApplication(brand.id, { status: "in_review", assigneeId: r2.user.id, submittedAt: hoursAgo(3) });
    const waiting = await createTestApplication(brand.id, { status: "more_info_requested", submittedAt: hoursAgo(50) });
    const second = await createTestApplication(brand.id, {
      level: 3,
      scenario: "corporate_account",
      status: "pending_second_approval",
      firstApproverId: r2.user.id,
      submittedAt: hoursAgo(10),
    });
    const done = await createTestApplication(brand.id, { status: "approved", submittedAt: hoursAgo(100) });
    await createTestApplication((await createTestBrand()).id, { submittedAt: hoursAgo(200) });

    const ids = async (q: Record<string, unknown> = {}) => (await queue(r1.ctx, q)).rows.map((r) => r.id);
    expect(await ids()).toEqual([waiting.id, late.id, second.id, mine.id, theirs.id, fresh.id]);
    expect(await ids({ dir: "desc" })).toEqual([fresh.id, theirs.id, mine.id, second.id, late.id, waiting.id]);
    expect(await ids({ status: "approved" })).toEqual([done.id]);
    expect(await ids({ level: "2,3" })).toEqual([late.id, second.id]);
    expect(await ids({ scenario: "corporate_account" })).toEqual([second.id]);
    expect(await ids({ country: "hk" })).toEqual([late.id]);
    expect(await ids({ assignee: "me" })).toEqual([mine.id]);
    expect(await ids({ assignee: "unassigned" })).toEqual([waiting.id, late.id, second.id, fresh.id]);
    expect(await ids({ minAgeHours: 24 })).toEqual([waiting.id, late.id]);
    expect(await ids({ sort: "level", dir: "desc" })).toEqual([second.id, late.id, waiting.id, mine.id, theirs.id, fresh.id]);

    const page = await queue(r1.ctx, { pageSize: 10 });
    expect(page.total).toBe(6);
    const rows = new Map(page.rows.map((r) => [r.id, r]));
    expect(rows.get(late.id)).toMatchObject({ ageHours: 30, overSla: true, level: 2, country: "HK" });
    expect(rows.get(fresh.id)).toMatchObject({ ageHours: 1, overSla: false });
    // Waiting for the customer: old, but not the desk's delay.
    expect(rows.get(waiting.id)).toMatchObject({ ageHours: 50, overSla: false });
    expect(rows.get(second.id)).toMatchObject({ firstApprover: { id: r2.user.id, name: r2.user.name }, assignee: null });
    expect(rows.get(mine.id)).toMatchObject({ assignee: { id: r1.user.id, name: r1.user.name } });
    const customer = await db.customer.findUniqueOrThrow({ where: { id: fresh.customerId } });
    expect(rows.get(fresh.id)).toMatchObject({ customerUid: customer.uid.toString(), customerName: customer.name, documentCount: 0 });
    expect(await ids({ q: customer.uid.toString() })).toEqual([fresh.id]);
    expect(await ids({ q: customer.name.toUpperCase() })).toEqual([fresh.id]);

    await db.brand.update({ where: { id: brand.id }, data: { kycSlaHours: 4 } });
    const stricter = new Map((await queue(r1.ctx)).rows.map((r) => [r.id, r.overSla]));
    expect(stricter.get(mine.id)).toBe(true);
    expect(stricter.get(theirs.id)).toBe(false);
  });
});

describe("claim, release and assign", () => {
  it("claims into review, refuses a second claim, releases back to the queue", async () => {
    const { brand, r1, r2 } = await desk();
    const app = await createTestApplication(brand.id);
    const claimed = await claimKycApplication(r1.ctx, { id: app.id, version: 1 });
    expect(claimed).toMatchObject({ status: "in_review", assignee: { id: r1.user.id }, version: 2 });
    expect(claimed.allowed).toMatchObject({ claim: false, release: true, reject: true, requestInfo: true, approve: false });
    expect(claimed.allowed.approveBlockedReason).toBe("kyc.errors.documentsMissing");

    const seenByR2 = await getKycApplication(r2.ctx, { id: app.id });
    expect(seenByR2.allowed).toMatchObject({ claim: false, release: false, reject: false });
    expect(seenByR2.allowed.approveBlockedReason).toBe("kyc.errors.assignedTo");
    await refused(claimKycApplication(r2.ctx, { id: app.id, version: 2 }), "CONFLICT", { message: /already being reviewed/ });
    await refused(releaseKycApplication(r2.ctx, { id: app.id, version: 2 }), "FORBIDDEN");
    await refused(approveKycApplication(r2.ctx, { id: app.id, version: 2 }), "FORBIDDEN", {
      message: `Assigned to ${r1.user.name}; only the assignee can decide`,
      reason: "kyc.errors.assignedTo",
      params: { name: r1.user.name },
    });

    const released = await releaseKycApplication(r1.ctx, { id: app.id, version: 2 });
    expect(released).toMatchObject({ status: "submitted", assignee: null, version: 3 });
    expect(released.allowed.approveBlockedReason).toBe("kyc.errors.claimFirst");
    expect(released.events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ["claim", "submitted", "in_review"],
      ["release", "in_review", "submitted"],
    ]);
    expect(await auditActions(app.id)).toEqual(["kyc.claim", "kyc.release"]);
  });

  it("refuses to release a decided application, keeping its reviewer", async () => {
    const { brand, r1 } = await desk();
    for (const status of ["approved", "rejected"] as const) {
      const app = await createTestApplication(brand.id, { status, assigneeId: r1.user.id });
      const seen = await getKycApplication(r1.ctx, { id: app.id });
      expect(seen.allowed.release).toBe(false);
      const reason = status === "approved" ? "kyc.errors.releaseApproved" : "kyc.errors.releaseRejected";
      await refused(releaseKycApplication(r1.ctx, { id: app.id, version: 1 }), "CONFLICT", { reason });
      const after = await applicationState(app.id);
      expect(after.application).toMatchObject({ status, assigneeId: r1.user.id, version: 1 });
      expect(await auditActions(app.id)).toEqual([]);
    }
  });

  it("finds the next application the reviewer may work, oldest first, and none when the queue is done", async () => {
    const { brand, r1, r2 } = await desk();
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
    // Neither a decided application nor one waiting for the customer is offered.
    await createTestApplication(brand.id, { status: "approved", submittedAt: at(0) });
    const othersHeld = await createTestApplication(brand.id, { status: "in_review", assigneeId: r2.user.id, submittedAt: at(1) });
    const ownFirst = await createTestApplication(brand.id, { status: "pending_second_approval", firstApproverId: r1.user.id, submittedAt: at(2) });
    const open = await createTestApplication(brand.id, { submittedAt: at(3) });
    const mine = await createTestApplication(brand.id, { status: "in_review", assigneeId: r1.user.id, submittedAt: at(4) });
    await createTestApplication(brand.id, { status: "more_info_requested", submittedAt: at(5) });

    expect(await nextKycApplication(r1.ctx, {})).toEqual({ id: open.id });
    expect(await nextKycApplication(r1.ctx, { after: open.id })).toEqual({ id: mine.id });
    expect(await nextKycApplication(r1.ctx, { after: mine.id })).toEqual({ id: open.id });
    // r2 holds one and may give the second approval r1 cannot.
    expect(await nextKycApplication(r2.ctx, {})).toEqual({ id: othersHeld.id });
    expect(await nextKycApplication(r2.ctx, { after: othersHeld.id })).toEqual({ id: ownFirst.id });

    await db.kycApplication.updateMany({ where: { id: { in: [open.id, mine.id] } }, data: { status: "rejected" } });
    expect(await nextKycApplication(r1.ctx, {})).toBeNull();
  });

  it("assigns only to an active compliance member of the brand, and clears", async () => {
    const { brand, ops, r1, r2 } = await desk();
    const app = await createTestApplication(brand.id);
    const outsider = await member((await createTestBrand()).id);
    const disabled = await member(brand.id);
    await db.staffUser.update({ where: { id: disabled.user.id }, data: { status: "disabled" } });
    for (const assigneeId of [ops.user.id, outsider.user.id, disabled.user.id]) {
      await refused(assignKycApplication(r1.ctx, { id: app.id, version: 1, assigneeId }), "VALIDATION", { field: "assigneeId" });
    }
    expect((await applicationState(app.id)).application.version).toBe(1);

    const assigned = await assignKycApplication(r1.ctx, { id: app.id, version: 1, assigneeId: r2.user.id });
    expect(assigned).toMatchObject({ status: "in_review", assignee: { id: r2.user.id, name: r2.user.name } });
    const reassigned = await assignKycApplication(r1.ctx, { id: app.id, version: 2, assigneeId: r1.user.id });
    expect(reassigned).toMatchObject({ status: "in_review", assignee: { id: r1.user.id } });
    const cleared = await assignKycApplication(r1.ctx, { id: app.id, version: 3, assigneeId: null });
    expect(cleared).toMatchObject({ status: "submitted", assignee: null, version: 4 });
    expect(await auditActions(app.id)).toEqual(["kyc.assign", "kyc.assign", "kyc.assign"]);

    const reviewers = await listReviewers(ops.ctx);
    expect(reviewers.map((r) => r.id).sort()).toEqual([r1.user.id, r2.user.id].sort());
  });
});

describe("decisions", () => {
  it("approves level 1 as the assignee with every document, raising the customer's level", async () => {
    const { brand, ops, r1 } = await desk();
    const customer = await createTestCustomer(brand.id);
    const { id } = await submitKycApplication(ops.ctx, level1(customer.id));
    await refused(approveKycApplication(r1.ctx, { id, version: 1 }), "FORBIDDEN", { message: "Claim the application first" });
    await claimKycApplication(r1.ctx, { id, version: 1 });
    await refused(approveKycApplication(r1.ctx, { id, version: 2 }), "CONFLICT", { message: "Documents missing: id_front, id_back, selfie" });
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).kycLevel).toBe(0);

    await addRequiredDocuments(brand.id, id);
    const approved = await approveKycApplication(r1.ctx, { id, version: 2, note: "All clear" });
    expect(approved).toMatchObject({ status: "approved", decidedBy: { id: r1.user.id }, decisionNote: "All clear", missingDocuments: [] });
    expect(approved.decidedAt).toBeInstanceOf(Date);
    expect(approved.customer.kycLevel).toBe(1);
    expect(approved.allowed).toMatchObject({ approve: false, reject: false, upload: false, claim: false });
    expect(await auditActions(id)).toEqual(["kyc.submit", "kyc.claim", "kyc.approve"]);
    const levelAudit = await db.auditLog.findFirstOrThrow({ where: { action: "customer.kyc_level", entityId: customer.id } });
    expect(levelAudit).toMatchObject({ entityType: "customer", before: { kycLevel: 0 }, after: { kycLevel: 1, applicationId: id }, actorId: r1.user.id });

    await refused(approveKycApplication(r1.ctx, { id, version: approved.version }), "CONFLICT", { message: /already approved/ });
    await expect(listCustomerApplications(ops.ctx, { customerId: customer.id })).resolves.toEqual([
      expect.objectContaining({ id, status: "approved", level: 1 }),
    ]);
  });

  it("never lowers a customer's level", async () => {
    const { brand, r1 } = await desk();
    const customer = await createTestCustomer(brand.id, { kycLevel: 2 });
    const app = await createTestApplication(brand.id, { customerId: customer.id, status: "in_review", assigneeId: r1.user.id, documents: "required" });
    await approveKycApplication(r1.ctx, { id: app.id, version: 1 });
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).kycLevel).toBe(2);
    expect(await db.auditLog.count({ where: { action: "customer.kyc_level", entityId: customer.id } })).toBe(0);
  });

  it("needs two different reviewers for level 3; the level changes only at the second approval", async () => {
    const { brand, ops, r1, r2 } = await desk();
    const customer = await createTestCustomer(brand.id, { kycLevel: 1 });
    const { id } = await submitKycApplication(ops.ctx, { ...level1(customer.id), level: 3, scenario: "high_value" });
    await addRequiredDocuments(brand.id, id);
    await claimKycApplication(r1.ctx, { id, version: 1 });
    const first = await approveKycApplication(r1.ctx, { id, version: 2, note: "Source of funds checked" });
    expect(first).toMatchObject({ status: "pending_second_approval", firstApprover: { id: r1.user.id }, assignee: null, decidedBy: null });
    expect(first.firstApprovedAt).toBeInstanceOf(Date);
    expect(first.customer.kycLevel).toBe(1);
    expect(first.allowed).toMatchObject({ claim: false, approve: false });
    expect(first.allowed.approveBlockedReason).toBe("kyc.errors.firstApprover");

    await refused(claimKycApplication(r1.ctx, { id, version: 3 }), "FORBIDDEN", { message: FIRST_APPROVER_MESSAGE, reason: "kyc.errors.firstApprover" });
    await refused(assignKycApplication(r2.ctx, { id, version: 3, assigneeId: r1.user.id }), "VALIDATION", { field: "assigneeId" });
    // Even holding it (forced here), the first approver cannot give the second approval.
    await db.kycApplication.update({ where: { id }, data: { assigneeId: r1.user.id } });
    await refused(approveKycApplication(r1.ctx, { id, version: 3 }), "FORBIDDEN", { message: FIRST_APPROVER_MESSAGE });
    await db.kycApplication.update({ where: { id }, data: { assigneeId: null } });

    expect((await getKycApplication(r2.ctx, { id })).allowed).toMatchObject({ claim: true });
    const claimed = await claimKycApplication(r2.ctx, { id, version: 3 });
    expect(claimed).toMatchObject({ status: "pending_second_approval", assignee: { id: r2.user.id } });
    const second = await approveKycApplication(r2.ctx, { id, version: 4 });
    expect(second).toMatchObject({ status: "approved", firstApprover: { id: r1.user.id }, decidedBy: { id: r2.user.id } });
    expect(second.customer.kycLevel).toBe(3);
    expect(second.events.map((e) => e.action)).toEqual(["submit", "claim", "approve_first", "claim", "approve"]);
    expect(second.events[2]).toMatchObject({ fromStatus: "in_review", toStatus: "pending_second_approval", note: "Source of funds checked" });
    expect(await auditActions(id)).toEqual(["kyc.submit", "kyc.claim", "kyc.approve_first", "kyc.claim", "kyc.approve"]);
  });

  it("rejects with an active reason of the brand, copying its resubmit rule", async () => {
    const { brand, r1 } = await desk();
    const reasons = await listKycReasons(r1.ctx);
    await setKycReasonActive(r1.ctx, { id: reasons.find((r) => r.code === "name_mismatch")!.id, active: false });
    const otherBrand = await createTestBrand();
    await db.kycRejectionReason.create({ data: { brandId: otherBrand.id, code: "only_elsewhere", label: "X", allowResubmit: true } });

    const app = await createTestApplication(brand.id, { status: "in_review", assigneeId: r1.user.id });
    for (const reasonCode of ["name_mismatch", "only_elsewhere", "no_such_reason"]) {
      await refused(rejectKycApplication(r1.ctx, { id: app.id, version: 1, reasonCode }), "VALIDATION", { field: "reasonCode" });
    }
    const rejected = await rejectKycApplication(r1.ctx, { id: app.id, version: 1, reasonCode: "document_expired", note: "Passport expired in 2025" });
    expect(rejected).toMatchObject({
      status: "rejected",
      rejectionReasonCode: "document_expired",
      canResubmit: true,
      decisionNote: "Passport expired in 2025",
      decidedBy: { id: r1.user.id },
    });
    expect(rejected.events.at(-1)).toMatchObject({ action: "reject", reasonCode: "document_expired", toStatus: "rejected" });

    const fraud = await createTestApplication(brand.id, { status: "in_review", assigneeId: r1.user.id });
    await expect(rejectKycApplication(r1.ctx, { id: fraud.id, version: 1, reasonCode: "suspected_fraud" })).resolves.toMatchObject({
      canResubmit: false,
    });
    expect((await db.customer.findUniqueOrThrow({ where: { id: fraud.customerId } })).kycLevel).toBe(0);
  });

  it("requests information, then the resubmission re-enters the queue with a fresh SLA age", async () => {
    const { brand, ops, r1 } = await desk();
    const app = await createTestApplication(brand.id, {
      level: 3,
      scenario: "high_value",
      status: "pending_second_approval",
      firstApproverId: (await member(brand.id)).user.id,
      assigneeId: r1.user.id,
      submittedAt: new Date(Date.now() - 40 * 3_600_000),
    });
    const asked = await requestKycInformation(r1.ctx, { id: app.id, version: 1, note: "Upload a bank statement" });
    // The first approval is withdrawn: the answer may change what was approved.
    expect(asked).toMatchObject({ status: "more_info_requested", assignee: null, firstApprover: null, firstApprovedAt: null });
    expect(asked.events.at(-1)).toMatchObject({ action: "request_info", note: "Upload a bank statement" });
    await refused(approveKycApplication(r1.ctx, { id: app.id, version: 2 }), "CONFLICT", { message: /waiting for the customer/ });
    await refused(claimKycApplication(r1.ctx, { id: app.id, version: 2 }), "CONFLICT");
    expect((await getKycApplication(ops.ctx, { id: app.id })).allowed.resubmit).toBe(true);

    const back = await resubmitKycApplication(ops.ctx, { id: app.id, version: 2, note: "Statement attached" });
    expect(back).toMatchObject({ status: "submitted", ageHours: 0, overSla: false });
    expect(back.submittedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await refused(resubmitKycApplication(ops.ctx, { id: app.id, version: 3 }), "CONFLICT");
    expect(await auditActions(app.id)).toEqual(["kyc.request_info", "kyc.resubmit"]);
  });
});

describe("concurrency and tenancy", () => {
  it("refuses a step on a version that is no longer current, changing nothing", async () => {
    const { brand, r1, r2 } = await desk();
    const app = await createTestApplication(brand.id, { documents: "required" });
    await claimKycApplication(r1.ctx, { id: app.id, version: 1 });
    await listKycReasons(r1.ctx);
    const before = await applicationState(app.id);
    const auditsBefore = await db.auditLog.count({ where: { brandId: brand.id } });
    for (const step of [
      () => approveKycApplication(r1.ctx, { id: app.id, version: 1 }),
      () => releaseKycApplication(r1.ctx, { id: app.id, version: 1 }),
      () => assignKycApplication(r2.ctx, { id: app.id, version: 1, assigneeId: r2.user.id }),
      () => rejectKycApplication(r1.ctx, { id: app.id, version: 1, reasonCode: "document_expired" }),
      () => requestKycInformation(r1.ctx, { id: app.id, version: 1, note: "More" }),
    ]) {
      await refused(step(), "CONFLICT", { message: STALE_VERSION_MESSAGE, reason: "kyc.errors.staleVersion" });
    }
    expect(await applicationState(app.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { brandId: brand.id } })).toBe(auditsBefore);
  });

  it("lets only one of two simultaneous claims through", async () => {
    const { brand, r1, r2 } = await desk();
    const app = await createTestApplication(brand.id);
    const outcomes = await Promise.allSettled([
      claimKycApplication(r1.ctx, { id: app.id, version: 1 }),
      claimKycApplication(r2.ctx, { id: app.id, version: 1 }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.kycEvent.count({ where: { applicationId: app.id } })).toBe(1);
  });

  it("keeps every brand's applications, customers and reviewers to itself", async () => {
    const a = await desk();
    const b = await desk();
    const theirs = await createTestApplication(b.brand.id);
    const before = await applicationState(theirs.id);
    await refused(getKycApplication(a.r1.ctx, { id: theirs.id }), "NOT_FOUND");
    await refused(claimKycApplication(a.r1.ctx, { id: theirs.id, version: 1 }), "NOT_FOUND");
    await refused(assignKycApplication(a.r1.ctx, { id: theirs.id, version: 1, assigneeId: a.r1.user.id }), "NOT_FOUND");
    await refused(listCustomerApplications(a.r1.ctx, { customerId: theirs.customerId }), "NOT_FOUND");
    expect(await applicationState(theirs.id)).toEqual(before);
    // B's reviewer cannot be handed A's application.
    const mine = await createTestApplication(a.brand.id);
    await refused(assignKycApplication(a.r1.ctx, { id: mine.id, version: 1, assigneeId: b.r1.user.id }), "VALIDATION", { field: "assigneeId" });
    expect((await queue(a.r1.ctx)).rows.map((r) => r.id)).toEqual([mine.id]);
  });

  it("tells each role what it may do", async () => {
    const { brand } = await desk();
    const app = await createTestApplication(brand.id, { status: "more_info_requested" });
    const expectations: [Role, Partial<Record<string, boolean>>][] = [
      ["support", { claim: false, resubmit: false, upload: false, viewDocuments: false, assign: false }],
      ["operations", { resubmit: true, upload: true, viewDocuments: false }],
      ["admin", { resubmit: true, upload: true, viewDocuments: true, assign: false }],
      ["compliance", { resubmit: true, upload: true, viewDocuments: true, claim: false }],
    ];
    for (const [role, allowed] of expectations) {
      const { ctx } = await member(brand.id, role);
      expect((await getKycApplication(ctx, { id: app.id })).allowed, role).toMatchObject(allowed);
    }
  });
});

describe("settings", () => {
  it("a brand created on the platform starts with the default reasons, audited on its chain", async () => {
    const { user } = await createTestStaff({ brandId: null, role: "platform_admin" });
    const slug = `r-${randomUUID().slice(0, 8)}`;
    const { brand } = await createBrand(await staffContext(user, { tenantId: null }), {
      name: `Reasons ${slug}`,
      slug,
      brokerCode: null,
      primaryColor: "#2563eb",
      admin: { email: `${slug}@example.test`, name: "First Admin" },
    });
    const codes = await db.kycRejectionReason.findMany({ where: { brandId: brand.id }, orderBy: { sortOrder: "asc" }, select: { code: true } });
    expect(codes.map((r) => r.code)).toEqual(DEFAULT_KYC_REASONS.map((r) => r.code));
    expect(await db.auditLog.count({ where: { brandId: brand.id, action: "kyc_reason.create_defaults" } })).toBe(1);
  });

  it("gives a brand the default reasons once, however many ask at the same time; reading them writes nothing", async () => {
    const brand = await createTestBrand();
    const [r1, r2] = await Promise.all([member(brand.id), member(brand.id)]);
    expect(await listKycReasons(r1.ctx)).toEqual([]);
    await Promise.all([ensureDefaultReasons(r1.ctx), ensureDefaultReasons(r2.ctx)]);
    const [first, second] = await Promise.all([listKycReasons(r1.ctx), listKycReasons(r2.ctx)]);
    expect(first.map((r) => r.code)).toEqual(DEFAULT_KYC_REASONS.map((r) => r.code));
    expect(second).toEqual(first);
    expect(first.find((r) => r.code === "sanctions_match")).toMatchObject({ allowResubmit: false, labelZh: "命中制裁名单", active: true });
    expect(await db.kycRejectionReason.count({ where: { brandId: brand.id } })).toBe(DEFAULT_KYC_REASONS.length);
    expect(await db.auditLog.count({ where: { brandId: brand.id, action: "kyc_reason.create_defaults" } })).toBe(1);
  });

  it("creates and edits reasons with codes unique per brand, audited", async () => {
    const { brand, r1 } = await desk();
    await listKycReasons(r1.ctx);
    const created = await saveKycReason(r1.ctx, { code: "pep_match", label: "Politically exposed person", labelZh: "政治公众人物", allowResubmit: false, sortOrder: 90 });
    expect(created).toMatchObject({ code: "pep_match", active: true });
    await refused(saveKycReason(r1.ctx, { code: "pep_match", label: "Again", allowResubmit: true, sortOrder: 0 }), "VALIDATION", { field: "code" });
    await refused(saveKycReason(r1.ctx, { id: created.id, code: "document_expired", label: "Clash", allowResubmit: true, sortOrder: 0 }), "VALIDATION", {
      field: "code",
    });
    const updated = await saveKycReason(r1.ctx, { id: created.id, code: "pep_match", label: "PEP match", allowResubmit: true, sortOrder: 90 });
    expect(updated).toMatchObject({ id: created.id, label: "PEP match", allowResubmit: true, labelZh: null });
    const off = await setKycReasonActive(r1.ctx, { id: created.id, active: false });
    expect(off.active).toBe(false);
    expect(await auditActions(created.id)).toEqual(["kyc_reason.create", "kyc_reason.update", "kyc_reason.deactivate"]);
    expect((await listKycReasons(r1.ctx)).find((r) => r.id === created.id)?.active).toBe(false);

    const settings = await updateKycSettings(r1.ctx, { corporateCountries: ["AE", "GB"], slaHours: 12 });
    expect(settings).toEqual({ corporateCountries: ["AE", "GB"], slaHours: 12 });
    expect(await getKycSettings(r1.ctx)).toEqual(settings);
    const audit = await db.auditLog.findFirstOrThrow({ where: { brandId: brand.id, action: "kyc.settings_update" } });
    expect(audit).toMatchObject({ before: { corporateCountries: ["HK", "SG"], slaHours: 24 }, after: settings });
  });
});
