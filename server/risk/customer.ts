/**
 * The customer page's risk card: the limits that apply to the customer kind by kind, from the scope
 * `limitsFor` picks (the narrowest wins), the customer's active snoozes and how many of their events are open.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { AppError } from "../errors";
import { RISK_KINDS, type ZRiskCustomerInput } from "@/lib/risk/schemas";
import { limitsFor } from "./applicable";
import { toLimitRows } from "./limits";
import { listActiveSnoozes } from "./snoozes";
import type { CustomerRisk } from "./types";

export async function customerRisk(ctx: BrandContext, input: z.infer<typeof ZRiskCustomerInput>): Promise<CustomerRisk> {
  const customer = await ctx.db.customer.findFirst({ where: { id: input.customerId, brandId: ctx.tenantId }, select: { id: true, groupId: true } });
  if (!customer) throw new AppError("NOT_FOUND", "risk.errors.customerNotFound");
  const [limits, snoozes, openEvents] = await Promise.all([
    limitsFor(ctx.db, ctx.tenantId, customer).then((l) => toLimitRows(ctx.db, ctx.tenantId, l)),
    listActiveSnoozes(ctx.db, ctx.tenantId, { customerId: customer.id }),
    ctx.db.riskEvent.count({ where: { brandId: ctx.tenantId, customerId: customer.id, status: "open" } }),
  ]);
  return {
    kinds: RISK_KINDS.map((kind) => {
      const of = limits.filter((l) => l.kind === kind);
      return { kind, scope: of[0]?.scope ?? null, limits: of };
    }),
    snoozes,
    openEvents,
  };
}
