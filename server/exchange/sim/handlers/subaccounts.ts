/** Sub-accounts: list, fee rates, account level (DMA, seed 001) and ND create/delete/fee-rate/info. */
import "server-only";
import Decimal from "decimal.js";
import { eitherParam, paramError } from "../errors";
import { feeRatesFor, newSubaccount } from "../generate";
import type { Subaccount } from "../model";
import { dateMs, isAcctLv, isDate, isDecimal, isLabel, isLimit, isPage, isSubAcctName, msDate, oneOf, optional, parse, required } from "../validation";
import { type Handler, pageOf, subaccountOrThrow } from "./context";

const listParams = { subAcct: optional(), uid: optional(), page: optional(isPage), limit: optional(isLimit) };

/** Filters of the list endpoints: an unknown subAcct/uid gives an empty page, not an error. */
function listed(subs: Iterable<Subaccount>, p: { subAcct?: string; uid?: string }): Subaccount[] {
  return [...subs].filter((s) => (!p.subAcct || s.subAcct === p.subAcct) && (!p.uid || s.uid === p.uid));
}

/** GET broker/dma/subaccount-info. canTransOut and enable are booleans, as in the seed's example. */
export const subaccountInfo: Handler = ({ params, store }) => {
  const p = parse(params, listParams);
  const rows = listed(store.subaccounts.values(), p).map((s) => ({
    acctLv: s.acctLv,
    canTransOut: s.canTransOut,
    mainAcct: s.mainAcct,
    enable: s.enable,
    frozenFunc: s.frozenFunc,
    label: s.label,
    subAcct: s.subAcct,
    ts: s.ts,
    uid: s.uid,
  }));
  return [pageOf(rows, p.page, p.limit)];
};

/** GET broker/dma/subaccount-trade-fee. The seed's example says "marker"; its field table says `maker` — we send `maker`. */
export const subaccountTradeFee: Handler = ({ params, store }) => {
  const p = parse(params, listParams);
  const rows = listed(store.subaccounts.values(), p).map((s) => ({
    feeRates: s.feeRates.map((f) => ({ maker: f.maker, taker: f.taker, type: f.type })),
    mainAcct: s.mainAcct,
    subAcct: s.subAcct,
    ts: s.ts,
    uid: s.uid,
  }));
  return [pageOf(rows, p.page, p.limit)];
};

/** POST broker/dma/set-subaccount-level. */
export const setSubaccountLevel: Handler = ({ params, store }) => {
  const p = parse(params, { subAcct: required(), acctLv: required(isAcctLv) });
  const sub = subaccountOrThrow(store, p.subAcct);
  sub.acctLv = p.acctLv as Subaccount["acctLv"];
  store.changed();
  return [{ acctLv: sub.acctLv }];
};

/** POST broker/nd/create-subaccount. An existing name answers 51000 (the seed has no code for it). */
export const createSubaccount: Handler = ({ params, store, now }) => {
  const p = parse(params, { subAcct: required(isSubAcctName), label: optional(isLabel) });
  if (store.subaccounts.has(p.subAcct)) throw paramError("subAcct");
  const sub = newSubaccount(store.rng(), p.subAcct, p.label ?? "", now);
  store.subaccounts.set(sub.subAcct, sub);
  store.changed();
  return [{ subAcct: sub.subAcct, label: sub.label, uid: sub.uid, acctLv: sub.acctLv, ts: sub.ts }];
};

/** POST broker/nd/delete-subaccount: removes its API keys and addresses too (deposit history stays). */
export const deleteSubaccount: Handler = ({ params, store }) => {
  const p = parse(params, { subAcct: required() });
  subaccountOrThrow(store, p.subAcct);
  store.subaccounts.delete(p.subAcct);
  store.addresses.delete(p.subAcct);
  for (const [key, rec] of store.apiKeys) if (rec.subAcct === p.subAcct) store.apiKeys.delete(key);
  store.trading.delete(p.subAcct);
  store.tradingTouched.delete(p.subAcct);
  store.changed();
  return [{ subAcct: p.subAcct }];
};

/** Fee types (1–9) each instType covers. */
const TYPES_OF: Record<string, string[]> = {
  SPOT: ["1", "2"],
  MARGIN: ["1", "2"],
  FUTURES: ["3", "4", "5"],
  SWAP: ["6", "7", "8"],
  OPTION: ["9"],
};

/**
 * POST broker/nd/set-subaccount-fee-rate (ND extra). The change is applied to the sub-account level's base
 * rate: "absolute" adds the value as an extra fee (rates are negative = charged), "percentage" scales it.
 * It takes effect at 00:00 UTC of effDate, or of today without one (never before an earlier change's day):
 * the fills of earlier days keep the rates they had (feeRateHistory), so their fees never change. The
 * list endpoints show the new rates at once.
 */
export const setSubaccountFeeRate: Handler = ({ params, store, now }) => {
  const p = parse(params, {
    subAcct: required(),
    instType: required(oneOf(...Object.keys(TYPES_OF))),
    chgType: required(oneOf("absolute", "percentage")),
    chgTaker: optional(isDecimal),
    chgMaker: optional(isDecimal),
    effDate: optional(isDate),
  });
  if (p.chgTaker === undefined && p.chgMaker === undefined) throw eitherParam("chgTaker", "chgMaker");
  const sub = subaccountOrThrow(store, p.subAcct);
  const base = feeRatesFor(sub.level);
  const adjust = (rate: string, chg: string | undefined) => {
    if (chg === undefined) return rate;
    const r = new Decimal(rate);
    return (p.chgType === "absolute" ? r.minus(chg) : r.times(new Decimal(1).plus(new Decimal(chg).div(100)))).toString();
  };
  const history = sub.feeRateHistory ?? [];
  const latest = history.length ? Number(history[history.length - 1].until) : 0;
  const effective = Math.max(p.effDate ? dateMs(p.effDate) : dateMs(msDate(now)), latest);
  // An earlier change effective the same day already keeps the rates that applied before that day.
  if (effective > latest) sub.feeRateHistory = [...history, { until: String(effective), feeRates: sub.feeRates }];
  sub.feeRates = sub.feeRates.map((f, i) =>
    TYPES_OF[p.instType].includes(f.type) ? { type: f.type, maker: adjust(base[i].maker, p.chgMaker), taker: adjust(base[i].taker, p.chgTaker) } : f,
  );
  store.changed();
  return [{ subAcct: sub.subAcct, instType: p.instType, chgType: p.chgType, chgTaker: p.chgTaker ?? "", chgMaker: p.chgMaker ?? "", effDate: p.effDate ?? "" }];
};

/** GET broker/nd/info (ND extra). */
export const brokerInfo: Handler = ({ store, now }) => [
  { treeLv: "1", maxSubAcctQty: "100000", subAcctQty: String(store.subaccounts.size), level: "Lv1", ts: String(now) },
];
