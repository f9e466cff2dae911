/**
 * The OKX V5 client: the only way Brokerdesk reaches the exchange (DESIGN.md). One method per endpoint of
 * the shared table (endpoints.ts); each call validates its params (params.ts), waits for a rate-limit token
 * shared through Redis (rate-limiter.ts), signs a fresh request, retries what is safe to retry (retry.ts),
 * logs each attempt (logger.ts) and returns the parsed, typed result (schemas.ts) or throws an OkxError.
 */
import "server-only";
import type { Redis } from "ioredis";
import { ENDPOINTS, type EndpointDef, type EndpointId } from "./endpoints";
import { LOCAL_CODES, OkxError } from "./errors";
import { buildRequest, sendOnce, type OkxCredentials } from "./http";
import { defaultLogger, type OkxLogger } from "./logger";
import { countExchangeCall } from "@/server/metrics/registry";
import { PARAMS, toWire, type ParamsInput } from "./params";
import type { Breaker } from "./breaker";
import { bucketKey, lateToleranceMs, processRateLimiter, redisRateLimiter, type RateLimiter } from "./rate-limiter";
import { backoffDelay, decideRetry, DEFAULT_BACKOFF, sleep as realSleep, type BackoffOptions } from "./retry";
import { RESULTS, type Result } from "./schemas";

export type { OkxCredentials } from "./http";

export interface OkxClientOptions {
  /** https://www.okx.com, or the simulator's URL. */
  baseUrl: string;
  /** null: public market data only. */
  credentials: OkxCredentials | null;
  /** demo adds `x-simulated-trading: 1` (demo-mode keys only). */
  mode: "live" | "demo";
  /** The brand's broker code, sent as `tag` on endpoints that document one. */
  brokerCode?: string | null;
  /** Goes into every log line. */
  brandId?: string | null;
  /** Shares the rate limits with every other process; null → this process's buckets (shared by its clients). */
  redis?: Redis | null;
  /** Per attempt. Default 10 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  logger?: OkxLogger;
  /** Longest wait for a rate-limit token before failing with kind rate_limited. Default 30 s. */
  maxRateWaitMs?: number;
  backoff?: BackoffOptions;
  /** Redis key prefix of the buckets. Default "okx:rl" (tests use their own). */
  rateLimitPrefix?: string;
  /** Test and benchmark seams. */
  limits?: Partial<Record<EndpointId, { count: number; windowMs: number }>>;
  rateLimiter?: RateLimiter;
  /** The circuit breakers this client consults (./breaker.ts); null or absent: none. */
  breaker?: Breaker | null;
  fetch?: typeof fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface CallOptions {
  /** Overrides the client's maxRateWaitMs for this call. */
  maxRateWaitMs?: number;
}

export interface RequestOptions extends CallOptions {
  /**
   * Send the params as given, without the client-side rules — for tests that need the exchange's own
   * answer to a bad request. Never use it in services.
   */
  skipValidation?: boolean;
}

type Method<K extends EndpointId> = object extends ParamsInput<K>
  ? (params?: ParamsInput<K>, options?: CallOptions) => Promise<Result<K>>
  : (params: ParamsInput<K>, options?: CallOptions) => Promise<Result<K>>;

export type OkxClient = { [K in EndpointId]: Method<K> } & {
  /** The generic form of every method. */
  request<K extends EndpointId>(id: K, params: ParamsInput<K> | Record<string, unknown>, options?: RequestOptions): Promise<Result<K>>;
  readonly mode: "live" | "demo";
};

/**
 * Endpoints that document a `tag` (broker code) parameter: OKX takes it on order placement and on
 * close-position, which attributes the order to the broker. Seed 001's broker endpoints take none.
 */
export const TAGGED_ENDPOINTS: ReadonlySet<EndpointId> = new Set<EndpointId>(["placeOrder", "closePosition"]);

/** Typed params → wire strings; an array body travels as its JSON text under its one param (http.ts buildRequest). */
function wireOf(def: EndpointDef, params: Record<string, unknown>): Record<string, string> {
  if (!def.arrayBody) return toWire(params);
  const items = params[def.arrayBody];
  return { [def.arrayBody]: JSON.stringify(Array.isArray(items) ? items.map((i) => toWire(i as Record<string, unknown>)) : []) };
}

export function createOkxClient(options: OkxClientOptions): OkxClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const logger = options.logger ?? defaultLogger();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRetries = options.maxRetries ?? 3;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const prefix = options.rateLimitPrefix ?? "okx:rl";
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? (() => new Date());
  const fetchImpl = options.fetch ?? fetch;
  const credentials = options.credentials;
  const limiter =
    options.rateLimiter ??
    (options.redis
      ? redisRateLimiter(options.redis, (e) => logger.warn("rate-limit store unavailable; using this process's buckets", { error: String(e) }))
      : processRateLimiter);

  const fail = (def: EndpointDef, code: string, msg: string, kind: OkxError["kind"], fields?: string[]) =>
    new OkxError({ code, msg, httpStatus: null, endpoint: def.id, kind, fields });

  function wireParams(def: EndpointDef, params: unknown, skipValidation: boolean): Record<string, string> {
    const raw = (params ?? {}) as Record<string, unknown>;
    if (skipValidation) return wireOf(def, raw);
    const parsed = PARAMS[def.id as EndpointId].safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues;
      const msg = issues.map((i) => `${i.path.join(".") || "params"}: ${i.message}`).join("; ");
      throw fail(def, LOCAL_CODES.params, msg, "parameter", issues.map((i) => i.path.join(".")));
    }
    return wireOf(def, parsed.data as Record<string, unknown>);
  }

  /**
   * Waits for this attempt's token; returns the time waited. A caller that wakes well after its slot (an
   * event-loop stall) does not send late — that would crowd the requests reserved after it into one server
   * window — but takes a fresh slot; the stale one is simply spent.
   */
  async function takeToken(def: EndpointDef, maxWaitMs: number): Promise<number> {
    const limit = options.limits?.[def.id as EndpointId] ?? def.limit;
    const key = bucketKey(prefix, def.id, credentials?.apiKey ?? null, def.limit.key);
    const started = Date.now();
    for (;;) {
      const budget = Math.max(0, maxWaitMs - (Date.now() - started));
      const slot = await limiter.reserve({ key, count: limit.count, windowMs: limit.windowMs }, budget);
      if (!slot.ok) {
        throw fail(def, LOCAL_CODES.rateLimitWait, `next request allowed in ${slot.waitMs} ms, more than the ${maxWaitMs} ms this call may wait`, "rate_limited");
      }
      const plannedAt = Date.now() + slot.waitMs;
      if (slot.waitMs > 0) await sleep(slot.waitMs);
      if (Date.now() - plannedAt <= lateToleranceMs(limit.windowMs)) return Date.now() - started;
    }
  }

  async function request<K extends EndpointId>(id: K, params: unknown, callOptions: RequestOptions = {}): Promise<Result<K>> {
    const def: EndpointDef = ENDPOINTS[id];
    const wire = wireParams(def, params, callOptions.skipValidation ?? false);
    if (def.private && !credentials) throw fail(def, LOCAL_CODES.noCredentials, "this endpoint needs API credentials", "auth");
    const tag = TAGGED_ENDPOINTS.has(id) ? (options.brokerCode ?? null) : null;
    const maxWaitMs = callOptions.maxRateWaitMs ?? options.maxRateWaitMs ?? 30_000;

    const breakerKey = { brandId: options.brandId ?? null, family: def.family };
    let previous: OkxError | null = null;
    for (let attempt = 1; ; attempt++) {
      const admission = options.breaker ? await options.breaker.admit(breakerKey) : null;
      if (admission && !admission.ok) {
        // CIRCUIT_OPEN always means "nothing was sent": a retry the breaker stops ends with the answer
        // the last attempt got (a time-out may have reached OKX), not with the breaker's.
        if (previous) throw previous;
        throw fail(def, LOCAL_CODES.circuitOpen, `calls to ${def.family} are paused after repeated failures; the next try is in ${Math.ceil(admission.retryInMs / 1000)} s`, "transient");
      }
      const waitMs = await takeToken(def, maxWaitMs);
      const req = buildRequest(def, wire, { credentials, mode: options.mode, tag, now: now() });
      const started = performance.now();
      const exchange = await sendOnce(baseUrl, def, req, timeoutMs, fetchImpl);
      let error = exchange.error;
      let result: Result<K> | undefined;
      if (!error) {
        const parsed = RESULTS[id].safeParse(exchange.data);
        if (parsed.success) result = parsed.data as Result<K>;
        else {
          const paths = [...new Set(parsed.error.issues.map((i) => i.path.join(".")))];
          const msg = `response did not match the expected shape at ${paths.join(", ")}`;
          error = new OkxError({ code: LOCAL_CODES.badResponse, msg, httpStatus: exchange.httpStatus, endpoint: def.id, kind: "permanent", fields: paths });
        }
      }
      logger.call({
        event: "okx.call",
        method: def.method,
        path: def.path,
        endpoint: def.id,
        code: error?.code ?? exchange.code,
        httpStatus: exchange.httpStatus,
        latencyMs: Math.round(performance.now() - started),
        attempt,
        waitMs,
        brandId: options.brandId ?? null,
        outcome: error ? error.kind : "ok",
      });
      countExchangeCall(def.id, error?.code ?? exchange.code, error ? error.kind : "ok");
      // Only a sign that the exchange is unwell counts against the breaker, and a rate limit is neither
      // health nor illness (it would reset the run of failures): not recorded. Recorded in the background.
      if (error?.kind !== "rate_limited") void options.breaker?.record(breakerKey, !error || error.kind !== "transient");
      if (!error) return result as Result<K>;
      const decision = decideRetry(error, { creates: def.creates === true, attempt, maxRetries });
      if (!decision.retry) throw decision.error;
      previous = error;
      await sleep(backoffDelay(attempt, backoff, options.random));
    }
  }

  const methods = Object.fromEntries(
    (Object.keys(ENDPOINTS) as EndpointId[]).map((id) => [id, (params?: unknown, o?: CallOptions) => request(id, params, o)]),
  );
  return { ...methods, request, mode: options.mode } as OkxClient;
}
