/**
 * OKX error answers the simulator produces. Codes, HTTP statuses and messages are OKX's documented ones,
 * word for word (https://www.okx.com/docs-v5/en/#error-code-rest-api — clients match on the text, so no
 * period or quote is added or dropped); where seed 001 and OKX.md are silent the choice is noted here.
 */
import "server-only";

export class OkxError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
    this.name = "OkxError";
  }
}

const err = (code: string, msg: string, http: number) => () => new OkxError(code, msg, http);

export const Errors = {
  // ── Auth (401) ──
  demoLiveMismatch: err("50101", "APIKey does not match current environment.", 401),
  timestampExpired: err("50102", "Timestamp request expired.", 401),
  missingKey: err("50103", 'Request header "OK-ACCESS-KEY" cannot be empty.', 401),
  missingPassphrase: err("50104", 'Request header "OK-ACCESS-PASSPHRASE" cannot be empty.', 401),
  wrongPassphrase: err("50105", 'Request header "OK-ACCESS-PASSPHRASE" incorrect.', 401),
  missingSign: err("50106", 'Request header "OK-ACCESS-SIGN" cannot be empty.', 401),
  missingTimestamp: err("50107", 'Request header "OK-ACCESS-TIMESTAMP" cannot be empty.', 401),
  invalidKey: err("50111", "Invalid OK-ACCESS-KEY.", 401),
  invalidTimestamp: err("50112", "Invalid OK-ACCESS-TIMESTAMP.", 401),
  invalidSign: err("50113", "Invalid signature.", 401),
  // Used for a valid sub-account API key calling a broker (master-account) endpoint.
  invalidAuthority: err("50114", "Invalid authorization.", 401),
  /** The key lacks the endpoint's permission (trade / withdraw). */
  noPermission: err("50120", "This API key doesn't have permission to use this function", 200),

  // ── Request / system ──
  emptyBody: err("50000", "Body for POST request cannot be empty.", 400),
  serviceUnavailable: err("50001", "Service temporarily unavailable. Please try again later.", 503),
  badJson: err("50002", "JSON syntax error", 400),
  tooManyRequests: err("50011", "Too Many Requests", 429),
  systemError: err("50026", "System error. Try again later", 500),
  // Not in OKX's table: the simulator's own answers for routes it does not serve.
  notFound: err("404", "Not Found", 404),
  methodNotAllowed: err("405", "Method Not Allowed", 405),
  bodyTooLarge: err("413", "Request body too large", 413),
} as const;

/** 50014: a required parameter is missing or empty ("" counts as missing, as at OKX). */
export const paramEmpty = (name: string) => new OkxError("50014", `Parameter ${name} can not be empty.`, 400);

/** 50110: the key is bound to IP addresses and the request came from another. */
export const ipNotAllowed = (ip: string) => new OkxError("50110", `Your IP ${ip} is not included in your API key's IP whitelist.`, 401);

/** 51000: a parameter is present but invalid (also unknown sub-account / API key / address, see below). */
export const paramError = (name: string) => new OkxError("51000", `Parameter ${name} error`, 400);

/**
 * Seed 001's error table lists only the 53xxx OAuth codes, so "no such sub-account" (and the other
 * not-found cases: API key, deposit address) answer 51000 naming the parameter, as the brief says.
 */
export const unknownSubaccount = () => paramError("subAcct");

/** 51001: unknown instrument (market data). OKX answers this business error with HTTP 200. */
export const unknownInstrument = () => new OkxError("51001", "Instrument ID, Instrument ID code or Spread ID doesn't exist.", 200);

export interface OkxBody {
  code: string;
  msg: string;
  data: unknown[];
}

export const errorBody = (e: OkxError): OkxBody => ({ code: e.code, msg: e.message, data: [] });

/** 50015: one of two parameters is required. */
export const eitherParam = (a: string, b: string) => new OkxError("50015", `Either parameter ${a} or ${b} is required`, 400);

/** Trading and funding refusals, worded as OKX's error table (HTTP 200 unless the table says otherwise). */
export const TradeErrors = {
  unknownInstrument: err("51001", "Instrument ID, Instrument ID code or Spread ID doesn't exist.", 200),
  insufficientBalance: (ccy: string) => new OkxError("51008", `Order failed. Insufficient ${ccy} balance in account`, 200),
  insufficientMargin: (ccy: string) => new OkxError("51008", `Order failed. Insufficient ${ccy} margin in account`, 200),
  accountMode: err("51010", "Request unsupported under current account mode", 200),
  tradingBlocked: err("51024", "Trading account is blocked.", 200),
  clOrdIdExists: err("51016", "Client order ID already exists.", 200),
  belowMinSize: err("51020", "Your order should meet or exceed the minimum order amount.", 200),
  noPosition: err("51023", "Position doesn't exist.", 200),
  closeExceeds: err("51112", "Close order size exceeds available size for this position.", 200),
  // OKX's table gives this one HTTP 429.
  pendingCloseOrders: err("51115", "Cancel all pending close-orders before liquidation.", 429),
  lotSize: err("51121", "Order quantity must be a multiple of the lot size.", 200),
  precision: err("51150", "The precision of the number of trades or the price exceeds the limit.", 200),
  noPositionToReduce: err("51169", "Order failed because you don't have any positions in this direction for this contract to reduce or close.", 200),
  cancelFailed: err("51400", "Order cancellation failed as the order has been filled, canceled or does not exist.", 200),
  eitherOrdId: err("51003", "Either client order ID or order ID is required.", 200),
  // Funding
  wdAboveMax: err("58205", "Withdrawal amount exceeds the upper limit.", 200),
  wdBelowMin: err("58206", "Withdrawal amount is less than the lower limit.", 200),
  internalAddress: err("58213", "The internal transfer address is illegal. It must be an email, phone number, or account name", 200),
  wdNotFound: err("58215", "Withdrawal ID does not exist.", 200),
  notAllowed: err("58216", "Operation not allowed.", 200),
  wdAlreadyCanceled: err("58220", "Withdrawal request already canceled.", 200),
  needsLabel: err("58221", 'The toAddr parameter format is incorrect, withdrawal address needs labels. The format should be "address:label".', 200),
  invalidAddress: err("58222", "Invalid withdrawal address", 200),
  insufficientFunding: err("58350", "Insufficient balance.", 200),
  /** OKX's general "{param} already exists" (50071), for a withdrawal clientId used before. */
  clientIdExists: err("50071", "clientId already exists", 200),
} as const;

/**
 * A per-item answer (place / cancel orders): OKX's envelope code "1" (every item failed) or "2" (some did),
 * with one row per item carrying its own sCode / sMsg. HTTP 200.
 */
export class PerItemAnswer extends Error {
  constructor(
    readonly code: "1" | "2",
    readonly data: unknown[],
  ) {
    super(code === "1" ? "Operation failed." : "Bulk operation partially succeeded.");
    this.name = "PerItemAnswer";
  }
}
