/**
 * Which brand a request works on. Brand staff always work on their own brand; a platform admin picks
 * one in the header (stored in the `bd-brand` cookie) and falls back to the first active brand.
 */
import "server-only";
import type { Db } from "./db/client";
import { isUuid } from "@/lib/validation/ids";

export const BRAND_COOKIE = "bd-brand";

export async function resolveTenantId(
  db: Db,
  user: { role: string; brandId: string | null },
  chosenBrandId: string | undefined,
): Promise<string | null> {
  if (user.role !== "platform_admin") return user.brandId;
  // The cookie is the browser's to send: anything but a uuid would fail the query's cast, so it is ignored.
  if (isUuid(chosenBrandId)) {
    const chosen = await db.brand.findUnique({ where: { id: chosenBrandId }, select: { id: true } });
    if (chosen) return chosen.id;
  }
  const first = await db.brand.findFirst({ where: { status: "active" }, orderBy: { name: "asc" }, select: { id: true } });
  return first?.id ?? null;
}

export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return undefined; // malformed percent-encoding: as good as no cookie
    }
  }
  return undefined;
}
