/**
 * Registration: staff register a customer on their behalf, and the form asks as they type whether an
 * email or phone is already taken.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { ZCustomerExistsInput, ZRegisterCustomerInput } from "@/lib/customers/schemas";
import { customerSelect, snapshot, toDetail } from "./internal";
import { assertContactsFree, assertCountry, assertGroupInBrand, profileData, withContactRace } from "./profile-checks";
import type { CustomerDetail } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

/** Seed 003 "检测客户信息是否存在": whether an email or phone already belongs to one of the brand's customers. */
export async function customerExists(
  ctx: BrandContext,
  input: In<typeof ZCustomerExistsInput>,
): Promise<{ exists: boolean; field: "email" | "phone" | null }> {
  const others = input.exceptId ? { id: { not: input.exceptId } } : {};
  if (input.email && (await ctx.db.customer.findFirst({ where: { brandId: ctx.tenantId, email: input.email, ...others }, select: { id: true } }))) {
    return { exists: true, field: "email" };
  }
  if (
    input.phone &&
    input.phoneCountryCode &&
    (await ctx.db.customer.findFirst({
      where: { brandId: ctx.tenantId, phoneCountryCode: input.phoneCountryCode, phone: input.phone, ...others },
      select: { id: true },
    }))
  ) {
    return { exists: true, field: "phone" };
  }
  return { exists: false, field: null };
}

/** The B-end "customer registration": staff (source "backoffice") or the brand's own systems through the partner API ("api"). */
export async function registerCustomer(ctx: BrandContext, input: In<typeof ZRegisterCustomerInput>): Promise<CustomerDetail> {
  assertCountry(input.country);
  const data = profileData(input);
  return withContactRace(ctx, data, undefined, () =>
    ctx.db.$transaction(async (tx) => {
      await assertGroupInBrand(tx, ctx, input.groupId);
      await assertContactsFree(tx, ctx, data);
      const created = await tx.customer.create({
        data: { ...data, brandId: ctx.tenantId, groupId: input.groupId, registrationSource: ctx.actor.type === "partner" ? "api" : "backoffice" },
        select: customerSelect,
      });
      await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "customer.register", entityType: "customer", entityId: created.id, after: snapshot(created) });
      return toDetail(tx, ctx.tenantId, created);
    }),
  );
}
