/** Sub-accounts: list, page, link to a customer, create, account level, fee rates. Thin: rules live in the service. */
import "server-only";
import {
  ZCreateSubaccountInput,
  ZLinkSubaccountInput,
  ZSetSubaccountLevelInput,
  ZSubaccountId,
  ZSubaccountListInput,
} from "@/lib/subaccounts/schemas";
import { createSubaccountForCustomer } from "@/server/subaccounts/create";
import { getSubaccount } from "@/server/subaccounts/detail";
import { setSubaccountLevel } from "@/server/subaccounts/level";
import { linkSubaccount } from "@/server/subaccounts/link";
import { listSubaccounts } from "@/server/subaccounts/list";
import { syncSubaccountsNow } from "@/server/subaccounts/sync-now";
import { subaccountSyncStatus } from "@/server/subaccounts/sync-status";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const subaccountRouter = createTRPCRouter({
  /** One page of the brand's sub-accounts: search (name, uid, label), filters, sorting. */
  list: brandProcedure("subaccount.read").input(ZSubaccountListInput).query(({ ctx, input }) => listSubaccounts(ctx, input)),
  /** One sub-account with its customer and fee rates (types 1–9). */
  get: brandProcedure("subaccount.read").input(ZSubaccountId).query(({ ctx, input }) => getSubaccount(ctx, input)),
  /** The brand's newest sync run and the newest row confirmation. */
  syncStatus: brandProcedure("subaccount.read").query(({ ctx }) => subaccountSyncStatus(ctx)),
  /** Link to one of the brand's customers, or unlink (customerId null). */
  link: brandProcedure("subaccount.manage").input(ZLinkSubaccountInput).mutation(({ ctx, input }) => linkSubaccount(ctx, input)),
  /** Create on the exchange and store it linked to the customer. */
  createForCustomer: brandProcedure("subaccount.manage")
    .input(ZCreateSubaccountInput)
    .mutation(({ ctx, input }) => createSubaccountForCustomer(ctx, input)),
  /** Change the account level on the exchange (1 spot · 2 spot and futures · 3 multi-currency margin · 4 portfolio margin). */
  setLevel: brandProcedure("subaccount.manage").input(ZSetSubaccountLevelInput).mutation(({ ctx, input }) => setSubaccountLevel(ctx, input)),
  /** Queue a sync of the caller's brand now. */
  syncNow: brandProcedure("subaccount.manage").mutation(({ ctx }) => syncSubaccountsNow(ctx)),
});
