/**
 * KYC settings of a brand: the rejection reasons reviewers choose from (each saying whether the customer
 * may resubmit), the countries accepted for corporate accounts and the review SLA. Every change is audited.
 */
import "server-only";
import type { z } from "zod";
import type { Actor, RequestMeta, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { Prisma, type Db, type DbTx } from "../db/client";
import { invalid, notFound } from "../errors";
import type { ZKycReasonActiveInput, ZKycReasonInput, ZKycSettingsInput } from "@/lib/kyc/schemas";
import type { KycReasonRow, KycSettings } from "./types";

/** The list every brand starts with; the brand's compliance desk edits it from there. */
export const DEFAULT_KYC_REASONS: readonly Omit<KycReasonRow, "id" | "active">[] = [
  { code: "document_unreadable", label: "Document unreadable or incomplete", labelZh: "证件无法辨认或不完整", allowResubmit: true, sortOrder: 10 },
  { code: "document_expired", label: "Document expired", labelZh: "证件已过期", allowResubmit: true, sortOrder: 20 },
  { code: "name_mismatch", label: "Name does not match the document", labelZh: "姓名与证件不符", allowResubmit: true, sortOrder: 30 },
  { code: "selfie_mismatch", label: "Selfie does not match the document photo", labelZh: "自拍与证件照片不符", allowResubmit: true, sortOrder: 40 },
  { code: "address_unverified", label: "Address could not be verified", labelZh: "地址无法核实", allowResubmit: true, sortOrder: 50 },
  { code: "unsupported_country", label: "Country not supported", labelZh: "不支持该国家或地区", allowResubmit: false, sortOrder: 60 },
  { code: "sanctions_match", label: "Sanctions list match", labelZh: "命中制裁名单", allowResubmit: false, sortOrder: 70 },
  { code: "suspected_fraud", label: "Suspected fraud", labelZh: "疑似欺诈", allowResubmit: false, sortOrder: 80 },
];

const reasonSelect = {
  id: true,
  code: true,
  label: true,
  labelZh: true,
  allowResubmit: true,
  active: true,
  sortOrder: true,
} satisfies Prisma.KycRejectionReasonSelect;

/** Who creates the defaults: the brand's creation, a first decision or edit, or the seed. */
interface BrandWriter {
  db: Db;
  tenantId: string;
  actor: Actor;
  request: RequestMeta;
}

/**
 * Gives a brand that has no reasons yet the default list. Idempotent and safe to race: inserts skip
 * existing codes, and only the transaction that inserted anything records it.
 */
export async function ensureDefaultReasons(who: BrandWriter): Promise<void> {
  if (await who.db.kycRejectionReason.count({ where: { brandId: who.tenantId } })) return;
  await who.db.$transaction((tx) => createDefaultReasons(tx, who));
}

/** The same inside the transaction of the decision or edit that needs them: a refused one leaves the list as it was. */
export async function ensureDefaultReasonsIn(tx: DbTx, who: Omit<BrandWriter, "db">): Promise<void> {
  if (await tx.kycRejectionReason.count({ where: { brandId: who.tenantId } })) return;
  await createDefaultReasons(tx, who);
}

/** The defaults inside a transaction already open: a new brand gets them with its creation. */
export async function createDefaultReasons(tx: DbTx, who: Omit<BrandWriter, "db">) {
  const { count } = await tx.kycRejectionReason.createMany({
    data: DEFAULT_KYC_REASONS.map((r) => ({ ...r, brandId: who.tenantId })),
    skipDuplicates: true,
  });
  if (count === 0) return;
  await recordAudit(tx, who, {
    brandId: who.tenantId,
    action: "kyc_reason.create_defaults",
    entityType: "kyc_rejection_reason",
    after: { codes: DEFAULT_KYC_REASONS.map((r) => r.code) },
  });
}

/** Every reason of the brand, active and not, in the order reviewers see them. */
/** The brand's reasons. A read: the defaults come with the brand (createBrand) or its first decision or edit. */
export async function listKycReasons(ctx: TenantContext): Promise<KycReasonRow[]> {
  return ctx.db.kycRejectionReason.findMany({
    where: { brandId: ctx.tenantId },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: reasonSelect,
  });
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
const codeTaken = () => invalid("code", "kyc.errors.reasonCodeTaken");

/** Creates a reason (no id) or updates one of the brand's. Applications keep the resubmit rule they were decided with. */
export async function saveKycReason(ctx: TenantContext, input: z.infer<typeof ZKycReasonInput>): Promise<KycReasonRow> {
  const fields = {
    code: input.code,
    label: input.label,
    labelZh: input.labelZh ?? null,
    allowResubmit: input.allowResubmit,
    sortOrder: input.sortOrder,
  };
  try {
    return await ctx.db.$transaction(async (tx) => {
      // A brand's first edit starts from the defaults, so adding one reason never leaves the list at one.
      await ensureDefaultReasonsIn(tx, ctx);
      const clash = await tx.kycRejectionReason.findFirst({
        where: { brandId: ctx.tenantId, code: fields.code, ...(input.id ? { id: { not: input.id } } : {}) },
        select: { id: true },
      });
      if (clash) throw codeTaken();
      if (!input.id) {
        const created = await tx.kycRejectionReason.create({ data: { ...fields, brandId: ctx.tenantId }, select: reasonSelect });
        await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "kyc_reason.create", entityType: "kyc_rejection_reason", entityId: created.id, after: created });
        return created;
      }
      const before = await tx.kycRejectionReason.findFirst({ where: { id: input.id, brandId: ctx.tenantId }, select: reasonSelect });
      if (!before) throw notFound("reason");
      const after = await tx.kycRejectionReason.update({ where: { id: before.id }, data: fields, select: reasonSelect });
      await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "kyc_reason.update", entityType: "kyc_rejection_reason", entityId: after.id, before, after });
      return after;
    });
  } catch (error) {
    // Two saves of the same new code at once: the unique index decides.
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

/** Retires a reason (or brings it back); decided applications keep their code. */
export async function setKycReasonActive(ctx: TenantContext, input: z.infer<typeof ZKycReasonActiveInput>): Promise<KycReasonRow> {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.kycRejectionReason.findFirst({ where: { id: input.id, brandId: ctx.tenantId }, select: reasonSelect });
    if (!before) throw notFound("reason");
    if (before.active === input.active) return before;
    const after = await tx.kycRejectionReason.update({ where: { id: before.id }, data: { active: input.active }, select: reasonSelect });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: input.active ? "kyc_reason.activate" : "kyc_reason.deactivate",
      entityType: "kyc_rejection_reason",
      entityId: after.id,
      before: { active: before.active },
      after: { active: after.active },
    });
    return after;
  });
}

const settingsSelect = { kycCorporateCountries: true, kycSlaHours: true } satisfies Prisma.BrandSelect;
const toSettings = (b: Prisma.BrandGetPayload<{ select: typeof settingsSelect }>): KycSettings => ({
  corporateCountries: b.kycCorporateCountries,
  slaHours: b.kycSlaHours,
});

export async function getKycSettings(ctx: TenantContext): Promise<KycSettings> {
  return toSettings(await ctx.db.brand.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: settingsSelect }));
}

export async function updateKycSettings(ctx: TenantContext, input: z.infer<typeof ZKycSettingsInput>): Promise<KycSettings> {
  return ctx.db.$transaction(async (tx) => {
    const before = toSettings(await tx.brand.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: settingsSelect }));
    const after = toSettings(
      await tx.brand.update({
        where: { id: ctx.tenantId },
        data: { kycCorporateCountries: input.corporateCountries, kycSlaHours: input.slaHours },
        select: settingsSelect,
      }),
    );
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "kyc.settings_update", entityType: "brand", entityId: ctx.tenantId, before, after });
    return after;
  });
}
