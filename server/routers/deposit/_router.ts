/** Deposit addresses and the synced deposit history. Thin: rules live in the services. */
import "server-only";
import * as addresses from "@/server/deposits/addresses";
import * as currencies from "@/server/deposits/currencies";
import * as deposits from "@/server/deposits/service";
import { ZAddressesInput, ZCreateAddressInput, ZDepositListInput, ZSetReceivingAccountInput, ZSubaccountRef } from "@/lib/deposits/schemas";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const depositRouter = createTRPCRouter({
  /** One page of the brand's deposits (or one sub-account's): filters, exact search, keyset paging. */
  list: brandProcedure("deposit.read").input(ZDepositListInput).query(({ ctx, input }) => deposits.listDeposits(ctx, input)),
  /** The sync's cursor, last completion and last run. */
  syncStatus: brandProcedure("deposit.read").query(({ ctx }) => deposits.depositSyncStatus(ctx)),
  /** Queues a deposit sync of the brand now (as the sub-accounts' "Sync now"); CONFLICT with a clear message while Redis is down. */
  syncNow: brandProcedure("subaccount.manage").mutation(({ ctx }) => deposits.requestDepositSync(ctx)),
  /** A sub-account's stored deposit addresses (no exchange call): the panel's first render. */
  storedAddresses: brandProcedure("deposit.read").input(ZSubaccountRef).query(({ ctx, input }) => addresses.storedAddresses(ctx, input)),
  /** One currency's addresses read from the exchange and stored: a write, so a mutation for those who manage addresses. */
  refreshAddresses: brandProcedure("subaccount.manage").input(ZAddressesInput).mutation(({ ctx, input }) => addresses.refreshAddresses(ctx, input)),
  /** The currencies and chains the brand's exchange takes deposits in (the address forms' suggestions; cached 10 min). */
  currencies: brandProcedure("deposit.read").query(({ ctx }) => currencies.listDepositCurrencies(ctx)),
  createAddress: brandProcedure("subaccount.manage").input(ZCreateAddressInput).mutation(({ ctx, input }) => addresses.createAddress(ctx, input)),
  /** The receiving account is one setting for all of the sub-account's addresses. */
  setReceivingAccount: brandProcedure("subaccount.manage").input(ZSetReceivingAccountInput).mutation(({ ctx, input }) => addresses.setReceivingAccount(ctx, input)),
});
