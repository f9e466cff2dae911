/**
 * A sub-account's funding account and its own withdrawals (asset/withdrawal). A withdrawal waits (0), is
 * broadcast (1) and succeeds (2), one `withdrawalStepMs` apart — worked out lazily from its time on every
 * read, so no timer runs. It holds `amt + fee` of the funding balance until it ends; success debits it once.
 * A cancel turns it -3 (cancelling) and one step later -2 (cancelled). The store's `withdrawals` list holds
 * them, so the broker's ND withdrawal history sees them too.
 */
import "server-only";
import { createHash } from "node:crypto";
import type { ChainDef } from "../assets";
import type { Withdrawal } from "../model";
import type { SimStore } from "../store";
import { D, text } from "./ledger";
import type { SubTrading } from "./model";
import { touch } from "./state";

/** States in which the withdrawal still holds its funds. */
const HOLDING = new Set(["0", "1", "-3", "4", "5", "6", "7", "8", "9", "10", "12", "15", "16", "17"]);
/**
 * OKX's first stage, "pending withdrawal" (waiting, waiting for a transfer, the manual reviews, approved, the
 * Travel Rule vendor): the only one cancel-withdrawal accepts. Broadcasting (1) and the chain's validation
 * (15, 16) are the second stage, "withdrawal in progress", which can no longer be stopped.
 */
export const CANCELLABLE = new Set(["0", "4", "5", "6", "7", "8", "9", "10", "12", "17"]);
/** Where a stalled withdrawal may stop: any state short of the end. */
export const STALL_STATES = ["0", "1", "4", "5", "6", "7", "8", "9", "10", "12", "15", "16", "17"] as const;

/** Where a live withdrawal stands at `now`. */
function stateAt(w: Withdrawal, now: number, step: number): Withdrawal["state"] {
  const live = w.live!;
  if (live.cancelAt !== undefined) return now >= live.cancelAt + step ? "-2" : "-3";
  const elapsed = now - Number(w.ts);
  const path = elapsed < step ? "0" : elapsed < 2 * step ? "1" : "2";
  if (live.outcome === "fail") return elapsed < step ? "0" : "-1";
  if (live.outcome === "stall") return elapsed < step ? "0" : (live.stallState ?? "0");
  return path;
}

const txIdOf = (w: Withdrawal) => (w.type === "3" ? "" : createHash("sha256").update(`tx|${w.wdId}`).digest("hex"));

/** Brings one withdrawal up to `now`; debits the funding balance when it succeeds. */
export function advance(store: SimStore, w: Withdrawal, state: SubTrading | undefined, now: number, step: number): boolean {
  if (!w.live || w.live.settled || w.state === "2" || w.state === "-1" || w.state === "-2") return false;
  const next = stateAt(w, now, step);
  if (next === w.state) return false;
  w.state = next;
  if ((next === "1" || next === "2") && !w.txId) w.txId = txIdOf(w);
  if (next === "2" && state) {
    state.funding[w.ccy] = text(D(state.funding[w.ccy]).minus(w.amt).minus(w.fee));
    w.live.settled = true;
    touch(store, state);
  }
  store.changed();
  return true;
}

/** Every live withdrawal of the store (or of one sub-account) brought up to `now`. */
export function advanceAll(store: SimStore, now: number, step: number, subAcct?: string) {
  for (const w of store.withdrawals) {
    if (!w.live || (subAcct && w.subAcct !== subAcct)) continue;
    advance(store, w, store.trading.get(w.subAcct), now, step);
  }
}

/** What in-flight withdrawals hold, per currency. */
export function held(store: SimStore, subAcct: string) {
  const out = new Map<string, ReturnType<typeof D>>();
  for (const w of store.withdrawals) {
    if (!w.live || w.subAcct !== subAcct || !HOLDING.has(w.state)) continue;
    out.set(w.ccy, (out.get(w.ccy) ?? D(0)).plus(w.amt).plus(w.fee));
  }
  return out;
}

/** Funding balances as OKX lists them: bal (incl. what is held), frozenBal, availBal. */
export function fundingRows(store: SimStore, state: SubTrading) {
  const hold = held(store, state.subAcct);
  return Object.keys(state.funding)
    .sort()
    .map((ccy) => {
      const bal = D(state.funding[ccy]);
      const frozen = hold.get(ccy) ?? D(0);
      return { ccy, bal: text(bal), frozenBal: text(frozen), availBal: text(bal.minus(frozen)) };
    });
}

// ── Address formats per chain (what a real address of that network looks like) ─────────────────────────
const B58 = "[1-9A-HJ-NP-Za-km-z]";
const ADDRESS: Record<string, RegExp> = {
  "BTC-Bitcoin": new RegExp(`^(bc1[02-9ac-hj-np-z]{11,71}|[13]${B58}{25,34})$`),
  "LTC-Litecoin": new RegExp(`^(ltc1[02-9ac-hj-np-z]{11,71}|[LM3]${B58}{26,33})$`),
  "ETH-ERC20": /^0x[0-9a-fA-F]{40}$/,
  "USDT-ERC20": /^0x[0-9a-fA-F]{40}$/,
  "USDC-ERC20": /^0x[0-9a-fA-F]{40}$/,
  "USDT-TRC20": new RegExp(`^T${B58}{33}$`),
  "TRX-TRON": new RegExp(`^T${B58}{33}$`),
  "SOL-Solana": new RegExp(`^${B58}{32,44}$`),
  "EOS-EOS": /^[a-z1-5.]{1,12}$/,
  "XRP-Ripple": new RegExp(`^r${B58}{24,34}$`),
  "TON-TON": /^(EQ|UQ)[A-Za-z0-9_-]{46}$/,
  "XMR-Monero": new RegExp(`^[48]${B58}{94}$`),
};

/** An internal withdrawal (dest 3) goes to an e-mail, a phone number or an account name. */
const INTERNAL = /^([^\s@]+@[^\s@]+\.[^\s@]+|\d{6,15}|[A-Za-z0-9]{6,20})$/;

/** "address" or "address:label" → parts; whether the chain needs the label (memo / tag). */
export function splitAddress(chain: ChainDef, toAddr: string): { addr: string; label?: string; ok: boolean; needsLabel: boolean } {
  const needsLabel = chain.extra === "memo" || chain.extra === "tag";
  const i = toAddr.lastIndexOf(":");
  const addr = needsLabel && i > 0 ? toAddr.slice(0, i) : toAddr;
  const label = needsLabel && i > 0 ? toAddr.slice(i + 1) : undefined;
  const format = ADDRESS[chain.chain];
  return { addr, label, ok: format ? format.test(addr) : addr.length > 0, needsLabel: needsLabel && !label };
}

export const isInternalAddress = (toAddr: string) => INTERNAL.test(toAddr);
