/** Bonus test fixtures shared by the bonus integration tests: brands with staff, campaigns, accounts. */
import { randomUUID } from "node:crypto";
import type { TenantContext } from "@/server/actor";
import * as campaigns from "@/server/bonuses/campaigns";
import type { CampaignFieldsInput } from "@/lib/bonuses/schemas";
import { ZCampaignFields } from "@/lib/bonuses/schemas";
import { db, type Prisma } from "@/server/db/client";
import { createTestCustomer } from "../cases/customers";
import { createTestBrand, createTestStaff, staffContext } from "./db";

export async function member(brandId: string, role: "admin" | "marketing" | "support" = "marketing") {
  const { user } = await createTestStaff({ brandId, role });
  return (await staffContext(user, { tenantId: brandId })) as TenantContext;
}

export async function account(brandId: string, data: Partial<Prisma.TradingAccountUncheckedCreateInput> = {}, customer: Partial<Prisma.CustomerUncheckedCreateInput> = {}) {
  const customerId = data.customerId ?? (await createTestCustomer(brandId, customer)).id;
  return db.tradingAccount.create({ data: { brandId, type: "spot", currency: "USDT", ...data, customerId } });
}

export const fields = (patch: Partial<CampaignFieldsInput> = {}) =>
  ZCampaignFields.parse({
    name: `Campaign ${randomUUID().slice(0, 8)}`,
    type: "manual",
    amountRule: "fixed",
    fixedAmount: "10",
    currency: "USDT",
    budget: "1000",
    startsAt: new Date(Date.now() - 60_000),
    endsAt: null,
    validityDays: 30,
    ...patch,
  });

/** Creates and submits a campaign; above the brand's threshold a second admin approves it. */
export async function activeCampaign(ctx: TenantContext, patch: Partial<CampaignFieldsInput> = {}) {
  const c = await campaigns.createCampaign(ctx, fields(patch));
  const submitted = await campaigns.submitCampaign(ctx, { id: c.id, version: c.version });
  if (submitted.status !== "pending_approval") return submitted;
  return campaigns.approveCampaign(await member(ctx.tenantId, "admin"), { id: c.id });
}

/** Decimal text without trailing zeros after the point ("20", "2.5"). */
export const s = (d: { toFixed(): string }) => {
  const t = d.toFixed();
  return t.includes(".") ? t.replace(/0+$/, "").replace(/\.$/, "") : t;
};

export async function newBrand(threshold: string | null) {
  const brand = await createTestBrand({ bonusApprovalThreshold: threshold });
  return { brandId: brand.id, maker: await member(brand.id, "marketing"), admin: await member(brand.id, "admin"), admin2: await member(brand.id, "admin") };
}
