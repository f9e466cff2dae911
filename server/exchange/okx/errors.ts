/**
 * The one error type of the OKX client. Every failure — OKX's own `{code, msg}`, an HTTP 5xx, a time-out,
 * a dropped connection, a client-side parameter refusal, an unreadable response — becomes an OkxError
 * with a `kind` that says what the caller can do about it. Messages never carry request headers, secrets
 * or parameter values (OKX's `msg` is echoed; it names parameters, not their values).
 */
import "server-only";
import { AppError, type ErrorParams } from "@/server/errors";

export type OkxErrorKind = "rate_limited" | "auth" | "parameter" | "transient" | "permanent";

/**
 * Codes for failures that did not come from OKX (OKX's own codes are numeric strings, so these never clash).
 */
export const LOCAL_CODES = {
  timeout: "TIMEOUT",
  /** The connection dropped or failed mid-request: OKX may have processed it. */
  network: "NETWORK",
  /** The connection was refused: the request never left this machine. */
  connect: "CONNECT",
  rateLimitWait: "RATE_LIMIT_WAIT",
  params: "PARAMS",
  badResponse: "BAD_RESPONSE",
  noCredentials: "NO_CREDENTIALS",
  /** The brand's breaker for this endpoint family is open: nothing was sent. */
  circuitOpen: "CIRCUIT_OPEN",
} as const;

export interface OkxErrorInit {
  code: string;
  msg: string;
  httpStatus: number | null;
  endpoint: string;
  kind?: OkxErrorKind;
  /** A `creates` POST failed after it may have reached OKX: check before doing it again. */
  outcomeUnknown?: boolean;
  /** Field paths of a client-side parameter refusal (never the values). */
  fields?: string[];
  cause?: unknown;
}

export class OkxError extends Error {
  readonly code: string;
  readonly msg: string;
  readonly httpStatus: number | null;
  readonly endpoint: string;
  readonly kind: OkxErrorKind;
  readonly outcomeUnknown: boolean;
  readonly fields: string[];

  constructor(init: OkxErrorInit) {
    const kind = init.kind ?? classifyOkx(init.code, init.httpStatus);
    super(`OKX ${init.endpoint}: ${init.code}${init.msg ? ` ${init.msg}` : ""}`, { cause: init.cause });
    this.name = "OkxError";
    this.code = init.code;
    this.msg = init.msg;
    this.httpStatus = init.httpStatus;
    this.endpoint = init.endpoint;
    this.kind = kind;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.fields = init.fields ?? [];
  }
}

export const isOkxError = (e: unknown): e is OkxError => e instanceof OkxError;

/** System-busy style codes: OKX did not do the work, trying again later can succeed. */
const TRANSIENT_CODES = new Set(["50001", "50004", "50005", "50013", "50026"]);
/** Request-shape errors: the caller must change the input. */
const PARAMETER_CODES = new Set(["50000", "50002", "50014", "51000", "51001", "51002", "51003"]);
/** The FD OAuth table (seed 001) is mostly auth, but these three are plain parameter errors. */
const OAUTH_PARAMETER_CODES = new Set(["53010", "53011", "53015"]);

/**
 * Refusals OKX's error table answers with HTTP 429 that are not rate limits: waiting changes nothing
 * (51115: pending close orders block close-position).
 */
const NOT_RATE_LIMITS_429 = new Set(["51115"]);

/** OKX code (+ HTTP status) → kind. Local codes are classified where they are raised. */
export function classifyOkx(code: string, httpStatus: number | null): OkxErrorKind {
  if (code === "50011" || (httpStatus === 429 && !NOT_RATE_LIMITS_429.has(code))) return "rate_limited";
  const n = /^\d+$/.test(code) ? Number(code) : NaN;
  if (n >= 50100 && n <= 50114) return "auth";
  if (n >= 53000 && n <= 53999) return OAUTH_PARAMETER_CODES.has(code) ? "parameter" : "auth";
  if (PARAMETER_CODES.has(code)) return "parameter";
  if (TRANSIENT_CODES.has(code) || (httpStatus !== null && httpStatus >= 500)) return "transient";
  return "permanent";
}

/**
 * For services: an OkxError as the AppError that routers, the REST API and jobs already map. The reason
 * carries OKX's own code and message (`{code}`, `{msg}`) as params; a "NoMessage" reason words an answer
 * that came without one.
 */
export function toAppError(error: OkxError): AppError {
  const params: ErrorParams = error.msg ? { msg: error.msg, code: error.code } : { code: error.code };
  const cause = error;
  switch (error.kind) {
    case "rate_limited":
      return new AppError("RATE_LIMITED", "exchange.errors.rateLimited", { params: { endpoint: error.endpoint }, cause });
    case "parameter":
      return new AppError("VALIDATION", error.msg ? "exchange.errors.parameterRefused" : "exchange.errors.parameterRefusedNoMessage", {
        field: error.fields[0],
        params,
        cause,
      });
    case "auth":
      return new AppError("EXCHANGE_ERROR", error.msg ? "exchange.errors.credentialsRefused" : "exchange.errors.credentialsRefusedNoMessage", { params, cause });
    case "transient":
      if (error.outcomeUnknown) return new AppError("EXCHANGE_ERROR", "exchange.errors.outcomeUnknown", { params: { code: error.code }, cause });
      return new AppError("EXCHANGE_ERROR", error.msg ? "exchange.errors.unavailable" : "exchange.errors.unavailableNoMessage", { params, cause });
    default:
      return new AppError("EXCHANGE_ERROR", error.msg ? "exchange.errors.requestRefused" : "exchange.errors.requestRefusedNoMessage", { params, cause });
  }
}
