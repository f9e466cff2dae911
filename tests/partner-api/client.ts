/**
 * The typed client the partner API tests call it with: openapi-fetch over the definitions generated from
 * the API's own document (./openapi.d.ts), signing each request as a partner would (lib/partner-api/signing).
 * By default it calls the route handler in process — the same Request/Response the production server
 * hands it, without a socket; `baseUrl` + global fetch point it at a running server instead.
 */
import { randomUUID } from "node:crypto";
import createClient, { type Middleware } from "openapi-fetch";
import type { Db } from "@/server/db/client";
import { handlePartnerRequest, partnerHandler } from "@/server/partner/dispatch";
import { HEADERS, sign } from "@/lib/partner-api/signing";
import type { paths } from "./openapi";

export interface PartnerCredentials {
  accessKey: string;
  secret: string;
}

export interface ClientOptions {
  /** The address the request comes from (X-Forwarded-For, as the production server sets it). */
  ip?: string;
  /** Another database client for the handler (the restart test). */
  db?: Db;
  /** A running server's origin; in process when absent. */
  origin?: string;
  /** Shifts the signed timestamp (clock-skew tests) — or replaces it. */
  timestamp?: () => string;
  /** Leaves the Idempotency-Key header off unless the call sets one. */
  noIdempotencyKey?: boolean;
  acceptLanguage?: string;
}

/** Signs the request exactly as sent: method, path + query, and the body's bytes. */
export function signingMiddleware(credentials: PartnerCredentials, options: ClientOptions = {}): Middleware {
  return {
    async onRequest({ request }) {
      const url = new URL(request.url);
      const body = request.method === "GET" ? new Uint8Array() : new Uint8Array(await request.clone().arrayBuffer());
      const timestamp = options.timestamp?.() ?? new Date().toISOString();
      request.headers.set(HEADERS.key, credentials.accessKey);
      request.headers.set(HEADERS.timestamp, timestamp);
      request.headers.set(HEADERS.sign, sign(credentials.secret, timestamp, request.method, url.pathname + url.search, body));
      if (request.method === "POST" && !options.noIdempotencyKey && !request.headers.has(HEADERS.idempotency)) {
        request.headers.set(HEADERS.idempotency, randomUUID());
      }
      if (options.ip) request.headers.set("x-forwarded-for", options.ip);
      if (options.acceptLanguage) request.headers.set("accept-language", options.acceptLanguage);
      return request;
    },
  };
}

/** In-process fetch: the route's handler, given the Request openapi-fetch built. */
export const inProcessFetch = (db?: Db) => {
  const handler = db ? partnerHandler(db) : handlePartnerRequest;
  return (input: Request) => handler(input);
};

export function partnerClient(credentials: PartnerCredentials, options: ClientOptions = {}) {
  const client = createClient<paths>({
    baseUrl: `${options.origin ?? "http://partner.test"}/api/v1`,
    fetch: options.origin ? undefined : inProcessFetch(options.db),
  });
  client.use(signingMiddleware(credentials, options));
  return client;
}

export type PartnerClient = ReturnType<typeof partnerClient>;

/** The Idempotency-Key header params of a POST: a fresh key, or the one given (retries). */
export const idempotent = (key: string = randomUUID()) => ({ header: { "Idempotency-Key": key } });
