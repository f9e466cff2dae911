/**
 * One HTTP exchange with OKX: build the signed request, send it under a time-out, and turn whatever comes
 * back (or doesn't) into the envelope's `data` or an OkxError. No retries or limits here: client.ts.
 */
import "server-only";
import type { EndpointDef } from "./endpoints";
import { LOCAL_CODES, OkxError } from "./errors";
import { ENVELOPE } from "./schemas";
import { okxTimestamp, signOkx } from "./sign";

export interface OkxCredentials {
  apiKey: string;
  secretKey: string;
  passphrase: string;
}

export interface BuiltRequest {
  method: "GET" | "POST";
  /** Path plus `?query` for GET: what is signed and what is sent. */
  requestPath: string;
  /** Exact JSON text sent and signed; "" for GET. */
  body: string;
  headers: Record<string, string>;
}

export interface RequestContext {
  credentials: OkxCredentials | null;
  mode: "live" | "demo";
  /** The brand's broker code, for endpoints that document a `tag` parameter; null elsewhere. */
  tag: string | null;
  /** Signing time: fresh for every attempt, so a retry is never refused as expired (50102). */
  now: Date;
}

/** Wire params → a signed request. GET params go in the query (in order), POST params in a JSON body. */
export function buildRequest(def: EndpointDef, wire: Record<string, string>, ctx: RequestContext): BuiltRequest {
  const fields = ctx.tag && wire.tag === undefined ? { ...wire, tag: ctx.tag } : wire;
  const query = def.method === "GET" ? new URLSearchParams(fields).toString() : "";
  const requestPath = query ? `${def.path}?${query}` : def.path;
  // An array-body POST (cancel-batch-orders): the client put the array's JSON text under that one param.
  const body = def.method !== "POST" ? "" : def.arrayBody ? (fields[def.arrayBody] ?? "[]") : JSON.stringify(fields);
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
  // Demo trading: same host, this header, and keys created in demo mode.
  if (ctx.mode === "demo") headers["x-simulated-trading"] = "1";
  if (def.private && ctx.credentials) {
    const timestamp = okxTimestamp(ctx.now);
    headers["OK-ACCESS-KEY"] = ctx.credentials.apiKey;
    headers["OK-ACCESS-SIGN"] = signOkx(ctx.credentials.secretKey, timestamp, def.method, requestPath, body);
    headers["OK-ACCESS-TIMESTAMP"] = timestamp;
    headers["OK-ACCESS-PASSPHRASE"] = ctx.credentials.passphrase;
  }
  return { method: def.method, requestPath, body, headers };
}

export interface Exchange {
  httpStatus: number | null;
  /** OKX's code, or the local code of the failure. */
  code: string | null;
  /** The envelope's `data` on success. */
  data?: unknown;
  error?: OkxError;
}

type Fetch = typeof fetch;

/** Send once; never throws: the outcome (data or OkxError) comes back with the status and code for the log. */
export async function sendOnce(baseUrl: string, def: EndpointDef, req: BuiltRequest, timeoutMs: number, fetchImpl: Fetch): Promise<Exchange> {
  const fail = (code: string, msg: string, httpStatus: number | null, cause?: unknown, kind?: OkxError["kind"]): Exchange => ({
    httpStatus,
    code,
    error: new OkxError({ code, msg, httpStatus, endpoint: def.id, kind, cause }),
  });
  let status: number;
  let text: string;
  try {
    // One signal for the whole exchange, body included: a server that stalls mid-body is a time-out too.
    const signal = AbortSignal.timeout(timeoutMs);
    const res = await fetchImpl(baseUrl + req.requestPath, {
      method: req.method,
      headers: req.headers,
      body: req.method === "POST" ? req.body : undefined,
      signal,
    });
    status = res.status;
    text = await res.text();
  } catch (e) {
    if (isTimeout(e)) return fail(LOCAL_CODES.timeout, `no answer within ${timeoutMs} ms`, null, e, "transient");
    if (isRefused(e)) return fail(LOCAL_CODES.connect, "connection refused", null, e, "transient");
    return fail(LOCAL_CODES.network, "connection failed or dropped", null, e, "transient");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const envelope = ENVELOPE.safeParse(json);
  if (!envelope.success) {
    // 5xx and 429 without OKX's envelope (a proxy or load balancer answered) are still transient / limits.
    if (status >= 500 || status === 429) return fail(`HTTP_${status}`, `HTTP ${status}`, status);
    return fail(LOCAL_CODES.badResponse, `unreadable response (HTTP ${status})`, status, undefined, "permanent");
  }
  const { code, msg, data } = envelope.data;
  if (code !== "0" && def.perItem && (code === "1" || code === "2") && Array.isArray(data) && data.length > 0) return perItemAnswer(def, code, status, data);
  if (code !== "0") return fail(code, msg, status);
  if (status >= 400) return fail(`HTTP_${status}`, `HTTP ${status} with code 0`, status);
  return { httpStatus: status, code, data };
}

/**
 * OKX's per-item answers: code "2" (some failed) and a multi-item "1" (all failed) come back as rows, each
 * with its own sCode / sMsg; a one-item "1" is that item's refusal, thrown with the item's code.
 */
function perItemAnswer(def: EndpointDef, code: string, status: number, data: unknown[]): Exchange {
  if (code === "2" || data.length > 1) return { httpStatus: status, code, data };
  const item = (data[0] ?? {}) as { sCode?: unknown; sMsg?: unknown };
  const sCode = typeof item.sCode === "string" && item.sCode !== "" ? item.sCode : code;
  const sMsg = typeof item.sMsg === "string" ? item.sMsg : "";
  return { httpStatus: status, code: sCode, error: new OkxError({ code: sCode, msg: sMsg, httpStatus: status, endpoint: def.id }) };
}

function isTimeout(e: unknown): boolean {
  return e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
}

function isRefused(e: unknown): boolean {
  const cause = e instanceof Error ? (e.cause as { code?: string; errors?: { code?: string }[] } | undefined) : undefined;
  if (!cause) return false;
  if (cause.code === "ECONNREFUSED") return true;
  return Array.isArray(cause.errors) && cause.errors.length > 0 && cause.errors.every((x) => x.code === "ECONNREFUSED");
}
