/**
 * A sub-account's own trading account, signed with its key (account/balance, positions, bills). A broker
 * key reads the broker's own trading account, which is empty here.
 */
import "server-only";
import { D, balances, textDp } from "../trading/ledger";
import { usdPrice } from "../trading/market";
import { tradingOf } from "../trading/state";
import { billRow, cursorById, positionRow } from "../trading/views";
import { isCcy, isCcyList, isLimit, oneOf, optional, parse } from "../validation";
import { type Handler, ownSubaccount } from "./context";

const okxId = (v: string) => /^\d{1,32}$/.test(v);

/** GET account/balance: data[0] = {totalEq (USD), uTime, details[] per currency}. */
export const accountBalance: Handler = (ctx) => {
  const p = parse(ctx.params, { ccy: optional(isCcyList) });
  const state = tradingOf(ctx.store, ownSubaccount(ctx), ctx.now);
  const wanted = p.ccy ? new Set(p.ccy.split(",").map((c) => c.trim())) : null;
  let totalEq = D(0);
  // totalEq is the whole account's, whatever `ccy` picks for the details.
  const details = balances(state, ctx.now)
    .map((b) => {
      const eqUsd = b.eq.times(usdPrice(b.ccy, ctx.now).toFixed(8));
      totalEq = totalEq.plus(eqUsd);
      return { ...b, eqUsd };
    })
    .filter((b) => !wanted || wanted.has(b.ccy))
    .map((b) => {
      const eqUsd = b.eqUsd;
      return {
        ccy: b.ccy,
        eq: textDp(b.eq, 8),
        cashBal: textDp(b.cashBal, 8),
        availBal: textDp(b.availBal, 8),
        availEq: textDp(b.availBal, 8),
        frozenBal: textDp(b.frozenBal, 8),
        ordFrozen: textDp(b.ordFrozen, 8),
        upl: textDp(b.upl, 8),
        eqUsd: textDp(eqUsd, 8),
        disEq: textDp(eqUsd, 8),
        isoEq: "0",
        mgnRatio: "",
        notionalLever: "",
        uTime: String(state.uTime[b.ccy] ?? ctx.now),
      };
    });
  return [{ totalEq: textDp(totalEq, 8), adjEq: "", imr: "", mmr: "", mgnRatio: "", notionalUsd: "", ordFroz: "", upl: "", isoEq: "0", uTime: String(ctx.now), details }];
};

/** GET account/positions: open SWAP positions with mark, PnL, margin and liquidation figures. */
export const accountPositions: Handler = (ctx) => {
  const p = parse(ctx.params, { instType: optional(oneOf("MARGIN", "SWAP", "FUTURES", "OPTION")), instId: optional(), posId: optional() });
  const state = tradingOf(ctx.store, ownSubaccount(ctx), ctx.now);
  const usdt = balances(state, ctx.now).find((b) => b.ccy === "USDT");
  return state.positions
    .filter((x) => (!p.instType || p.instType === "SWAP") && (!p.instId || x.instId === p.instId) && (!p.posId || p.posId.split(",").includes(x.posId)))
    .flatMap((x) => positionRow(x, ctx.now, usdt?.eq ?? D(0)) ?? []);
};

/** GET account/bills: newest first; after/before are bill ids. */
export const accountBills: Handler = (ctx) => {
  const p = parse(ctx.params, {
    instType: optional(oneOf("SPOT", "MARGIN", "SWAP", "FUTURES", "OPTION")),
    ccy: optional(isCcy),
    type: optional((v) => /^\d{1,3}$/.test(v)),
    after: optional(okxId),
    before: optional(okxId),
    limit: optional(isLimit),
  });
  const state = tradingOf(ctx.store, ownSubaccount(ctx), ctx.now);
  const week = ctx.now - 7 * 86_400_000;
  const rows = state.bills.filter((b) => b.ts >= week && (!p.instType || b.instType === p.instType) && (!p.ccy || b.ccy === p.ccy) && (!p.type || b.type === p.type));
  return cursorById(rows, (b) => b.billId, p.after, p.before, p.limit).map(billRow);
};
