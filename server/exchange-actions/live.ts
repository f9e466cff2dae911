/**
 * The exchange's live state an action works from (never a synced row that may be stale): a sub-account's
 * open orders and non-zero positions, as preview rows with an estimated notional.
 */
import "server-only";
import Decimal from "decimal.js";
import { isOkxError, toAppError, type OkxClient } from "../exchange/okx";
import type { Order, Position } from "../exchange/okx/schemas";
import type { PreviewOrder, PreviewPosition } from "@/lib/exchange-actions/types";
import { swapContractValues } from "../exchange-accounts/public-reads";
import type { Target } from "./targets";

const PAGE = 100;
/** An account with more open orders than this is read only this far (OKX keeps at most 4,000 per account). */
const MAX_PAGES = 40;

/** A read failure as the AppError callers show (OKX's code and message); anything else unchanged. */
export async function readLive<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw isOkxError(e) ? toAppError(e) : e;
  }
}

/** Every open order (newest first), following the `after` cursor. */
export async function liveOrders(client: OkxClient, instId?: string): Promise<Order[]> {
  const all: Order[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const rows = await client.ordersPending({ ...(instId ? { instId } : {}), ...(after ? { after } : {}), limit: PAGE });
    all.push(...rows);
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.ordId;
  }
  return all;
}

export type ClosablePosition = Position & { mgnMode: "cross" | "isolated"; posSide: "long" | "short" | "net" };

const closable = (p: Position): p is ClosablePosition =>
  !new Decimal(p.pos).isZero() && (p.mgnMode === "cross" || p.mgnMode === "isolated") && ["long", "short", "net"].includes(p.posSide);

/** The sub-account's open (non-zero) margin and derivative positions. */
export async function livePositions(client: OkxClient, instId?: string): Promise<ClosablePosition[]> {
  return (await client.accountPositions(instId ? { instId } : {})).filter(closable);
}

/** OKX tells a sub-account's positions apart by instrument, margin mode and side. */
export const samePosition = (a: { instId: string; mgnMode: string; posSide: string }, b: { instId: string; mgnMode: string; posSide: string }) =>
  a.instId === b.instId && a.mgnMode === b.mgnMode && a.posSide === b.posSide;

const DERIVATIVE = new Set(["SWAP"]);

/**
 * Contract values of the swaps among `items` (one public read at the target's exchange, shared with syncs:
 * exchange-accounts/public-reads.ts); empty when none or unreadable — the estimate is a help for the reader,
 * not a reason to refuse the preview.
 */
export async function contractValues(t: Pick<Target, "client" | "destination">, items: { instType: string }[]): Promise<Map<string, Decimal>> {
  if (!items.some((i) => DERIVATIVE.has(i.instType))) return new Map();
  return swapContractValues(t.client, t.destination);
}

export function orderRow(t: Pick<Target, "subaccountId" | "subAcct">, o: Order, ctVal: Map<string, Decimal>): PreviewOrder {
  const remaining = Decimal.max(new Decimal(o.sz).minus(o.accFillSz), 0);
  const multiplier = DERIVATIVE.has(o.instType) ? ctVal.get(o.instId) : o.instType === "SPOT" || o.instType === "MARGIN" ? new Decimal(1) : undefined;
  const notional = o.px && multiplier ? remaining.times(o.px).times(multiplier).toFixed() : null;
  return {
    subaccountId: t.subaccountId,
    subAcct: t.subAcct,
    instId: o.instId,
    instType: o.instType,
    ordId: o.ordId,
    clOrdId: o.clOrdId,
    side: o.side,
    posSide: o.posSide,
    ordType: o.ordType,
    px: o.px,
    sz: o.sz,
    accFillSz: o.accFillSz,
    remainingSz: remaining.toFixed(),
    notional,
    state: o.state,
  };
}

export function positionRow(t: Pick<Target, "subaccountId" | "subAcct">, p: ClosablePosition, ctVal: Map<string, Decimal>): PreviewPosition {
  const value = ctVal.get(p.instId);
  const estimated = p.markPx && value ? new Decimal(p.pos).abs().times(value).times(p.markPx).toFixed() : null;
  return {
    subaccountId: t.subaccountId,
    subAcct: t.subAcct,
    instId: p.instId,
    instType: p.instType,
    mgnMode: p.mgnMode,
    posSide: p.posSide,
    pos: p.pos,
    avgPx: p.avgPx,
    markPx: p.markPx,
    upl: p.upl,
    notionalUsd: p.notionalUsd ?? estimated,
  };
}

/** Sum of the notionals that are known. */
export const totalOf = (values: (string | null)[]) => values.reduce((sum, v) => (v === null ? sum : sum.plus(new Decimal(v).abs())), new Decimal(0)).toFixed();
