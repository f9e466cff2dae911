/** Trading accounts and their ledger: open, balances, journal lines, transfers. Thin: rules live in the service. */
import "server-only";
import {
  ZAdjustCashInput,
  ZCustomerRef,
  ZLedgerLinesInput,
  ZOpenTradingAccountInput,
  ZTransferInput,
} from "@/lib/ledger/schemas";
import * as accounts from "@/server/ledger/service";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const tradingAccountRouter = createTRPCRouter({
  /** A customer's trading accounts with balances and fund-lock flags. */
  listForCustomer: brandProcedure("customer.read").input(ZCustomerRef).query(({ ctx, input }) => accounts.listForCustomer(ctx, input)),
  /** The journal lines behind one account's balances, newest first. */
  ledger: brandProcedure("customer.read").input(ZLedgerLinesInput).query(({ ctx, input }) => accounts.ledgerLines(ctx, input)),
  open: brandProcedure("customer.manage").input(ZOpenTradingAccountInput).mutation(({ ctx, input }) => accounts.openTradingAccount(ctx, input)),
  /** Cash between two accounts of one customer; fund locks refuse it. */
  transfer: brandProcedure("customer.manage").input(ZTransferInput).mutation(({ ctx, input }) => accounts.transfer(ctx, input)),
  /** A manual credit or debit against the outside world, with a reason. */
  adjustCash: brandProcedure("customer.manage").input(ZAdjustCashInput).mutation(({ ctx, input }) => accounts.adjustCash(ctx, input)),
  /** The brand's ledger consistency check: unbalanced journals, caches that disagree with their lines. */
  verify: brandProcedure("audit.read").query(({ ctx }) => accounts.verify(ctx)),
});
