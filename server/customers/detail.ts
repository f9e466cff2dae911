/** One customer as the detail page shows them: the profile, their group's name and their KYC summary. */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import type { ZCustomerId } from "@/lib/customers/schemas";
import { loadCustomer, toDetail } from "./internal";
import type { CustomerDetail } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

export async function getCustomer(ctx: BrandContext, input: In<typeof ZCustomerId>): Promise<CustomerDetail> {
  return toDetail(ctx.db, ctx.tenantId, await loadCustomer(ctx.db, ctx, input.id));
}
