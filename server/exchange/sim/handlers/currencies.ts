/**
 * GET asset/currencies: the simulator's asset table (../assets.ts) as OKX lists it — one row per currency
 * and chain — so what it answers is exactly what createDepositAddress accepts: every listed chain can be
 * deposited to, the first chain of a currency is its main net (the one used when no chain is given), and
 * `needTag` marks the chains whose addresses carry a memo / tag / comment / payment id.
 */
import "server-only";
import { CURRENCIES } from "../assets";
import { isCcyList, optional, parse } from "../validation";
import type { Handler } from "./context";

export const currencies: Handler = ({ params }) => {
  const p = parse(params, { ccy: optional(isCcyList) });
  // Codes OKX does not know are left out, not refused.
  const wanted = p.ccy ? new Set(p.ccy.split(",").map((c) => c.trim())) : null;
  return CURRENCIES.filter((c) => !wanted || wanted.has(c.ccy)).flatMap((c) =>
    c.chains.map((chain, i) => ({
      ccy: c.ccy,
      name: c.name,
      logoLink: "",
      chain: chain.chain,
      ctAddr: chain.ctAddr,
      canDep: true,
      canWd: true,
      canInternal: true,
      depEstOpenTime: "",
      wdEstOpenTime: "",
      minDep: c.minDep,
      minWd: c.minWd,
      minInternal: "0",
      maxWd: "10000000",
      wdTickSz: String(chain.decimals),
      wdQuota: "10000000",
      usedWdQuota: "0",
      fee: c.fee,
      minFee: c.fee,
      maxFee: c.fee,
      minFeeForCtAddr: c.fee,
      maxFeeForCtAddr: c.fee,
      burningFeeRate: "",
      mainNet: i === 0,
      needTag: chain.extra !== undefined,
      minDepArrivalConfirm: String(chain.confirmations),
      minWdUnlockConfirm: String(chain.confirmations),
      depQuotaFixed: "",
      usedDepQuotaFixed: "",
      depQuoteDailyLayer2: "",
    })),
  );
};
