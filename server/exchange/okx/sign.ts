/**
 * OKX V5 request signing (../shared/OKX.md): base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath + body)),
 * requestPath including "?query" for GET, body the exact JSON text sent (empty for GET). The simulator
 * verifies with the same function over the raw bytes it received.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/** ISO-8601 UTC with milliseconds, e.g. 2020-12-08T09:08:57.715Z. */
export const okxTimestamp = (date = new Date()) => date.toISOString();

export function signOkx(secret: string, timestamp: string, method: string, requestPath: string, body = ""): string {
  return createHmac("sha256", secret).update(timestamp + method.toUpperCase() + requestPath + body).digest("base64");
}

export function verifyOkxSignature(
  secret: string,
  signature: string,
  timestamp: string,
  method: string,
  requestPath: string,
  body: string,
): boolean {
  const expected = Buffer.from(signOkx(secret, timestamp, method, requestPath, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
