/**
 * Requests the typed client cannot express (no header, malformed JSON, raw bytes, a streamed body), signed
 * as a partner would sign them, for `handlePartnerRequest`. Tests use the typed client for everything else.
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { HEADERS, sign } from "@/lib/partner-api/signing";
import type { PartnerCredentials } from "./client";

export interface RawOptions {
  /** The body as sent: text, bytes, or a stream (then `signedBody` holds the bytes it signs over). */
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  signedBody?: string | Uint8Array;
  headers?: Record<string, string>;
  /** Headers to leave off after signing (e.g. one of the BD-ACCESS-* three). */
  omit?: string[];
  timestamp?: string;
}

/** A signed Request to `/api/v1<pathAndQuery>`; POSTs get JSON and a fresh Idempotency-Key unless told. */
export function signedRequest(credentials: PartnerCredentials, method: string, pathAndQuery: string, options: RawOptions = {}): Request {
  const requestPath = `/api/v1${pathAndQuery}`;
  const timestamp = options.timestamp ?? new Date().toISOString();
  const signed = options.signedBody ?? (options.body instanceof ReadableStream ? "" : (options.body ?? ""));
  const headers = new Headers({
    [HEADERS.key]: credentials.accessKey,
    [HEADERS.timestamp]: timestamp,
    [HEADERS.sign]: sign(credentials.secret, timestamp, method, requestPath, signed),
    ...(method === "POST" ? { "content-type": "application/json", [HEADERS.idempotency]: randomUUID() } : {}),
    ...options.headers,
  });
  for (const name of options.omit ?? []) headers.delete(name);
  const stream = options.body instanceof ReadableStream;
  return new Request(`http://partner.test${requestPath}`, { method, headers, body: options.body as BodyInit | undefined, ...(stream ? { duplex: "half" } : {}) } as RequestInit);
}

export interface Refusal {
  code: string;
  message: string;
  field: string | null;
  requestId: string;
}

/** Checks a refusal's status, code and field, and that its requestId is the X-Request-Id header's. */
export async function expectRefusal(
  got: Response | { response: Response; error?: unknown },
  status: number,
  code: string,
  field: string | null,
): Promise<Refusal> {
  const response = got instanceof Response ? got : got.response;
  const body = (got instanceof Response ? await got.json() : got.error) as Refusal;
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(body).toMatchObject({ code, field });
  expect(typeof body.message).toBe("string");
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers.get(HEADERS.requestId)).toBe(body.requestId);
  return body;
}
