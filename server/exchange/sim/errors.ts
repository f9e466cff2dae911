/**
 * OKX error answers the simulator produces. Codes, HTTP statuses and messages follow ../shared/OKX.md and
 * OKX's public error table; where seed 001 and OKX.md are silent the choice is noted here (and in the
 * simulator's README section of the hand-over note).
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
  missingKey: err("50103", 'Request header "OK-ACCESS-KEY" can not be empty.', 401),
  missingPassphrase: err("50104", 'Request header "OK-ACCESS-PASSPHRASE" can not be empty.', 401),
  wrongPassphrase: err("50105", 'Request header "OK-ACCESS-PASSPHRASE" incorrect.', 401),
  missingSign: err("50106", 'Request header "OK-ACCESS-SIGN" can not be empty.', 401),
  missingTimestamp: err("50107", 'Request header "OK-ACCESS-TIMESTAMP" can not be empty.', 401),
  invalidKey: err("50111", "Invalid OK-ACCESS-KEY.", 401),
  invalidTimestamp: err("50112", "Invalid OK-ACCESS-TIMESTAMP.", 401),
  invalidSign: err("50113", "Invalid Sign.", 401),
  // Used for a valid sub-account API key calling a broker (master-account) endpoint.
  invalidAuthority: err("50114", "Invalid authorization.", 401),

  // ── Request / system ──
  emptyBody: err("50000", "Body can not be empty.", 400),
  serviceUnavailable: err("50001", "Service temporarily unavailable, please try again later.", 503),
  badJson: err("50002", "Json data format error.", 400),
  tooManyRequests: err("50011", "Too Many Requests", 429),
  systemError: err("50026", "System error, please try again later.", 500),
  // Not in OKX's table: the simulator's own answers for routes it does not serve.
  notFound: err("404", "Not Found", 404),
  methodNotAllowed: err("405", "Method Not Allowed", 405),
  bodyTooLarge: err("413", "Request body too large", 413),
} as const;

/** 50014: a required parameter is missing or empty ("" counts as missing, as at OKX). */
export const paramEmpty = (name: string) => new OkxError("50014", `Parameter ${name} can not be empty`, 400);

/** 51000: a parameter is present but invalid (also unknown sub-account / API key / address, see below). */
export const paramError = (name: string) => new OkxError("51000", `Parameter ${name} error`, 400);

/**
 * Seed 001's error table lists only the 53xxx OAuth codes, so "no such sub-account" (and the other
 * not-found cases: API key, deposit address) answer 51000 naming the parameter, as the brief says.
 */
export const unknownSubaccount = () => paramError("subAcct");

/** 51001: unknown instrument (market data). OKX answers this business error with HTTP 200. */
export const unknownInstrument = () => new OkxError("51001", "Instrument ID does not exist", 200);

export interface OkxBody {
  code: string;
  msg: string;
  data: unknown[];
}

export const errorBody = (e: OkxError): OkxBody => ({ code: e.code, msg: e.message, data: [] });

/** 50015: one of two parameters is required. */
export const eitherParam = (a: string, b: string) => new OkxError("50015", `Either parameter ${a} or ${b} is required`, 400);
