/**
 * A customer's status: freeze, unfreeze and close. Each is a transition from the statuses it may start
 * from, refused with its own reason otherwise; closing also asks the registered close guards.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { AppError, type ErrorReason } from "../errors";
import { closeRefusal } from "./close-guards";
import type { CustomerStatus, ZCustomerStatusChangeInput } from "@/lib/customers/schemas";
import { changeCustomer } from "./internal";

type In<T extends z.ZodType> = z.infer<T>;

interface Transition<From extends CustomerStatus> {
  action: string;
  from: readonly From[];
  to: CustomerStatus;
  /** Why the transition is refused from each status it does not start from: every one has its reason. */
  refusal: Record<Exclude<CustomerStatus, From>, ErrorReason>;
}

const transition = <From extends CustomerStatus>(t: Transition<From>) => t;

const TRANSITIONS = {
  freeze: transition({
    action: "customer.freeze",
    from: ["active"],
    to: "frozen",
    refusal: { frozen: "customers.errors.alreadyFrozen", closed: "customers.errors.closedCannotBeFrozen" },
  }),
  unfreeze: transition({
    action: "customer.unfreeze",
    from: ["frozen"],
    to: "active",
    refusal: { active: "customers.errors.notFrozen", closed: "customers.errors.closedCannotBeUnfrozen" },
  }),
  close: transition({
    action: "customer.close",
    from: ["active", "frozen"],
    to: "closed",
    refusal: { closed: "customers.errors.alreadyClosed" },
  }),
};

function changeStatus<From extends CustomerStatus>(ctx: BrandContext, input: In<typeof ZCustomerStatusChangeInput>, transition: Transition<From>) {
  return changeCustomer(ctx, input, transition.action, async (tx, before) => {
    if (!(transition.from as readonly CustomerStatus[]).includes(before.status)) {
      throw new AppError("CONFLICT", transition.refusal[before.status as Exclude<CustomerStatus, From>]);
    }
    if (transition.to === "closed") {
      const objection = await closeRefusal(tx, { id: before.id, brandId: ctx.tenantId, uid: before.uid.toString() });
      if (objection) throw new AppError("CONFLICT", objection.reason, { params: objection.params });
    }
    return { status: transition.to, statusReason: input.reason, statusChangedAt: new Date() };
  });
}

/** active → frozen (staff, or the system applying a risk limit's freeze action). */
export const freezeCustomer = (ctx: BrandContext, input: In<typeof ZCustomerStatusChangeInput>) => changeStatus(ctx, input, TRANSITIONS.freeze);
/** frozen → active. */
export const unfreezeCustomer = (ctx: BrandContext, input: In<typeof ZCustomerStatusChangeInput>) =>
  changeStatus(ctx, input, TRANSITIONS.unfreeze);
/** active | frozen → closed, for good; refused while a registered close guard objects. */
export const closeCustomer = (ctx: BrandContext, input: In<typeof ZCustomerStatusChangeInput>) => changeStatus(ctx, input, TRANSITIONS.close);
