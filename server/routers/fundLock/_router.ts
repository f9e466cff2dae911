/** Fund locks: lock / unlock transfers in or out of a trading account, lists. Thin: rules live in the service. */
import "server-only";
import * as fundLocks from "@/server/fund-locks/service";
import { ZCustomerRef, ZFundLockListInput, ZLockInput, ZUnlockInput } from "@/lib/fund-locks/schemas";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const fundLockRouter = createTRPCRouter({
  /** One page of the brand's locks with the table's filters (status, direction, source, customer, dates). */
  list: brandProcedure("fundlock.read").input(ZFundLockListInput).query(({ ctx, input }) => fundLocks.list(ctx, input)),
  /** Every lock on one customer's accounts, active first. */
  listForCustomer: brandProcedure("fundlock.read").input(ZCustomerRef).query(({ ctx, input }) => fundLocks.listForCustomer(ctx, input)),
  /** The customer's trading accounts with their active locks, for the lock dialog and badges. */
  accountsForCustomer: brandProcedure("fundlock.read").input(ZCustomerRef).query(({ ctx, input }) => fundLocks.accountsForCustomer(ctx, input)),
  lock: brandProcedure("fundlock.manage").input(ZLockInput).mutation(({ ctx, input }) => fundLocks.lock(ctx, input)),
  unlock: brandProcedure("fundlock.manage").input(ZUnlockInput).mutation(({ ctx, input }) => fundLocks.unlock(ctx, input)),
});
