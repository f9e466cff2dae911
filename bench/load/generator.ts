/**
 * Two ways of sending load, both over keep-alive HTTP/1.1 with Node's own client (light enough to share
 * the machine with the server):
 *  - `openLoop`: requests at evenly spaced instants (rate r → one every 1000/r ms), whatever the server
 *    does; latency is measured from the instant a request was DUE, so a server that falls behind is
 *    charged for the queue it builds (no coordinated omission). autocannon's -R sends bursts instead.
 *  - `closedLoop`: `concurrency` requests in flight at all times for a duration: the saturation rate.
 */
import http from "node:http";

export interface Target {
  /** Label in the results, e.g. "customer.list (tRPC)". */
  name: string;
  path: string;
  /** Share of the mix (weights are relative). */
  weight?: number;
  /** Headers of this kind of request, on top of the common ones (e.g. `rsc: 1` for a client-side navigation). */
  headers?: Record<string, string>;
}

export interface Outcome {
  name: string;
  latencyMs: number;
  status: number;
  bytes: number;
}

export interface LoadOptions {
  origin: string;
  headers: Record<string, string>;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One GET; resolves with its status and size (a refused or reset connection is status 0). */
export function get(options: LoadOptions, path: string, extraHeaders: Record<string, string> = {}): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve) => {
    const req = http.get(`${options.origin}${path}`, { agent, headers: { ...options.headers, ...extraHeaders } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on("error", () => resolve({ status: 0, bytes }));
    });
    req.setTimeout(30_000, () => req.destroy());
    req.on("error", () => resolve({ status: 0, bytes: 0 }));
  });
}

/** The mix as a repeating sequence: each target in proportion to its weight, interleaved. */
function schedule(targets: Target[]): Target[] {
  const slots: { target: Target; at: number }[] = [];
  for (const target of targets) {
    const n = target.weight ?? 1;
    for (let k = 0; k < n; k++) slots.push({ target, at: (k + 0.5) / n });
  }
  return slots.sort((a, b) => a.at - b.at).map((s) => s.target);
}

/**
 * Calls `fire(i, due)` at `rate` evenly spaced instants for `durationMs` and waits for every call; each call
 * measures from its due instant, so queueing counts (no coordinated omission).
 */
export async function paced(rate: number, durationMs: number, fire: (i: number, due: number) => Promise<void>): Promise<void> {
  const interval = 1000 / rate;
  const total = Math.round((durationMs / 1000) * rate);
  const pending: Promise<void>[] = [];
  const start = performance.now() + 50;
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(fire(i, due));
  }
  await Promise.all(pending);
}

/** `concurrency` calls of `once` (true: it succeeded) in flight at all times for `durationMs`: the saturation rate. */
export async function saturate(concurrency: number, durationMs: number, once: () => Promise<boolean>) {
  const end = performance.now() + durationMs;
  let done = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        if (await once()) done++;
        else failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { done, failed, seconds, perSecond: done / seconds };
}

export async function openLoop(options: LoadOptions, targets: Target[], rate: number, durationMs: number): Promise<Outcome[]> {
  const order = schedule(targets);
  const outcomes: Outcome[] = [];
  await paced(rate, durationMs, async (i, due) => {
    const target = order[i % order.length];
    const { status, bytes } = await get(options, target.path, target.headers);
    outcomes.push({ name: target.name, latencyMs: performance.now() - due, status, bytes });
  });
  return outcomes;
}

export const closedLoop = (options: LoadOptions, path: string, concurrency: number, durationMs: number) =>
  saturate(concurrency, durationMs, async () => (await get(options, path)).status === 200);

export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** p50/p95/p99/max, errors and bytes, per target and overall. */
export function summarise(outcomes: Outcome[]) {
  const groups = new Map<string, Outcome[]>([["all", outcomes]]);
  for (const o of outcomes) groups.set(o.name, [...(groups.get(o.name) ?? []), o]);
  return [...groups].map(([name, list]) => {
    const ms = list.map((o) => o.latencyMs).sort((a, b) => a - b);
    return {
      name,
      requests: list.length,
      errors: list.filter((o) => o.status !== 200).length,
      p50: percentile(ms, 50),
      p95: percentile(ms, 95),
      p99: percentile(ms, 99),
      max: ms.at(-1) ?? NaN,
      kbPerRequest: list.reduce((n, o) => n + o.bytes, 0) / Math.max(1, list.length) / 1024,
    };
  });
}
