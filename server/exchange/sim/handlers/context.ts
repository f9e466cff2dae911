/** What every API handler gets, and the paging helpers shared by the list endpoints. */
import "server-only";
import type { SimConfig } from "../config";
import { unknownSubaccount } from "../errors";
import type { Subaccount } from "../model";
import type { SimStore } from "../store";
import type { RawParams } from "../validation";

/** Who signed a private request: the broker's master key (subAcct null) or a sub-account's own key. */
export interface Caller {
  apiKey: string;
  subAcct: string | null;
}

export interface HandlerContext {
  params: RawParams;
  store: SimStore;
  config: SimConfig;
  /** Request time (ms). */
  now: number;
  /** Where this simulator is reachable for the caller (for rebate file links), e.g. http://127.0.0.1:8787. */
  baseUrl: string;
  /** null on public endpoints. */
  caller?: Caller | null;
}

/** The sub-account a sub-account key acts on; null for the broker's own (empty) trading account. */
export function ownSubaccount(ctx: HandlerContext): Subaccount | null {
  const name = ctx.caller?.subAcct;
  return name ? (ctx.store.subaccounts.get(name) ?? null) : null;
}

/** Returns the response `data` array; throws OkxError for error answers. */
export type Handler = (ctx: HandlerContext) => unknown[];

export function subaccountOrThrow(store: SimStore, subAcct: string): Subaccount {
  const sub = store.subaccounts.get(subAcct);
  if (!sub) throw unknownSubaccount();
  return sub;
}

/** Broker list paging: `data[0] = {page, totalPage, details[]}`; limit defaults to 100. */
export function pageOf<T>(rows: readonly T[], page: string | undefined, limit: string | undefined, extra: Record<string, string> = {}) {
  const size = Number(limit ?? 100);
  const p = Number(page ?? 1);
  return {
    details: rows.slice((p - 1) * size, p * size),
    page: String(p),
    totalPage: String(Math.ceil(rows.length / size)),
    ...extra,
  };
}

/**
 * History paging over rows sorted newest first: `after` = older than that ms timestamp, `before` = newer.
 * With only `before`, the `limit` records just newer than it (still answered newest first).
 */
export function cursorPage<T extends { ts: string }>(rows: readonly T[], after: string | undefined, before: string | undefined, limit: string | undefined): T[] {
  const size = Number(limit ?? 100);
  let r = rows;
  if (after) r = r.filter((x) => Number(x.ts) < Number(after));
  if (before) r = r.filter((x) => Number(x.ts) > Number(before));
  return before && !after ? r.slice(Math.max(0, r.length - size)) : r.slice(0, size);
}
