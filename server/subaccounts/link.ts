/** Linking a sub-account to one of the brand's customers, or unlinking it. */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { AppError, invalid } from "../errors";
import type { SubaccountDetail, ZLinkSubaccountInput } from "@/lib/subaccounts/schemas";
import { assertNotRemoved, loadCustomer, loadSubaccount, snapshot, STALE, toDetail } from "./internal";

type In<T extends z.ZodType> = z.infer<T>;

/**
 * Links the sub-account to one of the brand's customers, or unlinks it (`customerId: null`). Refused for
 * a removed sub-account, a closed customer, and a stale version. Audited as subaccount.link / .unlink.
 */
export async function linkSubaccount(ctx: TenantContext, input: In<typeof ZLinkSubaccountInput>): Promise<SubaccountDetail> {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadSubaccount(tx, ctx, input.id);
    if (before.version !== input.version) throw new AppError("CONFLICT", STALE);
    if (input.customerId === null) {
      if (!before.customerId) throw new AppError("CONFLICT", "subaccounts.errors.notLinked", { params: { subAcct: before.subAcct } });
    } else {
      assertNotRemoved(before, "link");
      const customer = await loadCustomer(tx, ctx, input.customerId);
      if (!customer) throw invalid("customerId", "subaccounts.errors.customerNotInBrand");
      if (customer.status === "closed") throw invalid("customerId", "subaccounts.errors.customerClosed.link", { uid: customer.uid.toString() });
      if (before.customerId === customer.id) {
        throw new AppError("CONFLICT", "subaccounts.errors.alreadyLinked", { params: { subAcct: before.subAcct, uid: customer.uid.toString() } });
      }
    }
    const { count: changed } = await tx.subaccount.updateMany({
      where: { id: before.id, brandId: ctx.tenantId, version: before.version },
      data: { customerId: input.customerId, version: { increment: 1 } },
    });
    if (changed === 0) throw new AppError("CONFLICT", STALE);
    const after = await loadSubaccount(tx, ctx, before.id);
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: input.customerId ? "subaccount.link" : "subaccount.unlink",
      entityType: "subaccount",
      entityId: before.id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return toDetail(after);
  });
}
