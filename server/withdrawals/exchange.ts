/**
 * What a withdrawal reads from the exchange through the sub-account's own key: the chains it may use
 * (asset/currencies), the funding balance (asset/balances) and a price to value it in USDT. Failures
 * become the AppErrors the exchange client maps, so a request is refused with a reason, never a 500.
 */
import "server-only";
import Decimal from "decimal.js";
import type { DbTx, Db } from "../db/client";
import { AppError } from "../errors";
import { isOkxError, toAppError } from "../exchange/okx";
import { subaccountClient, type SubaccountClient } from "../exchange/subaccount-client";
import type { BrandClientOptions } from "../exchange/brand-client";
import { FALLBACK_DECIMALS } from "@/lib/withdrawals/chains";
import { USD_STABLES } from "@/lib/withdrawals/limits";
import type { WithdrawalOptions } from "./types";

export type ChainInfo = WithdrawalOptions["chains"][number] & { canWd: boolean };

/** Runs an exchange read; an OkxError becomes the AppError its kind maps to. */
export async function exchangeRead<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isOkxError(error)) throw toAppError(error);
    throw error;
  }
}

export const withdrawClient = (db: Db | DbTx, brandId: string, subaccountId: string, options?: BrandClientOptions): Promise<SubaccountClient> =>
  subaccountClient(db as DbTx, brandId, subaccountId, "withdraw", options);

const decimalsOf = (tick: string): number => (/^\d{1,2}$/.test(tick) ? Number(tick) : FALLBACK_DECIMALS);

/** Every chain of `ccy` (or of every currency) the exchange lists. */
export async function chainsOf(sc: SubaccountClient, ccy?: string): Promise<ChainInfo[]> {
  const rows = await exchangeRead(() => sc.client.currencies(ccy ? { ccy } : {}));
  return rows.map((r) => ({
    ccy: r.ccy,
    chain: r.chain,
    minWd: r.minWd,
    maxWd: r.maxWd,
    fee: r.minFee,
    needTag: r.needTag,
    canWd: r.canWd,
    decimals: decimalsOf(r.wdTickSz),
  }));
}

/** The funding account's available balance per currency. */
export async function fundingBalances(sc: SubaccountClient, ccy?: string): Promise<Map<string, Decimal>> {
  const rows = await exchangeRead(() => sc.client.assetBalances(ccy ? { ccy } : {}));
  return new Map(rows.map((r) => [r.ccy, new Decimal(r.availBal)]));
}

/** `amount` of `ccy` in USDT: stablecoins 1:1, others at the <CCY>-USDT last price. */
export async function valueInUsdt(sc: SubaccountClient, ccy: string, amount: Decimal): Promise<Decimal> {
  if (USD_STABLES.includes(ccy)) return amount;
  const ticker = await exchangeRead(() => sc.client.ticker({ instId: `${ccy}-USDT` })).catch((error: unknown) => {
    throw new AppError("CONFLICT", "withdrawals.errors.noPrice", { field: "ccy", params: { ccy }, cause: error });
  });
  return amount.times(ticker.last);
}
