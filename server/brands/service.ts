/**
 * Brand settings (the brand's own admins) and brand creation (platform admins). The portal shell uses
 * the name, logo and colours; the broker code is the `tag` sent on exchange calls.
 */
import "server-only";
import type { StaffContext, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { generateTemporaryPassword, hashPassword } from "../auth/password";
import type { Prisma } from "../db/client";
import { AppError, invalid, notFound } from "../errors";
import { pageArgs, type Page, type TableQuery } from "@/lib/table-state";
import { isUuid } from "@/lib/validation/ids";
import { detectFileType } from "../files/file-type";
import { LOGO_MAX_BYTES, LOGO_MIME_TYPES } from "@/lib/brands/schemas";
import { createDefaultReasons } from "../kyc/settings";

const settingsSelect = {
  id: true,
  slug: true,
  name: true,
  brokerCode: true,
  primaryColor: true,
  accentColor: true,
  require2fa: true,
  status: true,
  logoMime: true,
  updatedAt: true,
} satisfies Prisma.BrandSelect;
type BrandRecord = Prisma.BrandGetPayload<{ select: typeof settingsSelect }>;

const toSettings = (b: BrandRecord) => ({
  id: b.id,
  slug: b.slug,
  name: b.name,
  brokerCode: b.brokerCode,
  primaryColor: b.primaryColor,
  accentColor: b.accentColor,
  require2fa: b.require2fa,
  status: b.status,
  hasLogo: Boolean(b.logoMime),
  logoVersion: b.updatedAt.getTime(),
});
export type BrandSettings = ReturnType<typeof toSettings>;

const snapshot = (b: BrandRecord) => {
  const { logoVersion: _logoVersion, ...rest } = toSettings(b);
  return rest;
};

export async function getBrandSettings(ctx: TenantContext): Promise<BrandSettings> {
  const brand = await ctx.db.brand.findUnique({ where: { id: ctx.tenantId }, select: settingsSelect });
  if (!brand) throw notFound("brand");
  return toSettings(brand);
}

export interface BrandSettingsInput {
  name: string;
  brokerCode: string | null;
  primaryColor: string;
  accentColor: string;
  require2fa: boolean;
}

export async function updateBrandSettings(ctx: TenantContext, input: BrandSettingsInput) {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.brand.findUnique({ where: { id: ctx.tenantId }, select: settingsSelect });
    if (!before) throw notFound("brand");
    const after = await tx.brand.update({ where: { id: ctx.tenantId }, data: input, select: settingsSelect });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "brand.update", entityType: "brand", entityId: ctx.tenantId, before: snapshot(before), after: snapshot(after) });
    return toSettings(after);
  });
}

export async function setBrandLogo(ctx: TenantContext, input: { mime: string; base64: string }) {
  const bytes = Buffer.from(input.base64, "base64");
  // Raster formats only (an SVG served from our origin could carry script), checked by magic bytes.
  if (!(LOGO_MIME_TYPES as readonly string[]).includes(input.mime)) throw invalid("logo", "brandSettings.errors.logoType");
  if (bytes.length === 0 || bytes.length > LOGO_MAX_BYTES) throw invalid("logo", "brandSettings.errors.logoTooLarge", { max: LOGO_MAX_BYTES / 1024 });
  if (detectFileType(bytes) !== input.mime) throw invalid("logo", "brandSettings.errors.logoContentMismatch");
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.brand.findUnique({ where: { id: ctx.tenantId }, select: { logo: true, logoMime: true } });
    await tx.brand.update({ where: { id: ctx.tenantId }, data: { logo: bytes, logoMime: input.mime } });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "brand.logo_set",
      entityType: "brand",
      entityId: ctx.tenantId,
      before: before?.logo ? { logo: before.logo, mime: before.logoMime } : null,
      after: { logo: bytes, mime: input.mime },
    });
  });
}

export async function removeBrandLogo(ctx: TenantContext) {
  await ctx.db.$transaction(async (tx) => {
    await tx.brand.update({ where: { id: ctx.tenantId }, data: { logo: null, logoMime: null } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "brand.logo_removed", entityType: "brand", entityId: ctx.tenantId });
  });
}

/** The logo bytes for the shell; not secret, but served only to staff of that brand (platform admins: any). */
export async function getBrandLogo(ctx: StaffContext, brandId: string) {
  if (ctx.actor.role !== "platform_admin" && ctx.actor.brandId !== brandId) throw new AppError("FORBIDDEN", "errors.forbidden");
  if (!isUuid(brandId)) throw notFound("brand");
  const brand = await ctx.db.brand.findUnique({ where: { id: brandId }, select: { logo: true, logoMime: true } });
  return brand?.logo && brand.logoMime ? { bytes: brand.logo, mime: brand.logoMime } : null;
}

// ── Platform: brands and their first admin ──────────────────────────────────────────────────────────

export interface BrandListQuery extends TableQuery {
  sort?: "name" | "slug" | "createdAt";
  status?: ("active" | "disabled")[];
}

export interface BrandRow {
  id: string;
  name: string;
  slug: string;
  brokerCode: string | null;
  status: "active" | "disabled";
  staffCount: number;
  createdAt: Date;
}

export async function listBrands(ctx: StaffContext, q: BrandListQuery): Promise<Page<BrandRow>> {
  const where: Prisma.BrandWhereInput = {
    ...(q.status?.length ? { status: { in: q.status } } : {}),
    ...(q.q ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { slug: { contains: q.q, mode: "insensitive" } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.db.brand.findMany({
      where,
      orderBy: [{ [q.sort ?? "name"]: q.dir }, { id: "asc" }],
      select: { id: true, name: true, slug: true, brokerCode: true, status: true, createdAt: true, _count: { select: { staff: true } } },
      ...pageArgs(q),
    }),
    ctx.db.brand.count({ where }),
  ]);
  return {
    rows: rows.map(({ _count, ...b }) => ({ ...b, staffCount: _count.staff })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export interface CreateBrandInput {
  name: string;
  slug: string;
  brokerCode: string | null;
  primaryColor: string;
  admin: { email: string; name: string };
}

/** Creates a brand with its first admin, who gets a temporary password (shown once) and must enrol TOTP. */
export async function createBrand(ctx: StaffContext, input: CreateBrandInput) {
  const email = input.admin.email.trim().toLowerCase();
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return ctx.db.$transaction(async (tx) => {
    if (await tx.brand.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
      throw invalid("slug", "platformBrands.errors.slugTaken");
    }
    if (await tx.staffUser.findUnique({ where: { email }, select: { id: true } })) {
      throw invalid("admin.email", "platformBrands.errors.adminEmailTaken");
    }
    const brand = await tx.brand.create({
      data: { name: input.name.trim(), slug: input.slug, brokerCode: input.brokerCode, primaryColor: input.primaryColor },
      select: settingsSelect,
    });
    const admin = await tx.staffUser.create({
      data: { brandId: brand.id, email, name: input.admin.name.trim(), role: "admin", passwordHash, mustChangePassword: true },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordAudit(tx, ctx, { brandId: null, action: "brand.create", entityType: "brand", entityId: brand.id, after: snapshot(brand) });
    // The KYC desk's rejection reasons start from the defaults (reading the list never writes them).
    await createDefaultReasons(tx, { tenantId: brand.id, actor: ctx.actor, request: ctx.request });
    await recordAudit(tx, ctx, { brandId: brand.id, action: "staff.create", entityType: "staff_user", entityId: admin.id, after: admin });
    return { brand: toSettings(brand), admin, temporaryPassword };
  });
}

export async function setBrandStatus(ctx: StaffContext, input: { id: string; status: "active" | "disabled" }) {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.brand.findUnique({ where: { id: input.id }, select: settingsSelect });
    if (!before) throw notFound("brand");
    const after = await tx.brand.update({ where: { id: input.id }, data: { status: input.status }, select: settingsSelect });
    if (input.status === "disabled") {
      // Staff of a disabled brand are signed out now, not at their next request.
      await tx.staffSession.updateMany({ where: { user: { brandId: input.id }, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await recordAudit(tx, ctx, { brandId: null, action: input.status === "disabled" ? "brand.disable" : "brand.enable", entityType: "brand", entityId: input.id, before: snapshot(before), after: snapshot(after) });
    return toSettings(after);
  });
}

