/**
 * What the portal shell needs for the signed-in user: who they are, what they may do, which brand is
 * current (with its colours and logo) and, for platform admins, which brands they can switch to.
 */
import "server-only";
import { cookies } from "next/headers";
import { permissionsOf, type Permission } from "@/lib/auth/permissions";
import { getCurrentStaff } from "./auth/next-auth";
import { db } from "./db/client";
import { BRAND_COOKIE, resolveTenantId } from "./tenant";

export interface ShellData {
  user: { id: string; email: string; name: string; role: string; totpEnabled: boolean; mustChangePassword: boolean };
  permissions: Permission[];
  brand: { id: string; name: string; slug: string; primaryColor: string; accentColor: string; hasLogo: boolean; logoVersion: number } | null;
  /** Only for platform admins: brands to switch between. */
  brands: { id: string; name: string }[];
}

async function shellBrand(id: string) {
  const brand = await db.brand.findUnique({
    where: { id },
    // Not the logo's bytes (served by /brand-logo): only whether there is one.
    select: { id: true, name: true, slug: true, primaryColor: true, accentColor: true, logoMime: true, updatedAt: true },
  });
  return brand && { ...brand, hasLogo: Boolean(brand.logoMime) };
}

export async function getShellData(): Promise<ShellData | null> {
  const session = await getCurrentStaff();
  if (!session) return null;
  const { user } = session;
  const tenantId = await resolveTenantId(db, user, (await cookies()).get(BRAND_COOKIE)?.value);
  // A brand member's own brand came with the session; a platform admin's chosen one is read here.
  const brand = !tenantId ? null : tenantId === user.brand?.id ? user.brand : await shellBrand(tenantId);
  const brands =
    user.role === "platform_admin"
      ? await db.brand.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } })
      : [];
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      totpEnabled: Boolean(user.totpEnabledAt),
      mustChangePassword: user.mustChangePassword,
    },
    permissions: permissionsOf(user.role),
    brand: brand && {
      id: brand.id,
      name: brand.name,
      slug: brand.slug,
      primaryColor: brand.primaryColor,
      accentColor: brand.accentColor,
      hasLogo: brand.hasLogo,
      logoVersion: brand.updatedAt.getTime(),
    },
    brands,
  };
}

/** Platform admins switch brand; the choice lives in a cookie read by every request's context. */
export async function selectBrand(brandId: string): Promise<boolean> {
  const session = await getCurrentStaff();
  if (session?.user.role !== "platform_admin") return false;
  const brand = await db.brand.findUnique({ where: { id: brandId }, select: { id: true } });
  if (!brand) return false;
  (await cookies()).set(BRAND_COOKIE, brand.id, { httpOnly: true, sameSite: "lax", path: "/" });
  return true;
}
