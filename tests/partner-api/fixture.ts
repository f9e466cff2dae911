/** A brand with an admin and a partner key, and a client signed with it. */
import type { TenantContext } from "@/server/actor";
import { createPartnerKey } from "@/server/partner/keys";
import type { PartnerKeyFields } from "@/lib/partner-api/schemas";
import { SCOPES } from "@/lib/partner-api/scopes";
import { createTestBrand } from "../helpers/db";
import { member } from "../helpers/bonuses";
import { partnerClient, type ClientOptions } from "./client";

export async function partnerBrand(brandOverrides: Parameters<typeof createTestBrand>[0] = {}) {
  const brand = await createTestBrand(brandOverrides);
  const admin = await member(brand.id, "admin");
  return { brand, admin };
}

export async function partnerKey(admin: TenantContext, fields: Partial<PartnerKeyFields> = {}, options: ClientOptions = {}) {
  const created = await createPartnerKey(admin, { label: "JUFU marketing", scopes: [...SCOPES], rateLimitPerSecond: 10_000, ...fields });
  const credentials = { accessKey: created.key.accessKey, secret: created.secret };
  return { ...created, credentials, api: partnerClient(credentials, options) };
}
