/**
 * OKX rate limits: "count per windowMs" per endpoint per caller (API key, or IP for public data), as a
 * sliding-window log — exact, so a test can prove a client never sends more than the table allows in
 * any window. Rejected requests do not use up the window. Counts every 50011 for /sim/admin/stats.
 */
import "server-only";

export interface Limit {
  count: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(public enabled: boolean) {}

  /** true = allowed (and recorded, `units` times: a batch counting its orders); false = answer 50011. */
  take(routeKey: string, caller: string, limit: Limit, now = Date.now(), units = 1): boolean {
    if (!this.enabled) return true;
    const key = `${routeKey}\n${caller}`;
    let log = this.windows.get(key);
    if (!log) this.windows.set(key, (log = []));
    // Drop requests that left the window.
    let expired = 0;
    while (expired < log.length && log[expired] <= now - limit.windowMs) expired++;
    if (expired) log.splice(0, expired);
    if (log.length + units > limit.count) return false;
    for (let i = 0; i < units; i++) log.push(now);
    return true;
  }

  reset() {
    this.windows.clear();
  }
}

export interface EndpointStats {
  requests: number;
  /** Answers with code 50011. */
  rateLimited: number;
}

/** Request and 50011 counts per "METHOD /path", for GET /sim/admin/stats. */
export class Stats {
  startedAt = Date.now();
  endpoints = new Map<string, EndpointStats>();

  private entry(routeKey: string): EndpointStats {
    let e = this.endpoints.get(routeKey);
    if (!e) this.endpoints.set(routeKey, (e = { requests: 0, rateLimited: 0 }));
    return e;
  }

  request(routeKey: string) {
    this.entry(routeKey).requests++;
  }

  rateLimited(routeKey: string) {
    this.entry(routeKey).rateLimited++;
  }

  reset() {
    this.startedAt = Date.now();
    this.endpoints.clear();
  }

  toJSON() {
    let requests = 0;
    let rateLimited = 0;
    for (const e of this.endpoints.values()) {
      requests += e.requests;
      rateLimited += e.rateLimited;
    }
    return { since: String(this.startedAt), requests, rateLimited, endpoints: Object.fromEntries(this.endpoints) };
  }
}
