/**
 * One log line per HTTP exchange with OKX. The line is built from a fixed set of fields — never from
 * headers, the query string or the body — so a key, secret, passphrase or signature cannot end up in it.
 */
import "server-only";
import type { OkxErrorKind } from "./errors";

export interface OkxCallLog {
  event: "okx.call";
  method: string;
  /** Without the query string (it can carry an API key or a sub-account name). */
  path: string;
  endpoint: string;
  /** OKX's code ("0" on success), a local code (TIMEOUT, NETWORK, ...), or null. */
  code: string | null;
  httpStatus: number | null;
  latencyMs: number;
  /** 1 for the first try. */
  attempt: number;
  /** Time spent waiting for a rate-limit token before this attempt. */
  waitMs: number;
  brandId: string | null;
  outcome: "ok" | OkxErrorKind;
}

export type LogFields = Record<string, string | number | boolean | null>;

export interface OkxLogger {
  call(line: OkxCallLog): void;
  warn(message: string, fields?: LogFields): void;
}

/** JSON lines on stdout, `level` first: info for calls, warn for degraded operation. */
export const jsonLogger: OkxLogger = {
  call: (line) => process.stdout.write(`${JSON.stringify({ level: "info", time: new Date().toISOString(), ...line })}\n`),
  warn: (message, fields = {}) =>
    process.stdout.write(`${JSON.stringify({ level: "warn", time: new Date().toISOString(), event: "okx.warn", message, ...fields })}\n`),
};

export const silentLogger: OkxLogger = { call: () => {}, warn: () => {} };

/** Tests stay quiet unless they pass a logger; everything else logs JSON lines. */
export const defaultLogger = (): OkxLogger => (process.env.VITEST ? silentLogger : jsonLogger);
