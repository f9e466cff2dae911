/**
 * Withdrawals from customers' exchange sub-accounts: request (checked), approve / reject (maker-checker),
 * cancel, lists and history, the address book, the brand's withdrawal rules. Thin: rules live in
 * server/withdrawals.
 */
import "server-only";
import { addAddress, listAddresses, removeAddress } from "@/server/withdrawals/addresses";
import { cancelWithdrawal } from "@/server/withdrawals/cancel";
import { approveWithdrawal, rejectWithdrawal } from "@/server/withdrawals/decide";
import { getWithdrawal, listWithdrawals, withdrawalHistory } from "@/server/withdrawals/list";
import { withdrawalOptions } from "@/server/withdrawals/options";
import { withdrawalParties } from "@/server/withdrawals/parties";
import { requestWithdrawal } from "@/server/withdrawals/request";
import { getWithdrawalSettings, setWithdrawalSettings } from "@/server/withdrawals/settings";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";
import {
  ZAddAddressInput,
  ZCancelWithdrawalInput,
  ZCustomerRef,
  ZDecideWithdrawalInput,
  ZRejectWithdrawalInput,
  ZRemoveAddressInput,
  ZRequestWithdrawalInput,
  ZWithdrawalListInput,
  ZWithdrawalOptionsInput,
  ZWithdrawalPartiesInput,
  ZWithdrawalRef,
  ZWithdrawalSettingsInput,
} from "@/lib/withdrawals/schemas";

export const withdrawalRouter = createTRPCRouter({
  /** One page of the brand's withdrawals (state, currency, customer, dates, search). */
  list: brandProcedure("withdrawal.read").input(ZWithdrawalListInput).query(({ ctx, input }) => listWithdrawals(ctx, input)),
  get: brandProcedure("withdrawal.read").input(ZWithdrawalRef).query(({ ctx, input }) => getWithdrawal(ctx, input)),
  /** Its audit entries: requested, decided, sent, the exchange's states, cancelled. */
  history: brandProcedure("withdrawal.read").input(ZWithdrawalRef).query(({ ctx, input }) => withdrawalHistory(ctx, input)),
  /** The dialog's customer search: active customers with a sub-account. */
  parties: brandProcedure("withdrawal.request").input(ZWithdrawalPartiesInput).query(({ ctx, input }) => withdrawalParties(ctx, input)),
  /** The dialog's chains and funding balances for one sub-account (read live from the exchange). */
  options: brandProcedure("withdrawal.request").input(ZWithdrawalOptionsInput).query(({ ctx, input }) => withdrawalOptions(ctx, input)),
  /** Checks and stores a withdrawal: queued at once, or waiting for approval above the threshold. */
  request: brandProcedure("withdrawal.request").input(ZRequestWithdrawalInput).mutation(({ ctx, input }) => requestWithdrawal(ctx, input)),
  approve: brandProcedure("withdrawal.approve").input(ZDecideWithdrawalInput).mutation(({ ctx, input }) => approveWithdrawal(ctx, input)),
  reject: brandProcedure("withdrawal.approve").input(ZRejectWithdrawalInput).mutation(({ ctx, input }) => rejectWithdrawal(ctx, input)),
  cancel: brandProcedure("withdrawal.request").input(ZCancelWithdrawalInput).mutation(({ ctx, input }) => cancelWithdrawal(ctx, input)),
  /** The customer's withdrawal address book. */
  addresses: brandProcedure("withdrawal.read").input(ZCustomerRef).query(({ ctx, input }) => listAddresses(ctx, input)),
  addAddress: brandProcedure("withdrawal.request").input(ZAddAddressInput).mutation(({ ctx, input }) => addAddress(ctx, input)),
  removeAddress: brandProcedure("withdrawal.request").input(ZRemoveAddressInput).mutation(({ ctx, input }) => removeAddress(ctx, input)),
  /** The brand's limits, threshold and cooling-off, with the KYC levels' limits. */
  settings: brandProcedure("withdrawal.read").query(({ ctx }) => getWithdrawalSettings(ctx)),
  setSettings: brandProcedure("brand.manage").input(ZWithdrawalSettingsInput).mutation(({ ctx, input }) => setWithdrawalSettings(ctx, input)),
});
