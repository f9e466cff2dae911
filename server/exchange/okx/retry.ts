/**
 * When the client tries again, and how long it waits first.
 *
 * Retried: 50011 (OKX rejected the request before doing anything), and transient failures — HTTP 5xx,
 * system-busy codes, time-outs, dropped connections — except for a POST that creates something
 * (`creates` in the endpoint table): after a time-out or 5xx that first attempt may have worked, and a
 * second one could make a second sub-account, API key or address. That case fails at once, marked
 * `outcomeUnknown`, so the service can look before it leaps.
 */
import "server-only";
import { LOCAL_CODES, OkxError } from "./errors";

export interface BackoffOptions {
  /** First retry waits up to this. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 250, capMs: 8000 };

/**
 * "Full jitter" (AWS architecture blog): uniform in [0, min(cap, base·2^(retry-1))]. Spreads the retries
 * of many callers that failed together instead of having them return in lock-step.
 */
export function backoffDelay(retry: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

export type RetryDecision = { retry: true } | { retry: false; error: OkxError };

/** Decide after a failed attempt; `error` is returned (possibly re-marked) when giving up. */
export function decideRetry(error: OkxError, options: { creates: boolean; attempt: number; maxRetries: number }): RetryDecision {
  const outOfAttempts = options.attempt > options.maxRetries;
  if (error.kind === "rate_limited") return outOfAttempts ? { retry: false, error } : { retry: true };
  if (error.kind !== "transient") return { retry: false, error };
  // A refused connection never reached OKX: safe to try again even for a creating POST.
  if (options.creates && error.code !== LOCAL_CODES.connect) {
    return {
      retry: false,
      error: new OkxError({
        code: error.code,
        msg: `${error.msg ? `${error.msg}; ` : ""}not retried: this request creates something and may have succeeded`,
        httpStatus: error.httpStatus,
        endpoint: error.endpoint,
        kind: "transient",
        outcomeUnknown: true,
        cause: error,
      }),
    };
  }
  return outOfAttempts ? { retry: false, error } : { retry: true };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
