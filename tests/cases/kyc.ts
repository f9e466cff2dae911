/**
 * Permission-matrix and brand-isolation cases for the kyc procedures (see tests/procedure-cases.ts),
 * and the small builders of customers and applications the KYC integration tests share. Every call
 * builds fresh rows, so repeated calls (one per allowed role) never trip over each other.
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db, type Prisma } from "@/server/db/client";
import { requiredDocuments, type KycDocumentKind, type KycScenario, type KycStatus } from "@/lib/kyc/schemas";
import { createTestStaff, uniqueSuffix } from "../helpers/db";
import type { Fixture, ProcedureCase } from "../procedure-cases";

type Call = (path: string, input?: unknown) => Promise<unknown>;

/** A new active customer of `brandId` with a unique name. */
export function createTestCustomer(brandId: string, data: Partial<Prisma.CustomerUncheckedCreateInput> = {}) {
  const suffix = uniqueSuffix();
  return db.customer.create({
    data: { brandId, name: `Customer ${suffix}`, email: `c-${suffix}@example.test`, country: "SG", registrationSource: "backoffice", ...data },
  });
}

export interface TestApplicationOptions {
  customerId?: string;
  level?: 1 | 2 | 3;
  scenario?: KycScenario;
  status?: KycStatus;
  country?: string;
  assigneeId?: string | null;
  firstApproverId?: string | null;
  submittedAt?: Date;
  /** Document rows (metadata only, no stored bytes): "required" for every document the level needs. */
  documents?: "required" | KycDocumentKind[];
}

/** An application placed directly in any state, for tests that start mid-workflow. */
export async function createTestApplication(brandId: string, options: TestApplicationOptions = {}) {
  const level = options.level ?? 1;
  const scenario = options.scenario ?? "open_trading_account";
  const customerId = options.customerId ?? (await createTestCustomer(brandId)).id;
  const kinds = options.documents === "required" ? requiredDocuments(level, scenario) : (options.documents ?? []);
  return db.kycApplication.create({
    data: {
      brandId,
      customerId,
      level,
      scenario,
      status: options.status ?? "submitted",
      country: options.country ?? "SG",
      applicant: { fullName: "Test Applicant", idType: "passport", idNumber: `P${uniqueSuffix()}` },
      assigneeId: options.assigneeId ?? null,
      assignedAt: options.assigneeId ? new Date() : null,
      firstApproverId: options.firstApproverId ?? null,
      firstApprovedAt: options.firstApproverId ? new Date() : null,
      submittedAt: options.submittedAt ?? new Date(),
      documents: {
        create: kinds.map((kind) => ({
          brandId,
          kind,
          fileName: `${kind}.png`,
          mimeType: "image/png",
          sizeBytes: 100,
          sha256: "0".repeat(64),
          storageKey: `test/${randomUUID()}`,
        })),
      },
    },
  });
}

/** The application with its history and documents, to prove a refused call changed nothing. */
export const applicationState = async (id: string) => ({
  application: await db.kycApplication.findUniqueOrThrow({ where: { id } }),
  events: await db.kycEvent.findMany({ where: { applicationId: id }, orderBy: { id: "asc" } }),
  documents: await db.kycDocument.findMany({ where: { applicationId: id }, orderBy: { id: "asc" } }),
});

/** Aims `path` at one of brand B's applications: NOT_FOUND, and the application untouched. */
const refusesBrandBApplication =
  (path: string, options: TestApplicationOptions, extra: Record<string, unknown> = {}) =>
  async (f: Fixture, call: Call) => {
    const app = await createTestApplication(f.brandB.id, options);
    const before = await applicationState(app.id);
    await expect(call(path, { id: app.id, version: app.version, ...extra })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await applicationState(app.id)).toEqual(before);
  };

const newReasonCode = () => `r_${uniqueSuffix()}`;
const createReason = (brandId: string) =>
  db.kycRejectionReason.create({ data: { brandId, code: newReasonCode(), label: "Test reason", allowResubmit: true } });

const submitInput = (customerId: string) => ({
  customerId,
  level: 1,
  scenario: "open_trading_account",
  country: "SG",
  applicant: { fullName: "Test Applicant", idType: "passport", idNumber: "P1234567" },
});

export const KYC_CASES: Record<string, ProcedureCase> = {
  "kyc.queue": {
    input: () => ({ page: 1, pageSize: 10 }),
    isolation: async (f, call) => {
      const mine = await createTestApplication(f.brandA.id);
      const theirs = await createTestApplication(f.brandB.id);
      const page = (await call("kyc.queue", { page: 1, pageSize: 100, status: ["submitted"] })) as { rows: { id: string }[] };
      expect(page.rows.map((r) => r.id)).toContain(mine.id);
      expect(page.rows.map((r) => r.id)).not.toContain(theirs.id);
      const customer = await db.customer.findUniqueOrThrow({ where: { id: theirs.customerId } });
      const searched = (await call("kyc.queue", { page: 1, pageSize: 10, q: customer.uid.toString() })) as { total: number };
      expect(searched.total).toBe(0);
    },
  },
  "kyc.get": {
    input: async (f) => ({ id: (await createTestApplication(f.brandA.id)).id }),
    isolation: async (f, call) => {
      const theirs = await createTestApplication(f.brandB.id);
      await expect(call("kyc.get", { id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "kyc.forCustomer": {
    input: async (f) => ({ customerId: (await createTestApplication(f.brandA.id)).customerId }),
    isolation: async (f, call) => {
      const theirs = await createTestApplication(f.brandB.id);
      await expect(call("kyc.forCustomer", { customerId: theirs.customerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "kyc.next": {
    input: () => ({}),
    isolation: async (f, call) => {
      // Brand B's only application is older than any of brand A's: it must never be offered.
      const theirs = await createTestApplication(f.brandB.id, { submittedAt: new Date("2001-01-01T00:00:00Z") });
      const next = (await call("kyc.next", {})) as { id: string } | null;
      expect(next?.id).not.toBe(theirs.id);
    },
  },
  "kyc.reviewers": {
    input: () => undefined,
    isolation: async (f, call) => {
      const { user: theirs } = await createTestStaff({ brandId: f.brandB.id, role: "compliance" });
      const reviewers = (await call("kyc.reviewers")) as { id: string }[];
      expect(reviewers.map((r) => r.id)).toContain(f.callers.compliance.id);
      expect(reviewers.map((r) => r.id)).not.toContain(theirs.id);
    },
  },
  "kyc.submit": {
    input: async (f) => submitInput((await createTestCustomer(f.brandA.id)).id),
    isolation: async (f, call) => {
      const theirs = await createTestCustomer(f.brandB.id);
      await expect(call("kyc.submit", submitInput(theirs.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.kycApplication.count({ where: { customerId: theirs.id } })).toBe(0);
    },
  },
  "kyc.resubmit": {
    input: async (f) => {
      const app = await createTestApplication(f.brandA.id, { status: "more_info_requested" });
      return { id: app.id, version: app.version };
    },
    isolation: refusesBrandBApplication("kyc.resubmit", { status: "more_info_requested" }),
  },
  "kyc.claim": {
    input: async (f) => {
      const app = await createTestApplication(f.brandA.id);
      return { id: app.id, version: app.version };
    },
    isolation: refusesBrandBApplication("kyc.claim", {}),
  },
  "kyc.release": {
    input: async (f, caller) => {
      const app = await createTestApplication(f.brandA.id, { status: "in_review", assigneeId: caller.id });
      return { id: app.id, version: app.version };
    },
    isolation: async (f, call) => {
      const { user } = await createTestStaff({ brandId: f.brandB.id, role: "compliance" });
      await refusesBrandBApplication("kyc.release", { status: "in_review", assigneeId: user.id })(f, call);
    },
  },
  "kyc.assign": {
    input: async (f, caller) => {
      const app = await createTestApplication(f.brandA.id);
      return { id: app.id, version: app.version, assigneeId: caller.id };
    },
    isolation: async (f, call) => refusesBrandBApplication("kyc.assign", {}, { assigneeId: f.callers.compliance.id })(f, call),
  },
  "kyc.approve": {
    input: async (f, caller) => {
      const app = await createTestApplication(f.brandA.id, { status: "in_review", assigneeId: caller.id, documents: "required" });
      return { id: app.id, version: app.version };
    },
    isolation: refusesBrandBApplication("kyc.approve", { status: "in_review", documents: "required" }),
  },
  "kyc.reject": {
    input: async (f, caller) => {
      const app = await createTestApplication(f.brandA.id, { status: "in_review", assigneeId: caller.id });
      return { id: app.id, version: app.version, reasonCode: "document_unreadable", note: "Blurred" };
    },
    isolation: refusesBrandBApplication("kyc.reject", { status: "in_review" }, { reasonCode: "document_unreadable" }),
  },
  "kyc.requestInfo": {
    input: async (f, caller) => {
      const app = await createTestApplication(f.brandA.id, { status: "in_review", assigneeId: caller.id });
      return { id: app.id, version: app.version, note: "Please upload a sharper ID photo" };
    },
    isolation: refusesBrandBApplication("kyc.requestInfo", { status: "in_review" }, { note: "Please upload a sharper ID photo" }),
  },
  "kyc.reasons": {
    input: () => undefined,
    isolation: async (f, call) => {
      const [mine, theirs] = [await createReason(f.brandA.id), await createReason(f.brandB.id)];
      const reasons = (await call("kyc.reasons")) as { id: string; code: string }[];
      expect(reasons.map((r) => r.id)).toContain(mine.id);
      expect(reasons.map((r) => r.id)).not.toContain(theirs.id);
    },
  },
  "kyc.saveReason": {
    input: () => ({ code: newReasonCode(), label: "Test reason", allowResubmit: true }),
    isolation: async (f, call) => {
      const theirs = await createReason(f.brandB.id);
      await expect(call("kyc.saveReason", { id: theirs.id, code: theirs.code, label: "Hijacked", allowResubmit: false })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect(await db.kycRejectionReason.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(theirs);
      // The same code is free in brand A: codes are unique per brand, not across brands.
      await call("kyc.saveReason", { code: theirs.code, label: "Own reason", allowResubmit: true });
      expect(await db.kycRejectionReason.count({ where: { code: theirs.code } })).toBe(2);
    },
  },
  "kyc.setReasonActive": {
    input: async (f) => ({ id: (await createReason(f.brandA.id)).id, active: false }),
    isolation: async (f, call) => {
      const theirs = await createReason(f.brandB.id);
      await expect(call("kyc.setReasonActive", { id: theirs.id, active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.kycRejectionReason.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(theirs);
    },
  },
  "kyc.settings": {
    input: () => undefined,
    isolation: async (f, call) => {
      await db.brand.update({ where: { id: f.brandA.id }, data: { kycCorporateCountries: ["SG"], kycSlaHours: 24 } });
      await db.brand.update({ where: { id: f.brandB.id }, data: { kycCorporateCountries: ["ZZ"], kycSlaHours: 99 } });
      expect(await call("kyc.settings")).toEqual({ corporateCountries: ["SG"], slaHours: 24 });
    },
  },
  "kyc.updateSettings": {
    input: () => ({ corporateCountries: ["HK", "SG"], slaHours: 24 }),
    isolation: async (f, call) => {
      const before = await db.brand.findUniqueOrThrow({ where: { id: f.brandB.id } });
      await call("kyc.updateSettings", { corporateCountries: ["GB"], slaHours: 12 });
      expect(await db.brand.findUniqueOrThrow({ where: { id: f.brandB.id } })).toEqual(before);
      expect(await db.brand.findUniqueOrThrow({ where: { id: f.brandA.id } })).toMatchObject({ kycCorporateCountries: ["GB"], kycSlaHours: 12 });
    },
  },
};
