/**
 * Every partner API request goes through `handlePartnerRequest`: find the endpoint, read the body (capped),
 * authenticate (./authenticate.ts), validate path, query and body against the endpoint's schemas, claim the
 * idempotency key (POST), run the handler, answer. Anything that is not an AppError is a bug: logged with
 * the request id, answered 500 in the same shape, and never saved as an idempotent answer.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { ZodError, type z } from "zod";
import { requestMetaFrom } from "../actor";
import { db as defaultDb, type Db } from "../db/client";
import { isConnectionError } from "../db/connection-errors";
import { isEmergencyStop } from "../emergency/guard";
import { AppError, databaseUnavailable } from "../errors";
import { observeRequest } from "../metrics/registry";
import { limitBody, declaredOver } from "../http/body-limit";
import { HEADERS } from "@/lib/partner-api/signing";
import { isPlainText } from "@/lib/validation/text";
import { json, localeOf, refusalAnswer, toResponse, type Answer } from "./answer";
import { authenticate, type RateState } from "./authenticate";
import { PARTNER_ENDPOINTS } from "./endpoints";
import { claim, release, requestHash, saveAnswer } from "./idempotency";
import type { PartnerEndpoint } from "./registry";

export const API_PREFIX = "/api/v1";
export const MAX_BODY_BYTES = 64 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

interface Route {
  endpoint: PartnerEndpoint;
  pattern: RegExp;
  names: string[];
}

const ROUTES: Route[] = PARTNER_ENDPOINTS.map((endpoint) => {
  const names: string[] = [];
  const source = endpoint.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{(\w+)\\?\}|\{(\w+)\}/g, (_m, a, b) => {
    names.push(a ?? b);
    return "([^/]+)";
  });
  return { endpoint, pattern: new RegExp(`^${source}$`), names };
});

function findRoute(method: string, path: string): { route: Route; params: Record<string, string> } | AppError {
  let pathKnown = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (route.endpoint.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [i, name] of route.names.entries()) {
      try {
        params[name] = decodeURIComponent(match[i + 1]);
      } catch {
        return new AppError("VALIDATION", "partnerApi.errors.invalidValue", { field: name, params: { field: name, detail: "malformed percent-encoding" } });
      }
    }
    return { route, params };
  }
  return pathKnown
    ? new AppError("VALIDATION", "partnerApi.errors.methodNotAllowed", { params: { method } })
    : new AppError("NOT_FOUND", "errors.notFound.route");
}

/** No endpoint's body nests deeper; a deeper one (a 64 KB "[[[[…" ) would overflow the walk below. */
const MAX_BODY_DEPTH = 32;

/** The first string holding NUL or a lone surrogate, by its path ("customers.0.name"). */
function badTextPath(value: unknown, path: string[] = []): string | null {
  if (path.length > MAX_BODY_DEPTH) {
    throw new AppError("VALIDATION", "partnerApi.errors.invalidValue", { field: "body", params: { field: "body", detail: `nested more than ${MAX_BODY_DEPTH} levels deep` } });
  }
  if (typeof value === "string") return isPlainText(value, true) && !value.includes("\0") ? null : path.join(".") || "body";
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badTextPath(value[i], [...path, String(i)]);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = badTextPath(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

function inputRefusal(error: ZodError): AppError {
  const issue = error.issues[0];
  const base = issue?.path.map(String) ?? [];
  if (issue?.code === "unrecognized_keys") {
    const field = [...base, issue.keys[0]].join(".");
    return new AppError("VALIDATION", "partnerApi.errors.unknownField", { field, params: { field } });
  }
  const field = base.join(".") || "body";
  return new AppError("VALIDATION", "partnerApi.errors.invalidValue", { field, params: { field, detail: issue?.message ?? "invalid" } });
}

function parseWith<S extends z.ZodType>(schema: S | undefined, value: unknown): z.output<S> | Record<string, never> {
  if (!schema) return {};
  const result = schema.safeParse(value);
  if (!result.success) throw inputRefusal(result.error);
  return result.data;
}

function readJson(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("VALIDATION", "partnerApi.errors.invalidUtf8", { field: "body" });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "partnerApi.errors.invalidJson", { field: "body" });
  }
  const bad = badTextPath(value);
  if (bad) throw new AppError("VALIDATION", "partnerApi.errors.badText", { field: bad, params: { field: bad } });
  return value;
}

async function readBody(req: Request): Promise<Uint8Array> {
  const bodyTooLarge = () => new AppError("VALIDATION", "errors.bodyTooLarge", { field: "body", params: { max: MAX_BODY_BYTES / 1024 } });
  if (declaredOver(req, MAX_BODY_BYTES)) throw bodyTooLarge();
  const limited = limitBody(req, MAX_BODY_BYTES);
  try {
    return new Uint8Array(await limited.request.arrayBuffer());
  } catch (error) {
    if (limited.exceeded()) throw bodyTooLarge();
    throw error;
  }
}

/**
 * Outside production every answer is checked against the endpoint's documented schema, so the tests (which
 * read answers through the client generated from that document) fail when a handler drifts from it.
 */
function checked(endpoint: PartnerEndpoint, value: unknown): unknown {
  if (process.env.NODE_ENV === "production") return value;
  const result = endpoint.response.safeParse(value);
  if (!result.success) throw new Error(`${endpoint.operationId} answered outside its schema: ${JSON.stringify(result.error.issues.slice(0, 3))}`);
  return value;
}

const rateHeaders = (rate: RateState | null): Record<string, string> =>
  rate ? { "X-RateLimit-Limit": String(rate.limit), "X-RateLimit-Remaining": String(rate.remaining), "X-RateLimit-Reset": String(Math.ceil(rate.resetMs / 1000)) } : {};

function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return inputRefusal(error);
  if (isConnectionError(error)) return databaseUnavailable(error);
  return null;
}

async function run(db: Db, req: Request, requestId: string, rateOut: { rate: RateState | null; replayed: boolean }): Promise<Answer> {
  const url = new URL(req.url);
  const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) || "/" : url.pathname;
  const found = findRoute(req.method, path);
  if (found instanceof AppError) throw found;
  const { endpoint } = found.route;

  const body = req.method === "GET" ? new Uint8Array() : await readBody(req);
  const { ctx, rate } = await authenticate(
    db,
    { method: req.method, requestPath: url.pathname + url.search, headers: req.headers, body, meta: requestMetaFrom(req.headers) },
    endpoint,
  );
  rateOut.rate = rate;

  let idempotencyKey: string | null = null;
  if (endpoint.method === "POST") {
    idempotencyKey = req.headers.get(HEADERS.idempotency);
    if (!idempotencyKey) throw new AppError("VALIDATION", "partnerApi.errors.idempotencyKeyMissing", { field: HEADERS.idempotency });
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) throw new AppError("VALIDATION", "partnerApi.errors.idempotencyKeyInvalid", { field: HEADERS.idempotency });
    if (endpoint.body && !/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
      throw new AppError("VALIDATION", "partnerApi.errors.unsupportedMediaType", { field: "Content-Type" });
    }
  }
  const input = {
    params: parseWith(endpoint.params, found.params),
    query: parseWith(endpoint.query, Object.fromEntries(url.searchParams)),
    body: parseWith(endpoint.body, endpoint.body ? readJson(body) : undefined),
    idempotencyKey,
  };
  const execute = async (): Promise<Answer> => json(endpoint.status ?? 200, checked(endpoint, await endpoint.handler(ctx, input as never)));
  if (!idempotencyKey) return execute();

  const claimed = await claim(ctx, idempotencyKey, requestHash(req.method, url.pathname + url.search, body));
  if (claimed.kind === "mismatch") throw new AppError("CONFLICT", "partnerApi.errors.idempotencyKeyReused", { field: HEADERS.idempotency });
  if (claimed.kind === "in_flight") throw new AppError("CONFLICT", "partnerApi.errors.idempotencyInFlight", { field: HEADERS.idempotency });
  if (claimed.kind === "replay") {
    rateOut.replayed = true;
    return { status: claimed.status, body: claimed.body, headers: {} };
  }
  let answer: Answer;
  try {
    answer = await execute();
  } catch (error) {
    const refusal = asAppError(error);
    // Refusals that pass are not saved: a retry with the same key must run again (the emergency stop is reset, the service is back).
    if (!refusal || refusal.code === "UNAVAILABLE" || refusal.code === "EXCHANGE_ERROR" || refusal.code === "RATE_LIMITED" || isEmergencyStop(refusal)) {
      release(db, claimed.id);
      throw error;
    }
    answer = refusalAnswer(refusal, requestId, "en");
  }
  await saveAnswer(db, claimed.id, answer.status, answer.body);
  return answer;
}

/** A handler over another database client (tests put one behind a proxy that can "restart"). */
export const partnerHandler = (db: Db) => (req: Request) => timed(db, req);
export const handlePartnerRequest = (req: Request) => timed(defaultDb, req);

/** The metrics' request histogram: the endpoint's operationId (never the path: it holds ids) and the status. */
async function timed(db: Db, req: Request): Promise<Response> {
  const started = performance.now();
  const response = await handle(db, req);
  const url = new URL(req.url);
  const found = findRoute(req.method, url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) || "/" : url.pathname);
  const route = found instanceof AppError ? "unknown" : found.route.endpoint.operationId;
  observeRequest("partner", route, String(response.status), (performance.now() - started) / 1000);
  return response;
}

async function handle(db: Db, req: Request): Promise<Response> {
  const requestId = randomUUID();
  const locale = localeOf(req.headers);
  const state = { rate: null as RateState | null, replayed: false };
  try {
    const answer = await run(db, req, requestId, state);
    return toResponse(answer, requestId, { ...rateHeaders(state.rate), ...(state.replayed ? { "Idempotent-Replayed": "true" } : {}) });
  } catch (error) {
    const refusal = asAppError(error);
    if (refusal) return toResponse(refusalAnswer(refusal, requestId, locale), requestId, rateHeaders(state.rate));
    console.error(`[partner-api] ${requestId} ${req.method} ${new URL(req.url).pathname}:`, error);
    return toResponse(json(500, { code: "errors.internal", message: "Something went wrong. The error has been logged.", field: null, requestId }), requestId);
  }
}
