/** One sub-account as its page shows it. */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import type { SubaccountDetail, ZSubaccountId } from "@/lib/subaccounts/schemas";
import { loadSubaccount, toDetail } from "./internal";

type In<T extends z.ZodType> = z.infer<T>;

/** One sub-account with its customer and its fee rates by instrument family. */
export async function getSubaccount(ctx: TenantContext, input: In<typeof ZSubaccountId>): Promise<SubaccountDetail> {
  return toDetail(await loadSubaccount(ctx.db, ctx, input.id));
}
