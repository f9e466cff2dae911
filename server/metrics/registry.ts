/**
 * The process's Prometheus metrics (prom-client), served by GET /api/metrics (app/api/metrics/route.ts).
 * One registry per process, kept on globalThis: Next's dev server re-evaluates modules on every change and
 * prom-client throws when a name is registered twice.
 *
 * Labels are bounded and carry no secret and no customer: a tRPC procedure path, a partner endpoint's
 * operationId, an OKX endpoint id and its answer code, a queue name and a job state. Never a brand, a
 * sub-account, a key or a URL's query.
 */
import "server-only";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export const METRIC_PREFIX = "brokerdesk_";

interface Metrics {
  registry: Registry;
  requestDuration: Histogram<"api" | "route" | "outcome">;
  exchangeCalls: Counter<"endpoint" | "code" | "outcome">;
  queueJobs: Gauge<"queue" | "state">;
  queueScrapeUp: Gauge;
}

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  return {
    registry,
    requestDuration: new Histogram({
      name: `${METRIC_PREFIX}request_duration_seconds`,
      help: "Time to answer a tRPC procedure or a partner API request, by API, route and outcome",
      labelNames: ["api", "route", "outcome"] as const,
      // From a cached read (~5 ms) to a slow exchange-backed action (10 s).
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    exchangeCalls: new Counter({
      name: `${METRIC_PREFIX}exchange_calls_total`,
      help: "HTTP exchanges with OKX made by this process, by endpoint, answer code and outcome (each retry counts)",
      labelNames: ["endpoint", "code", "outcome"] as const,
      registers: [registry],
    }),
    queueJobs: new Gauge({
      name: `${METRIC_PREFIX}queue_jobs`,
      help: "Jobs in each queue by state, read from Redis when scraped",
      labelNames: ["queue", "state"] as const,
      registers: [registry],
    }),
    queueScrapeUp: new Gauge({
      name: `${METRIC_PREFIX}queue_scrape_up`,
      help: "1 when the queue depths could be read from Redis during this scrape, else 0",
      registers: [registry],
    }),
  };
}

const holder = globalThis as unknown as { __brokerdeskMetrics?: Metrics };

/** This process's metrics, created on first use. */
export function metrics(): Metrics {
  holder.__brokerdeskMetrics ??= create();
  return holder.__brokerdeskMetrics;
}

/** Records one answered request; `route` must come from a fixed set (a procedure path, an operationId). */
export function observeRequest(api: "trpc" | "partner", route: string, outcome: string, seconds: number): void {
  metrics().requestDuration.observe({ api, route, outcome }, seconds);
}

/** Counts one HTTP exchange with OKX (server/exchange/okx/client.ts, beside its `okx.call` log line). */
export function countExchangeCall(endpoint: string, code: string | null, outcome: string): void {
  metrics().exchangeCalls.inc({ endpoint, code: code ?? "none", outcome });
}
