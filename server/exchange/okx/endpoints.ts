/**
 * The OKX V5 endpoints Brokerdesk uses — ONE table shared by the exchange client and the OKX simulator
 * (../shared/OKX.md "Broker endpoints", seed 001). Paths, methods and rate limits here are the
 * documented ones; the client's token buckets and the simulator's limiter both read `limit`.
 *
 * Limits are "count per windowMs", keyed by the caller (OKX's "UserID": one credential) unless `key` says
 * "ip" (public market data). Seed 001 limits win where it states one.
 */
import "server-only";

export type HttpMethod = "GET" | "POST";

export type EndpointFamily =
  | "subaccount" // sub-account info, create, delete, level
  | "fee" // trade-fee rates
  | "apikey" // sub-account API keys
  | "deposit" // deposit addresses and history
  | "withdrawal"
  | "asset" // currency and chain reference data of the funding account
  | "rebate" // FD rebate files, DMA trading files, if-rebate (FD and affiliate), ND rebate-daily
  | "market" // public tickers, candles and instruments
  | "account" // a sub-account's own trading account: balance, positions, bills
  | "trade" // a sub-account's orders and fills: list, place, cancel, close
  | "funding"; // a sub-account's own funding account: balances, withdrawals

export interface EndpointDef {
  /** Stable id used by code, logs, metrics and rate-limit keys. */
  id: string;
  method: HttpMethod;
  /** Path without the query string, starting with /api/v5/. */
  path: string;
  family: EndpointFamily;
  /** false: public market data, no signature. */
  private: boolean;
  limit: { count: number; windowMs: number; key: "user" | "ip" };
  /**
   * A POST that creates something at the exchange (a sub-account, an API key, an address, a rebate file):
   * the client never retries it blindly after a time-out or 5xx, because the first attempt may have worked.
   */
  creates?: boolean;
  /** Response `data` shape: a broker list page `[{page,totalPage,details[]}]`, or plain rows. */
  paging: "page" | "cursor" | "none";
  /**
   * Whose key signs: the broker's (absent), a sub-account's own key (OKX.md "A sub-account's own account"),
   * or either. The simulator answers a sub-account key on a broker endpoint with 50114; a broker key on a
   * sub-account endpoint reads the broker's own (empty) trading account, as OKX would.
   */
  signer?: "subaccount" | "any";
  /** The key's permission OKX requires beyond read_only (a key without it → 50120). */
  perm?: "trade" | "withdraw";
  /**
   * Per-item results (`sCode`/`sMsg` in each `data` row): OKX answers code "1" (all failed) or "2" (some
   * failed) with the rows. The client returns the rows for "2" and for "1" when more than one item was
   * sent; a one-item call that failed throws the item's own sCode / sMsg.
   */
  perItem?: boolean;
  /** POST whose body is a JSON array: the client sends the param named here as the whole body. */
  arrayBody?: string;
}

const S = 1000;

const def = <const T extends EndpointDef>(e: T) => e;

export const ENDPOINTS = {
  // ── DMA broker (seed 001) ─────────────────────────────────────────────────────────────────────────
  subaccountInfo: def({ id: "subaccountInfo", method: "GET", path: "/api/v5/broker/dma/subaccount-info", family: "subaccount", private: true, limit: { count: 1, windowMs: S, key: "user" }, paging: "page" }),
  subaccountTradeFee: def({ id: "subaccountTradeFee", method: "GET", path: "/api/v5/broker/dma/subaccount-trade-fee", family: "fee", private: true, limit: { count: 1, windowMs: S, key: "user" }, paging: "page" }),
  createApiKey: def({ id: "createApiKey", method: "POST", path: "/api/v5/broker/dma/subaccount/apikey", family: "apikey", private: true, limit: { count: 40, windowMs: S, key: "user" }, creates: true, paging: "none" }),
  getApiKeys: def({ id: "getApiKeys", method: "GET", path: "/api/v5/broker/dma/subaccount/apikey", family: "apikey", private: true, limit: { count: 1, windowMs: S, key: "user" }, paging: "none" }),
  setSubaccountLevel: def({ id: "setSubaccountLevel", method: "POST", path: "/api/v5/broker/dma/set-subaccount-level", family: "subaccount", private: true, limit: { count: 5, windowMs: 2 * S, key: "user" }, paging: "none" }),
  createDepositAddress: def({ id: "createDepositAddress", method: "POST", path: "/api/v5/asset/broker/dma/subaccount-deposit-address", family: "deposit", private: true, limit: { count: 10, windowMs: S, key: "user" }, creates: true, paging: "none" }),
  modifyDepositAddress: def({ id: "modifyDepositAddress", method: "POST", path: "/api/v5/asset/broker/dma/modify-subaccount-deposit-address", family: "deposit", private: true, limit: { count: 6, windowMs: S, key: "user" }, paging: "none" }),
  getDepositAddresses: def({ id: "getDepositAddresses", method: "GET", path: "/api/v5/asset/broker/dma/subaccount-deposit-address", family: "deposit", private: true, limit: { count: 6, windowMs: S, key: "user" }, paging: "none" }),
  depositHistory: def({ id: "depositHistory", method: "GET", path: "/api/v5/asset/broker/dma/subaccount-deposit-history", family: "deposit", private: true, limit: { count: 5, windowMs: 2 * S, key: "user" }, paging: "cursor" }),

  // ── FD broker (seed 001) ──────────────────────────────────────────────────────────────────────────
  createRebateFile: def({ id: "createRebateFile", method: "POST", path: "/api/v5/broker/fd/rebate-per-orders", family: "rebate", private: true, limit: { count: 1, windowMs: 3600 * S, key: "user" }, creates: true, paging: "none" }),
  getRebateFile: def({ id: "getRebateFile", method: "GET", path: "/api/v5/broker/fd/rebate-per-orders", family: "rebate", private: true, limit: { count: 2, windowMs: 60 * S, key: "user" }, paging: "none" }),
  ifRebate: def({ id: "ifRebate", method: "GET", path: "/api/v5/broker/fd/if-rebate", family: "rebate", private: true, limit: { count: 5, windowMs: 2 * S, key: "user" }, paging: "none" }),

  // ── DMA trading details and the affiliate check (OKX.md; OKX's broker docs, not in seed 001) ──────────
  /** begin/end YYYYMMDD (UTC, end exclusive, ≤ 180 days): data[0] = {result, ts}, like createRebateFile. */
  createDmaTradesFile: def({ id: "createDmaTradesFile", method: "POST", path: "/api/v5/broker/dma/trades", family: "rebate", private: true, limit: { count: 1, windowMs: 3600 * S, key: "user" }, creates: true, paging: "none" }),
  /** The requested trading files, like getRebateFile's rows; a finished one's link lives 9 hours. */
  getDmaTradesFile: def({ id: "getDmaTradesFile", method: "GET", path: "/api/v5/broker/dma/rebate-per-orders", family: "rebate", private: true, limit: { count: 2, windowMs: 60 * S, key: "user" }, paging: "none" }),
  /**
   * Whether a user's key is an affiliate invitee who earns the affiliate a rebate. OKX's docs give no limit
   * we could confirm for this path; 20 per 2 s (user id) is the common figure for account reads — chosen
   * here, to revisit if OKX ever answers 50011 below it.
   */
  partnerIfRebate: def({ id: "partnerIfRebate", method: "GET", path: "/api/v5/users/partner/if-rebate", family: "rebate", private: true, limit: { count: 20, windowMs: 2 * S, key: "user" }, paging: "none" }),

  // ── Older ND calls a full back office needs (OKX.md), under /broker/nd/ and /asset/broker/nd/ ────────
  createSubaccount: def({ id: "createSubaccount", method: "POST", path: "/api/v5/broker/nd/create-subaccount", family: "subaccount", private: true, limit: { count: 1, windowMs: S, key: "user" }, creates: true, paging: "none" }),
  deleteSubaccount: def({ id: "deleteSubaccount", method: "POST", path: "/api/v5/broker/nd/delete-subaccount", family: "subaccount", private: true, limit: { count: 1, windowMs: S, key: "user" }, paging: "none" }),
  modifyApiKey: def({ id: "modifyApiKey", method: "POST", path: "/api/v5/broker/nd/subaccount/modify-apikey", family: "apikey", private: true, limit: { count: 1, windowMs: S, key: "user" }, paging: "none" }),
  deleteApiKey: def({ id: "deleteApiKey", method: "POST", path: "/api/v5/broker/nd/subaccount/delete-apikey", family: "apikey", private: true, limit: { count: 1, windowMs: S, key: "user" }, paging: "none" }),
  withdrawalHistory: def({ id: "withdrawalHistory", method: "GET", path: "/api/v5/asset/broker/nd/subaccount-withdrawal-history", family: "withdrawal", private: true, limit: { count: 5, windowMs: 2 * S, key: "user" }, paging: "cursor" }),
  rebateDaily: def({ id: "rebateDaily", method: "GET", path: "/api/v5/broker/nd/rebate-daily", family: "rebate", private: true, limit: { count: 1, windowMs: S, key: "user" }, paging: "page" }),

  // ── Funding account (standard V5, OKX.md "A sub-account's own account"; OKX docs "Get currencies") ──────
  /** Every currency and chain the account may use, one row per ccy + chain: canDep/canWd, minimums, mainNet, needTag. */
  currencies: def({ id: "currencies", method: "GET", path: "/api/v5/asset/currencies", family: "asset", private: true, limit: { count: 6, windowMs: S, key: "user" }, paging: "none", signer: "any" }),

  // ── Public market data (no signature; limited per IP) ────────────────────────────────────────────
  tickers: def({ id: "tickers", method: "GET", path: "/api/v5/market/tickers", family: "market", private: false, limit: { count: 20, windowMs: 2 * S, key: "ip" }, paging: "none" }),
  ticker: def({ id: "ticker", method: "GET", path: "/api/v5/market/ticker", family: "market", private: false, limit: { count: 20, windowMs: 2 * S, key: "ip" }, paging: "none" }),
  candles: def({ id: "candles", method: "GET", path: "/api/v5/market/candles", family: "market", private: false, limit: { count: 40, windowMs: 2 * S, key: "ip" }, paging: "none" }),
  /** SPOT / SWAP instruments: lot, tick and contract sizes (OKX: 20 per 2 s per IP + instType). */
  instruments: def({ id: "instruments", method: "GET", path: "/api/v5/public/instruments", family: "market", private: false, limit: { count: 20, windowMs: 2 * S, key: "ip" }, paging: "none" }),

  // ── A sub-account's own account and trading, signed with ITS key (OKX.md; OKX V5 docs' figures) ────────
  // OKX keys the order endpoints' limits by user id + instrument; the client keeps one bucket per key (the
  // stricter reading), the simulator enforces OKX's per-instrument buckets.
  accountBalance: def({ id: "accountBalance", method: "GET", path: "/api/v5/account/balance", family: "account", private: true, limit: { count: 10, windowMs: 2 * S, key: "user" }, paging: "none", signer: "subaccount" }),
  accountPositions: def({ id: "accountPositions", method: "GET", path: "/api/v5/account/positions", family: "account", private: true, limit: { count: 10, windowMs: 2 * S, key: "user" }, paging: "none", signer: "subaccount" }),
  /** Last 7 days, newest first; `after`/`before` are bill ids. */
  accountBills: def({ id: "accountBills", method: "GET", path: "/api/v5/account/bills", family: "account", private: true, limit: { count: 5, windowMs: S, key: "user" }, paging: "cursor", signer: "subaccount" }),
  ordersPending: def({ id: "ordersPending", method: "GET", path: "/api/v5/trade/orders-pending", family: "trade", private: true, limit: { count: 60, windowMs: 2 * S, key: "user" }, paging: "cursor", signer: "subaccount" }),
  /** Last 7 days of finished orders (cancelled, filled); `after`/`before` are order ids. */
  ordersHistory: def({ id: "ordersHistory", method: "GET", path: "/api/v5/trade/orders-history", family: "trade", private: true, limit: { count: 40, windowMs: 2 * S, key: "user" }, paging: "cursor", signer: "subaccount" }),
  /** Last 3 days of fills; `after`/`before` are bill ids. */
  fills: def({ id: "fills", method: "GET", path: "/api/v5/trade/fills", family: "trade", private: true, limit: { count: 60, windowMs: 2 * S, key: "user" }, paging: "cursor", signer: "subaccount" }),
  placeOrder: def({ id: "placeOrder", method: "POST", path: "/api/v5/trade/order", family: "trade", private: true, limit: { count: 60, windowMs: 2 * S, key: "user" }, paging: "none", signer: "subaccount", perm: "trade", perItem: true, creates: true }),
  cancelOrder: def({ id: "cancelOrder", method: "POST", path: "/api/v5/trade/cancel-order", family: "trade", private: true, limit: { count: 60, windowMs: 2 * S, key: "user" }, paging: "none", signer: "subaccount", perm: "trade", perItem: true }),
  /** Up to 20 orders per request; the body is a JSON array. OKX counts 300 orders per 2 s; the client counts requests (15 × 20). */
  cancelBatchOrders: def({ id: "cancelBatchOrders", method: "POST", path: "/api/v5/trade/cancel-batch-orders", family: "trade", private: true, limit: { count: 15, windowMs: 2 * S, key: "user" }, paging: "none", signer: "subaccount", perm: "trade", perItem: true, arrayBody: "orders" }),
  /** Market-closes one position; `autoCxl` cancels the instrument's pending orders first. Not retried blindly. */
  closePosition: def({ id: "closePosition", method: "POST", path: "/api/v5/trade/close-position", family: "trade", private: true, limit: { count: 20, windowMs: 2 * S, key: "user" }, paging: "none", signer: "subaccount", perm: "trade", creates: true }),
  assetBalances: def({ id: "assetBalances", method: "GET", path: "/api/v5/asset/balances", family: "funding", private: true, limit: { count: 6, windowMs: S, key: "user" }, paging: "none", signer: "subaccount" }),
  /** On-chain (dest 4) or internal (dest 3) withdrawal; `clientId` makes a resend findable, never double. */
  withdraw: def({ id: "withdraw", method: "POST", path: "/api/v5/asset/withdrawal", family: "funding", private: true, limit: { count: 6, windowMs: S, key: "user" }, paging: "none", signer: "subaccount", perm: "withdraw", creates: true }),
  withdrawalHistoryOwn: def({ id: "withdrawalHistoryOwn", method: "GET", path: "/api/v5/asset/withdrawal-history", family: "funding", private: true, limit: { count: 6, windowMs: S, key: "user" }, paging: "cursor", signer: "subaccount" }),
  cancelWithdrawal: def({ id: "cancelWithdrawal", method: "POST", path: "/api/v5/asset/cancel-withdrawal", family: "funding", private: true, limit: { count: 6, windowMs: S, key: "user" }, paging: "none", signer: "subaccount", perm: "withdraw" }),
} as const;

export type EndpointId = keyof typeof ENDPOINTS;
export const ENDPOINT_LIST: readonly EndpointDef[] = Object.values(ENDPOINTS);

/**
 * The DMA paths' ND twins the simulator also serves (seed 001's Python examples use the SDK's NDBroker,
 * which calls these): same shapes and limits.
 */
export const ND_TWINS: Partial<Record<EndpointId, string>> = {
  subaccountInfo: "/api/v5/broker/nd/subaccount-info",
  subaccountTradeFee: "/api/v5/broker/nd/subaccount-trade-fee",
  createApiKey: "/api/v5/broker/nd/subaccount/apikey",
  getApiKeys: "/api/v5/broker/nd/subaccount/apikey",
  setSubaccountLevel: "/api/v5/broker/nd/set-subaccount-level",
  createDepositAddress: "/api/v5/asset/broker/nd/subaccount-deposit-address",
  modifyDepositAddress: "/api/v5/asset/broker/nd/modify-subaccount-deposit-address",
  getDepositAddresses: "/api/v5/asset/broker/nd/subaccount-deposit-address",
  depositHistory: "/api/v5/asset/broker/nd/subaccount-deposit-history",
};

/** ND-only calls the simulator serves for SDK compatibility (not used by the client yet). */
export const ND_EXTRA = {
  setSubaccountFeeRate: { method: "POST", path: "/api/v5/broker/nd/set-subaccount-fee-rate", limit: { count: 5, windowMs: 2 * S, key: "user" } },
  brokerInfo: { method: "GET", path: "/api/v5/broker/nd/info", limit: { count: 1, windowMs: S, key: "user" } },
  ndRebatePerOrders: { method: "GET", path: "/api/v5/broker/nd/rebate-per-orders", limit: { count: 2, windowMs: 60 * S, key: "user" } },
  ndCreateRebatePerOrders: { method: "POST", path: "/api/v5/broker/nd/rebate-per-orders", limit: { count: 1, windowMs: 3600 * S, key: "user" } },
} as const;
