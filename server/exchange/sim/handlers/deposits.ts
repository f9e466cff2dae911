/** Deposit addresses and deposit history (DMA, seed 001) and ND withdrawal history. */
import "server-only";
import { advanceAll } from "../trading/funding";
import { chainOf, currency } from "../assets";
import { paramError } from "../errors";
import { newAddress } from "../generate";
import { DEPOSIT_STATES, DEPOSIT_TYPES, type DepositAddress } from "../model";
import { isAddrType, isCcy, isLimit, isMs, isTo, oneOf, optional, parse, required } from "../validation";
import { type Handler, cursorPage, subaccountOrThrow } from "./context";
import { WITHDRAWAL_HISTORY_PARAMS, withdrawalFields } from "./funding";

/** Seed 001: at most 20 deposit addresses per currency (no error code given → 51000 naming ccy). */
const MAX_ADDRESSES_PER_CCY = 20;

/** memo/tag/pmtId/comment only for the currencies that need them ("若不需要则不返回此字段"). */
const extras = (a: DepositAddress) => ({
  ...(a.pmtId !== undefined && { pmtId: a.pmtId }),
  ...(a.tag !== undefined && { tag: a.tag }),
  ...(a.memo !== undefined && { memo: a.memo }),
  ...(a.comment !== undefined && { comment: a.comment }),
});

/** POST asset/broker/dma/subaccount-deposit-address. */
export const createDepositAddress: Handler = ({ params, store, now }) => {
  const p = parse(params, { subAcct: required(), ccy: required(isCcy), chain: optional(), addrType: optional(isAddrType), to: optional(isTo) });
  const sub = subaccountOrThrow(store, p.subAcct);
  const ccy = currency(p.ccy);
  if (!ccy) throw paramError("ccy");
  const chain = chainOf(p.ccy, p.chain);
  if (!chain) throw paramError("chain");
  if (p.addrType === "2" && !ccy.segwit) throw paramError("addrType");
  const list = store.addressesOf(sub.subAcct);
  if (list.filter((a) => a.ccy === ccy.ccy).length >= MAX_ADDRESSES_PER_CCY) throw paramError("ccy");
  // The newest address of a chain becomes the selected one.
  for (const a of list) if (a.chain === chain.chain) a.selected = false;
  const address = newAddress(store.rng(), sub, ccy, chain, (p.addrType ?? "1") as "1" | "2", now);
  address.selected = true;
  list.push(address);
  // The receiving account is one setting per sub-account (seed, modify endpoint).
  if (p.to) sub.depositTo = p.to as "6" | "18";
  store.changed();
  return [{ chain: address.chain, ccy: address.ccy, ...extras(address), addr: address.addr, ts: address.ts }];
};

/**
 * POST asset/broker/dma/modify-subaccount-deposit-address: only `to` changes, and for every address of
 * the sub-account. `addr` may carry its memo/tag as "address:tag" (seed 001). The field table says
 * pmtId/tag/memo/comment come back as "" when not needed, so they are always present here.
 */
export const modifyDepositAddress: Handler = ({ params, store, now }) => {
  const p = parse(params, { subAcct: required(), ccy: required(isCcy), chain: optional(), addr: required(), to: required(isTo) });
  const sub = subaccountOrThrow(store, p.subAcct);
  const address = store
    .addressesOf(sub.subAcct)
    .find((a) => a.ccy === p.ccy && (!p.chain || a.chain === p.chain) && (a.addr === p.addr || `${a.addr}:${a.memo ?? a.tag ?? a.comment ?? a.pmtId}` === p.addr));
  if (!address) throw paramError("addr");
  sub.depositTo = p.to as "6" | "18";
  store.changed();
  return [
    {
      chain: address.chain,
      ccy: address.ccy,
      to: sub.depositTo,
      addr: address.addr,
      pmtId: address.pmtId ?? "",
      tag: address.tag ?? "",
      memo: address.memo ?? "",
      comment: address.comment ?? "",
      ts: String(now),
    },
  ];
};

/** GET asset/broker/dma/subaccount-deposit-address. */
export const getDepositAddresses: Handler = ({ params, store }) => {
  const p = parse(params, { subAcct: required(), ccy: required(isCcy) });
  const sub = subaccountOrThrow(store, p.subAcct);
  if (!currency(p.ccy)) throw paramError("ccy");
  return store
    .addressesOf(sub.subAcct)
    .filter((a) => a.ccy === p.ccy)
    .map((a) => ({ chain: a.chain, ctAddr: a.ctAddr, ccy: a.ccy, to: sub.depositTo, addr: a.addr, ...extras(a), selected: a.selected }));
};

/** GET asset/broker/dma/subaccount-deposit-history: newest first, `after`/`before` ms cursors, limit ≤ 100. */
export const depositHistory: Handler = ({ params, store }) => {
  const p = parse(params, {
    subAcct: optional(),
    ccy: optional(isCcy),
    txId: optional(),
    type: optional(oneOf(...DEPOSIT_TYPES)),
    state: optional(oneOf(...DEPOSIT_STATES)),
    after: optional(isMs),
    before: optional(isMs),
    limit: optional(isLimit),
  });
  const rows = store.deposits.filter(
    (d) => (!p.subAcct || d.subAcct === p.subAcct) && (!p.ccy || d.ccy === p.ccy) && (!p.txId || d.txId === p.txId) && (!p.type || d.type === p.type) && (!p.state || d.state === p.state),
  );
  return cursorPage(rows, p.after, p.before, p.limit).map((d) => ({
    subAcct: d.subAcct,
    ccy: d.ccy,
    chain: d.chain,
    amt: d.amt,
    from: d.from,
    areaCodeFrom: d.areaCodeFrom,
    to: d.to,
    txId: d.txId,
    ts: d.ts,
    state: d.state,
    depId: d.depId,
    actualDepBlkConfirm: d.actualDepBlkConfirm,
  }));
};

/** GET asset/broker/nd/subaccount-withdrawal-history: same paging as deposits. */
export const withdrawalHistory: Handler = ({ params, store, now, config }) => {
  const p = parse(params, { subAcct: optional(), ...WITHDRAWAL_HISTORY_PARAMS });
  // Sub-accounts' own withdrawals (asset/withdrawal) move on with time; bring them up to now first.
  advanceAll(store, now, config.withdrawalStepMs);
  const rows = store.withdrawals.filter(
    (w) =>
      (!p.subAcct || w.subAcct === p.subAcct) &&
      (!p.ccy || w.ccy === p.ccy) &&
      (!p.wdId || w.wdId === p.wdId) &&
      (!p.clientId || w.clientId === p.clientId) &&
      (!p.txId || w.txId === p.txId) &&
      (!p.type || w.type === p.type) &&
      (!p.state || w.state === p.state),
  );
  return cursorPage(rows, p.after, p.before, p.limit).map((w) => ({ subAcct: w.subAcct, ...withdrawalFields(w) }));
};
