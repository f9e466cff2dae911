/**
 * The two unauthenticated-by-session endpoints an orchestrator and a scraper call:
 *  - GET /api/health: 200 {"status":"ok"} when PostgreSQL and Redis each answer within 1 s, else 503
 *    {"status":"unavailable"} — no details, no versions, no timings.
 *  - GET /api/metrics: this process's Prometheus metrics, for `Authorization: Bearer <METRICS_TOKEN>`.
 *    No token configured → 404 (the route does not exist for this installation); missing or wrong → 401.
 * Both are factories over their dependencies so tests can aim a check at a closed port or set a token.
 */
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { metrics } from "../metrics/registry";
import type { Probe } from "./probes";
import { queueDepths } from "./queues";

const NO_STORE = { "Cache-Control": "no-store" };

export interface HealthChecks {
  postgres: () => Promise<Probe>;
  redis: () => Promise<Probe>;
}

export function healthHandler(checks: HealthChecks) {
  return async (): Promise<Response> => {
    const [postgres, redis] = await Promise.all([checks.postgres(), checks.redis()]);
    const up = postgres.up && redis.up;
    return Response.json({ status: up ? "ok" : "unavailable" }, { status: up ? 200 : 503, headers: NO_STORE });
  };
}

/** Equal in constant time: both sides are hashed first, so neither length nor content leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Reads every queue's depth into the gauges just before they are rendered (Redis away: no samples, up = 0). */
async function refreshQueueGauges(): Promise<void> {
  const m = metrics();
  const depths = await queueDepths(1_000);
  m.queueJobs.reset();
  m.queueScrapeUp.set(depths ? 1 : 0);
  for (const q of depths ?? []) {
    for (const state of ["waiting", "active", "delayed", "failed"] as const) m.queueJobs.set({ queue: q.name, state }, q[state]);
  }
}

export function metricsHandler(token: string | undefined) {
  return async (req: Request): Promise<Response> => {
    if (!token) return new Response(null, { status: 404, headers: NO_STORE });
    const header = req.headers.get("authorization") ?? "";
    const given = /^Bearer (.+)$/i.exec(header)?.[1]?.trim() ?? "";
    if (!given || !sameToken(given, token)) {
      return new Response("unauthorized\n", { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="metrics"' } });
    }
    await refreshQueueGauges();
    const { registry } = metrics();
    return new Response(await registry.metrics(), { status: 200, headers: { ...NO_STORE, "Content-Type": registry.contentType } });
  };
}
