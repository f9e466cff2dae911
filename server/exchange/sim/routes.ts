/**
 * Every path the simulator serves, built from the shared endpoint table (server/exchange/okx/endpoints.ts):
 * the table's endpoints, their ND twins (same handler and limit), the ND extras, and public/time.
 * `satisfies Record<EndpointId, Handler>` makes a new table entry without a handler a type error.
 */
import "server-only";
import { ENDPOINTS, type EndpointDef, type EndpointId, type HttpMethod, ND_EXTRA, ND_TWINS } from "../okx/endpoints";
import * as account from "./handlers/account";
import * as apikeys from "./handlers/apikeys";
import type { Handler } from "./handlers/context";
import * as currencies from "./handlers/currencies";
import * as deposits from "./handlers/deposits";
import * as funding from "./handlers/funding";
import * as market from "./handlers/market";
import * as rebates from "./handlers/rebates";
import * as subaccounts from "./handlers/subaccounts";
import * as trade from "./handlers/trade";
import type { Limit } from "./rate-limit";

export interface Route {
  /** "METHOD /path" — the key of rate limits and stats. */
  key: string;
  id: string;
  method: HttpMethod;
  path: string;
  private: boolean;
  limit: Limit & { key: "user" | "ip" };
  handler: Handler;
  /** Who may sign and the key permission needed (endpoints.ts). */
  signer?: "subaccount" | "any";
  perm?: "trade" | "withdraw";
  /**
   * OKX keys these limits by user id + instrument: "instrument" counts requests per instId, "orders" counts
   * each order of a batch per instId against `limit` (cancel-batch-orders: 300 orders per 2 s).
   */
  limitBy?: "instrument" | "orders";
  /** POST whose body is a JSON array, handed to the handler as this one parameter (its JSON text). */
  arrayBody?: string;
}

const S = 1000;
/** Where the simulator's limit differs from the client's table: OKX's own per user + instrument figures. */
const SIM_LIMITS: Partial<Record<EndpointId, Pick<Route, "limitBy"> & { limit?: Route["limit"] }>> = {
  placeOrder: { limitBy: "instrument" },
  cancelOrder: { limitBy: "instrument" },
  closePosition: { limitBy: "instrument" },
  cancelBatchOrders: { limitBy: "orders", limit: { count: 300, windowMs: 2 * S, key: "user" } },
};

const HANDLERS = {
  subaccountInfo: subaccounts.subaccountInfo,
  subaccountTradeFee: subaccounts.subaccountTradeFee,
  createApiKey: apikeys.createApiKey,
  getApiKeys: apikeys.getApiKeys,
  setSubaccountLevel: subaccounts.setSubaccountLevel,
  createDepositAddress: deposits.createDepositAddress,
  modifyDepositAddress: deposits.modifyDepositAddress,
  getDepositAddresses: deposits.getDepositAddresses,
  depositHistory: deposits.depositHistory,
  createRebateFile: rebates.createFdRebateFile,
  getRebateFile: rebates.getFdRebateFile,
  ifRebate: rebates.ifRebate,
  createDmaTradesFile: rebates.createDmaTradesFile,
  getDmaTradesFile: rebates.getDmaTradesFile,
  partnerIfRebate: rebates.partnerIfRebate,
  createSubaccount: subaccounts.createSubaccount,
  deleteSubaccount: subaccounts.deleteSubaccount,
  modifyApiKey: apikeys.modifyApiKey,
  deleteApiKey: apikeys.deleteApiKey,
  withdrawalHistory: deposits.withdrawalHistory,
  rebateDaily: rebates.rebateDaily,
  currencies: currencies.currencies,
  tickers: market.tickers,
  ticker: market.singleTicker,
  candles: market.candles,
  instruments: market.instruments,
  accountBalance: account.accountBalance,
  accountPositions: account.accountPositions,
  accountBills: account.accountBills,
  ordersPending: trade.ordersPending,
  ordersHistory: trade.ordersHistory,
  fills: trade.fills,
  placeOrder: trade.placeOrderHandler,
  cancelOrder: trade.cancelOrderHandler,
  cancelBatchOrders: trade.cancelBatchOrders,
  closePosition: trade.closePositionHandler,
  assetBalances: funding.assetBalances,
  withdraw: funding.withdraw,
  withdrawalHistoryOwn: funding.withdrawalHistoryOwn,
  cancelWithdrawal: funding.cancelWithdrawal,
} satisfies Record<EndpointId, Handler>;

const EXTRA_HANDLERS = {
  setSubaccountFeeRate: subaccounts.setSubaccountFeeRate,
  brokerInfo: subaccounts.brokerInfo,
  ndRebatePerOrders: rebates.getNdRebateFile,
  ndCreateRebatePerOrders: rebates.createNdRebateFile,
} satisfies Record<keyof typeof ND_EXTRA, Handler>;

const routeKey = (method: string, path: string) => `${method} ${path}`;

export function buildRoutes(): Map<string, Route> {
  const routes: Route[] = [];
  for (const [id, e] of Object.entries(ENDPOINTS) as [EndpointId, (typeof ENDPOINTS)[EndpointId]][]) {
    const def = e as EndpointDef;
    const sim = SIM_LIMITS[id];
    routes.push({
      key: routeKey(e.method, e.path),
      id,
      method: e.method,
      path: e.path,
      private: e.private,
      limit: sim?.limit ?? e.limit,
      handler: HANDLERS[id],
      signer: def.signer,
      perm: def.perm,
      limitBy: sim?.limitBy,
      arrayBody: def.arrayBody,
    });
    const twin = ND_TWINS[id];
    if (twin) routes.push({ key: routeKey(e.method, twin), id: `nd:${id}`, method: e.method, path: twin, private: true, limit: e.limit, handler: HANDLERS[id] });
  }
  for (const [id, e] of Object.entries(ND_EXTRA) as [keyof typeof ND_EXTRA, (typeof ND_EXTRA)[keyof typeof ND_EXTRA]][]) {
    routes.push({ key: routeKey(e.method, e.path), id: `nd:${id}`, method: e.method, path: e.path, private: true, limit: e.limit, handler: EXTRA_HANDLERS[id] });
  }
  // Not in the table: OKX's documented limit for public/time is 10 per 2 s per IP.
  routes.push({ key: routeKey("GET", "/api/v5/public/time"), id: "publicTime", method: "GET", path: "/api/v5/public/time", private: false, limit: { count: 10, windowMs: 2000, key: "ip" }, handler: market.publicTime });
  return new Map(routes.map((r) => [r.key, r]));
}

export const lookup = (routes: Map<string, Route>, method: string, path: string) => routes.get(routeKey(method, path));

/** Whether any method serves `path` (405 rather than 404). */
export const pathKnown = (routes: Map<string, Route>, path: string) => [...routes.values()].some((r) => r.path === path);
