/** The "New withdrawal" dialog's choices for one sub-account: chains it may withdraw on and funding balances. */
import "server-only";
import type { z } from "zod";
import type { ZWithdrawalOptionsInput } from "@/lib/withdrawals/schemas";
import { checkParties } from "./checks";
import type { WithdrawalCtx } from "./common";
import { chainsOf, fundingBalances, withdrawClient } from "./exchange";
import type { WithdrawalOptions } from "./types";

export async function withdrawalOptions(ctx: WithdrawalCtx, input: z.infer<typeof ZWithdrawalOptionsInput>): Promise<WithdrawalOptions> {
  await checkParties(ctx.db, ctx.tenantId, input);
  const sc = await withdrawClient(ctx.db, ctx.tenantId, input.subaccountId);
  const [chains, balances] = await Promise.all([chainsOf(sc), fundingBalances(sc)]);
  return {
    chains: chains.filter((c) => c.canWd).map(({ canWd: _canWd, ...c }) => c),
    balances: [...balances].filter(([, v]) => v.gt(0)).map(([ccy, v]) => ({ ccy, available: v.toFixed() })),
  };
}
