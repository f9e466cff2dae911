/**
 * A customer's status: freeze, unfreeze and close. Each is a transition from the statuses it may start
 * from, refused with its own reason otherwise; closing also asks the registered close guards.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { AppError } from "../errors";
import { closeRefusal } from "./close-guards";
import type { CustomerStatus, ZCustomerStatusChangeInput } from "@/lib/customers/schemas";
import { changeCustomer } from "./internal";

type In<T extends z.ZodType> = z.infer<T>;

interface Transition {
  action: string;
  from: readonly CustomerStatus[];
  to: CustomerStatus;
  /** Why the transition is refused from each status it does not start from. */
  refusal: Partial<Record<CustomerStatus, string>>;
}

const TRANSITIONS = {
  freeze: {
    action: "customer.freeze",
    from: ["active"],
    to: "frozen",
    refusal: { frozen: "This customer is already frozen", closed: "A closed customer cannot be frozen" },
  },
  unfreeze: {
    action: "customer.unfreeze",
    from: ["frozen"],
    to: "active",
    refusal: { active: "This customer is not frozen", closed: "A closed customer cannot be unfrozen" },
  },
  close: {
    action: "customer.close",
    from: ["active", "frozen"],
    to: "closed",
    refusal: { closed: "This customer is already closed" },
  },
} as const satisfies Record<string, Transition>;

function changeStatus(ctx: TenantContext, input: In<typeof ZCustomerStatusChangeInput>, transition: Transition) {
  return changeCustomer(ctx, input, transition.action, async (tx, before) => {
    if (!transition.from.includes(before.status)) {
      throw new AppError("CONFLICT", transition.refusal[before.status] ?? `A customer who is ${before.status} cannot become ${transition.to}`);
    }
    if (transition.to === "closed") {
      const refusal = await closeRefusal(tx, { id: before.id, brandId: ctx.tenantId, uid: before.uid.toString() });
      if (refusal) throw new AppError("CONFLICT", `This customer cannot be closed: ${refusal}`);
    }
    return { status: transition.to, statusReason: input.reason, statusChangedAt: new Date() };
  });
}

/** active → frozen. */
export const freezeCustomer = (ctx: TenantContext, input: In<typeof ZCustomerStatusChangeInput>) => changeStatus(ctx, input, TRANSITIONS.freeze);
/** frozen → active. */
export const unfreezeCustomer = (ctx: TenantContext, input: In<typeof ZCustomerStatusChangeInput>) =>
  changeStatus(ctx, input, TRANSITIONS.unfreeze);
/** active | frozen → closed, for good; refused while a registered close guard objects. */
export const closeCustomer = (ctx: TenantContext, input: In<typeof ZCustomerStatusChangeInput>) => changeStatus(ctx, input, TRANSITIONS.close);
