/**
 * Opening an application (staff, on the customer's behalf) and the customer's answer to a request for
 * more information, which puts it back in the queue.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Prisma } from "../db/client";
import { AppError, invalid, notFound, type ErrorReason } from "../errors";
import { countryName } from "@/lib/countries";
import { OPEN_KYC_STATUSES, type ZKycResubmitInput, type ZSubmitKycInput } from "@/lib/kyc/schemas";
import { DECIDED } from "@/lib/kyc/transitions";
import { getKycApplication } from "./application";
import { applyStep, snapshot } from "./steps";
import type { KycApplicationDetail } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

type OpenKycStatus = (typeof OPEN_KYC_STATUSES)[number];

/** The B-end channel: staff open an application on the customer's behalf. */
export async function submitKycApplication(ctx: TenantContext, input: In<typeof ZSubmitKycInput>): Promise<KycApplicationDetail> {
  const id = await ctx.db.$transaction(async (tx) => {
    // Locks the customer so two submissions cannot both pass the one-open-application check.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM customer WHERE id = ${input.customerId}::uuid AND brand_id = ${ctx.tenantId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("customer");
    const customer = await tx.customer.findUniqueOrThrow({ where: { id: input.customerId }, select: { id: true, status: true, kycLevel: true } });
    if (customer.status === "closed") throw invalid("customerId", "kyc.errors.customerClosed");

    const open = await tx.kycApplication.findFirst({
      where: { brandId: ctx.tenantId, customerId: customer.id, status: { in: [...OPEN_KYC_STATUSES] } },
      select: { id: true, level: true, scenario: true, status: true },
    });
    if (open) {
      // One reason per scenario and status: the message names both in words. The query found only open statuses.
      const status = open.status as OpenKycStatus;
      throw new AppError("CONFLICT", `kyc.errors.openApplication.${open.scenario}.${status}` satisfies ErrorReason, { params: { level: open.level, id: open.id } });
    }
    if (input.level <= customer.kycLevel) {
      throw invalid("level", "kyc.errors.alreadyAtLevel", { level: customer.kycLevel });
    }
    const last = await tx.kycApplication.findFirst({
      where: { brandId: ctx.tenantId, customerId: customer.id, scenario: input.scenario, status: { in: [...DECIDED] } },
      orderBy: [{ decidedAt: "desc" }, { createdAt: "desc" }],
      select: { status: true, canResubmit: true, rejectionReasonCode: true },
    });
    if (last?.status === "rejected" && last.canResubmit === false) {
      throw new AppError("CONFLICT", `kyc.errors.lastRejectedFinal.${input.scenario}` satisfies ErrorReason, {
        params: { reasonCode: String(last.rejectionReasonCode) },
      });
    }
    if (input.scenario === "corporate_account") {
      const brand = await tx.brand.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { kycCorporateCountries: true } });
      if (!brand.kycCorporateCountries.includes(input.country)) {
        // The English message names the country; other languages name its code rather than an English name.
        throw invalid("country", "kyc.errors.corporateCountryNotSupported", { country: input.country, countryName: countryName(input.country, "en") });
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
