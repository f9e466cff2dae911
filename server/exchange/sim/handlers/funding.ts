/**
 * A sub-account's own funding account, signed with its key: balances, withdrawals (with OKX's clientId
 * idempotency), their history and cancelling one. See ../trading/funding.ts for states and holds.
 */
import "server-only";
import { chainOf, currency } from "../assets";
import { TradeErrors, paramError } from "../errors";
import { DEPOSIT_TYPES, WITHDRAWAL_STATES, type Withdrawal } from "../model";
import { D, text } from "../trading/ledger";
import { CANCELLABLE, advance, advanceAll, fundingRows, held, isInternalAddress, splitAddress } from "../trading/funding";
import { touch, tradingOf } from "../trading/state";
import { isCcy, isCcyList, isLimit, isMs, oneOf, optional, parse, required } from "../validation";
import { type Handler, type HandlerContext, cursorPage, ownSubaccount } from "./context";

const decimalRule = (v: string) => /^\d{1,20}(\.\d{1,18})?$/.test(v) && Number(v) > 0;

function own(ctx: HandlerContext) {
  const sub = ownSubaccount(ctx);
  const state = tradingOf(ctx.store, sub, ctx.now);
  if (sub) advanceAll(ctx.store, ctx.now, ctx.config.withdrawalStepMs, sub.subAcct);
  return { sub, state };
}

/** GET asset/balances. */
export const assetBalances: Handler = (ctx) => {
  const p = parse(ctx.params, { ccy: optional(isCcyList) });
  const { state } = own(ctx);
  const wanted = p.ccy ? new Set(p.ccy.split(",").map((c) => c.trim())) : null;
  return fundingRows(ctx.store, state).filter((r) => !wanted || wanted.has(r.ccy));
};

const decimalsOf = (v: string) => (v.split(".")[1] ?? "").length;

/** POST asset/withdrawal: on-chain (dest 4) or internal (dest 3) from the funding account. */
export const withdraw: Handler = (ctx) => {
  const p = parse(ctx.params, {
    ccy: required(isCcy),
    amt: required(decimalRule),
    dest: required(oneOf("3", "4")),
    toAddr: required(),
    chain: optional(),
    clientId: optional((v) => /^[A-Za-z0-9]{1,32}$/.test(v)),
    areaCode: optional((v) => /^\d{1,4}$/.test(v)),
    fee: optional(),
  });
  const { sub, state } = own(ctx);
  const c = currency(p.ccy);
  if (!c) throw paramError("ccy");
  const chain = chainOf(p.ccy, p.chain);
  if (!chain) throw paramError("chain");
  const subAcct = sub?.subAcct ?? "";
  if (p.clientId && ctx.store.withdrawals.some((w) => w.live && w.subAcct === subAcct && w.clientId === p.clientId)) throw TradeErrors.clientIdExists();
  if (decimalsOf(p.amt) > chain.decimals) throw paramError("amt");
  const amt = D(p.amt);
  if (amt.lt(c.minWd)) throw TradeErrors.wdBelowMin();
  if (amt.gt("10000000")) throw TradeErrors.wdAboveMax();
  let to = p.toAddr;
  let label: string | undefined;
  if (p.dest === "4") {
    const parts = splitAddress(chain, p.toAddr);
    if (parts.needsLabel) throw TradeErrors.needsLabel();
    if (!parts.ok) throw TradeErrors.invalidAddress();
    to = parts.addr;
    label = parts.label;
  } else if (!isInternalAddress(p.toAddr)) {
    throw TradeErrors.internalAddress();
  }
  const fee = p.dest === "4" ? c.fee : "0";
  const avail = D(state.funding[p.ccy]).minus(held(ctx.store, subAcct).get(p.ccy) ?? 0);
  if (!sub || avail.lt(amt.plus(fee))) throw TradeErrors.insufficientFunding();
  const top = ctx.store.withdrawals[0];
  const plan = state.nextWithdrawal;
  const w: Withdrawal = {
    wdId: String(Math.max(90_000_000, Number(top?.wdId ?? 0)) + 1),
    clientId: p.clientId ?? "",
    subAcct,
    ccy: p.ccy,
    chain: chain.chain,
    amt: text(amt),
    fee,
    from: "",
    areaCodeFrom: "",
    to,
    areaCodeTo: p.areaCode ?? "",
    txId: "",
    ts: String(Math.max(ctx.now, Number(top?.ts ?? 0) + 1)),
    state: "0",
    type: p.dest as "3" | "4",
    live: plan ? { outcome: plan.outcome, stallState: plan.stallState } : {},
  };
  if (label !== undefined && (chain.extra === "memo" || chain.extra === "tag")) w[chain.extra] = label;
  state.nextWithdrawal = undefined;
  ctx.store.withdrawals.unshift(w);
  touch(ctx.store, state);
  return [{ wdId: w.wdId, ccy: w.ccy, chain: w.chain, amt: w.amt, clientId: w.clientId }];
};

/** What OKX's withdrawal histories (the sub-account's own and the broker's) both show of a withdrawal. */
export const withdrawalFields = (w: Withdrawal) => ({
  ccy: w.ccy,
  chain: w.chain,
  amt: w.amt,
  ts: w.ts,
  from: w.from,
  areaCodeFrom: w.areaCodeFrom,
  to: w.to,
  areaCodeTo: w.areaCodeTo,
  ...(w.tag !== undefined && { tag: w.tag }),
  ...(w.memo !== undefined && { memo: w.memo }),
  txId: w.txId,
  fee: w.fee,
  state: w.state,
  wdId: w.wdId,
  clientId: w.clientId,
});

/** A withdrawal as OKX's history lists it. */
export const withdrawalRow = (w: Withdrawal) => ({ ...withdrawalFields(w), nonTradableAsset: false, feeCcy: w.ccy, note: "" });

/** The filters of both withdrawal histories (the broker's adds `subAcct`). */
export const WITHDRAWAL_HISTORY_PARAMS = {
  ccy: optional(isCcy),
  wdId: optional(),
  clientId: optional(),
  txId: optional(),
  type: optional(oneOf(...DEPOSIT_TYPES)),
  state: optional(oneOf(...WITHDRAWAL_STATES)),
  after: optional(isMs),
  before: optional(isMs),
  limit: optional(isLimit),
};

/** GET asset/withdrawal-history: the caller's own withdrawals, newest first (ms cursors). */
export const withdrawalHistoryOwn: Handler = (ctx) => {
  const p = parse(ctx.params, WITHDRAWAL_HISTORY_PARAMS);
  const { sub } = own(ctx);
  if (!sub) return [];
  const rows = ctx.store.withdrawals.filter(
    (w) =>
      w.subAcct === sub.subAcct &&
      (!p.ccy || w.ccy === p.ccy) &&
      (!p.wdId || w.wdId === p.wdId) &&
      (!p.clientId || w.clientId === p.clientId) &&
      (!p.txId || w.txId === p.txId) &&
      (!p.type || w.type === p.type) &&
      (!p.state || w.state === p.state),
  );
  return cursorPage(rows, p.after, p.before, p.limit).map(withdrawalRow);
};

/** POST asset/cancel-withdrawal: only in OKX's first stage (CANCELLABLE); answers {wdId}, the state goes -3 then -2. */
export const cancelWithdrawal: Handler = (ctx) => {
  const p = parse(ctx.params, { wdId: required() });
  const { sub, state } = own(ctx);
  const w = sub ? ctx.store.withdrawals.find((x) => x.wdId === p.wdId && x.subAcct === sub.subAcct) : undefined;
  if (!w) throw TradeErrors.wdNotFound();
  if (w.state === "-3" || w.state === "-2") throw TradeErrors.wdAlreadyCanceled();
  if (!CANCELLABLE.has(w.state) || !w.live) throw TradeErrors.notAllowed();
  w.live.cancelAt = ctx.now;
  advance(ctx.store, w, state, ctx.now, ctx.config.withdrawalStepMs);
  touch(ctx.store, state);
  return [{ wdId: w.wdId }];
};
