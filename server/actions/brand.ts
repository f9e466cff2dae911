"use server";
/** Server action of the portal shell: the brand a platform admin works on. */
import { z } from "zod";
import { selectBrand } from "@/server/shell";

const ZBrandId = z.string().min(1).max(64);

/** Platform admins switch the brand they work on; refused (ok: false) for everyone else. */
export async function selectBrandAction(brandId: string): Promise<{ ok: boolean }> {
  const parsed = ZBrandId.safeParse(brandId);
  if (!parsed.success) return { ok: false };
  return { ok: await selectBrand(parsed.data) };
}
