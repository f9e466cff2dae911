/**
 * How a partner request is signed — OKX's V5 scheme with Brokerdesk's header names, so partners of an OKX
 * broker already know it:
 *
 *   BD-ACCESS-SIGN = base64( HMAC-SHA256( secret, timestamp + METHOD + requestPath + body ) )
 *
 * `timestamp` is BD-ACCESS-TIMESTAMP as sent (ISO-8601 UTC with milliseconds), `requestPath` the path with
 * its query string exactly as sent (`/api/v1/customers?limit=20`), `body` the raw bytes of the body ("" for
 * a GET). The server verifies over the bytes it received, never a re-serialisation. Shared by the server
 * (server/partner/authenticate.ts) and the tests' client. Node only (node:crypto): client code takes the
 * header names from ./headers.ts.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export { HEADERS, TIMESTAMP_WINDOW_MS } from "./headers";
import { TIMESTAMP_WINDOW_MS } from "./headers";

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function sign(secret: string, timestamp: string, method: string, requestPath: string, body: Uint8Array | string = ""): string {
  const hmac = createHmac("sha256", secret);
  hmac.update(timestamp + method.toUpperCase() + requestPath);
  if (body.length > 0) hmac.update(body);
  return hmac.digest("base64");
}

/** Compares in constant time; a signature that is not base64 of 32 bytes never matches. */
export function signatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "base64");
  const b = Buffer.from(given, "base64");
  return a.length === 32 && b.length === a.length && timingSafeEqual(a, b);
}

/** The timestamp's time, or null when it is not ISO-8601 UTC with milliseconds. */
export function parseTimestamp(value: string): number | null {
  if (!ISO_MS.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export const withinWindow = (timestampMs: number, nowMs: number) => Math.abs(nowMs - timestampMs) <= TIMESTAMP_WINDOW_MS;
