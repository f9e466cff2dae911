/**
 * Local-only test hooks for sub-accounts' own accounts (plain JSON, loopback only, like admin.ts):
 *   POST /sim/admin/funds            {"subAcct", "account": "funding"|"trading", "ccy", "amt"} — add (or, with
 *                                    a negative amt, take) money; the trading account books a transfer bill
 *   POST /sim/admin/next-withdrawal  {"subAcct", "outcome": "fail"|"stall", "stallState"?} — the
 *                                    sub-account's next asset/withdrawal fails (-1 after one step) or, after
 *                                    one step waiting, stays at stallState (any state short of the end;
 *                                    default 0); {"outcome": null} clears it
 *   POST /sim/admin/position-mode    {"subAcct", "posMode": "net_mode"|"long_short_mode"} — as OKX's
 *                                    account/set-position-mode (refused with open positions or orders)
 */
import "server-only";
import { z } from "zod";
import { currency } from "../assets";
import type { SimStore } from "../store";
import { D, book, text } from "../trading/ledger";
import { STALL_STATES } from "../trading/funding";
import { touch, tradingOf } from "../trading/state";
import type { AdminAnswer } from "./admin";

const FundsSchema = z.strictObject({
  subAcct: z.string().min(1),
  account: z.enum(["funding", "trading"]),
  ccy: z.string().regex(/^[A-Z0-9]{1,20}$/),
  amt: z.string().regex(/^-?\d{1,15}(\.\d{1,8})?$/, { error: "a decimal amount with at most 8 decimals" }),
});

const NextWithdrawalSchema = z.strictObject({
  subAcct: z.string().min(1),
  outcome: z.enum(["fail", "stall"]).nullable(),
  stallState: z.enum(STALL_STATES).optional(),
});

const PositionModeSchema = z.strictObject({ subAcct: z.string().min(1), posMode: z.enum(["net_mode", "long_short_mode"]) });

const bad = (error: z.ZodError | string): AdminAnswer => ({
  status: 400,
  body: { error: typeof error === "string" ? error : error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") },
});

/** The answer of a trading hook, or null when `route` is not one. */
export function handleTradingAdmin(store: SimStore, route: string, body: unknown, now = Date.now()): AdminAnswer | null {
  if (route === "POST /sim/admin/funds") {
    const parsed = FundsSchema.safeParse(body);
    if (!parsed.success) return bad(parsed.error);
    const { subAcct, account, ccy, amt } = parsed.data;
    const sub = store.subaccounts.get(subAcct);
    if (!sub) return bad(`no sub-account ${subAcct}`);
    if (!currency(ccy) && account === "funding") return bad(`unknown currency ${ccy}`);
    const state = tradingOf(store, sub, now);
    if (account === "funding") state.funding[ccy] = text(D(state.funding[ccy]).plus(amt));
    else book(state, { ccy, balChg: D(amt), type: "1", subType: D(amt).isNegative() ? "12" : "11", ts: now });
    touch(store, state);
    return { status: 200, body: { subAcct, funding: state.funding, trading: state.trading } };
  }
  if (route === "POST /sim/admin/next-withdrawal") {
    const parsed = NextWithdrawalSchema.safeParse(body);
    if (!parsed.success) return bad(parsed.error);
    const { subAcct, outcome, stallState } = parsed.data;
    const sub = store.subaccounts.get(subAcct);
    if (!sub) return bad(`no sub-account ${subAcct}`);
    const state = tradingOf(store, sub, now);
    state.nextWithdrawal = outcome ? { outcome, stallState: stallState ?? "0" } : undefined;
    touch(store, state);
    return { status: 200, body: { subAcct, nextWithdrawal: state.nextWithdrawal ?? null } };
  }
  if (route === "POST /sim/admin/position-mode") {
    const parsed = PositionModeSchema.safeParse(body);
    if (!parsed.success) return bad(parsed.error);
    const sub = store.subaccounts.get(parsed.data.subAcct);
    if (!sub) return bad(`no sub-account ${parsed.data.subAcct}`);
    const state = tradingOf(store, sub, now);
    if (state.posMode !== parsed.data.posMode && (state.positions.length > 0 || state.orders.some((o) => o.instType === "SWAP" && (o.state === "live" || o.state === "partially_filled")))) {
      return bad("close the sub-account's SWAP positions and orders first");
    }
    state.posMode = parsed.data.posMode;
    touch(store, state);
    return { status: 200, body: { subAcct: sub.subAcct, posMode: state.posMode } };
  }
  return null;
}
