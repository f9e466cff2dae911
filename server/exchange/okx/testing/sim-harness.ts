/**
 * Integration-test plumbing: a simulator on a free port with its own data directory, its admin endpoints
 * (faults, stats, limits), a Redis connection, and clients with a Redis key prefix of their own so test
 * runs never share a bucket.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { DEFAULT_OKX_SIM_API_KEY, DEFAULT_OKX_SIM_PASSPHRASE, DEFAULT_OKX_SIM_SECRET_KEY, DEFAULT_REDIS_URL } from "../../../env-defaults";
import { simAccountCredentials } from "../../sim-accounts";
import type { FaultConfig } from "../../sim/faults";
import { createSimulator, type Simulator } from "../../sim/server";
import type { SimulatorOptions } from "../../sim/config";
import { createOkxClient, type OkxClientOptions } from "../client";

export const SIM_CREDENTIALS = { apiKey: DEFAULT_OKX_SIM_API_KEY, secretKey: DEFAULT_OKX_SIM_SECRET_KEY, passphrase: DEFAULT_OKX_SIM_PASSPHRASE };

/** The key of a brand's own simulator account (what brandExchange uses for a brand without credentials). */
export const brandSimCredentials = (brandId: string) => simAccountCredentials(SIM_CREDENTIALS, brandId);

/**
 * A loopback admin call (`/sim/admin/<route>`), on one broker account: a brand id, or the main account
 * when none is given. Throws on a non-2xx answer.
 */
export async function simAdmin(url: string, method: "GET" | "POST", route: string, body?: unknown, account?: string): Promise<unknown> {
  const query = account ? `?account=${encodeURIComponent(account)}` : "";
  const res = await fetch(`${url}/sim/admin/${route}${query}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`sim admin ${route}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

export interface EndpointStats {
  requests: number;
  rateLimited: number;
}

export interface SimHarness {
  sim: Simulator;
  url: string;
  setFaults(faults: FaultConfig): Promise<void>;
  stats(): Promise<{ requests: number; rateLimited: number; endpoints: Record<string, EndpointStats> }>;
  /** Counts of one "METHOD /path". */
  statsOf(method: string, path: string): Promise<EndpointStats>;
  resetStats(): Promise<void>;
  /** Forget the simulator's rate-limit windows. */
  resetLimits(): Promise<void>;
  /** Lifetime of file links handed out from now on (0: born expired); null restores OKX's (FD 2 h, DMA 9 h). */
  setFileLinkTtl(ttlMs: number | null): Promise<void>;
  /**
   * Makes ND rebate-daily of `day` (YYYYMMDD) add the deltas (USDT) to one sub-account's row, so it
   * disagrees with the trading details; no delta clears the day. On `account` (a brand id) or the main one.
   */
  adjustRebateDaily(adjustment: { day: string; volDelta?: string; commissionDelta?: string; subAcct?: string }, account?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startSim(options: SimulatorOptions = {}): Promise<SimHarness> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "okx-client-test-"));
  const sim = await createSimulator({ port: 0, dataDir, log: () => {}, rebateDelayMs: 0, ...options });
  const stats = async () => (await simAdmin(sim.url, "GET", "stats")) as Awaited<ReturnType<SimHarness["stats"]>>;
  return {
    sim,
    url: sim.url,
    setFaults: async (faults) => void (await simAdmin(sim.url, "POST", "faults", faults)),
    stats,
    statsOf: async (method, p) => (await stats()).endpoints[`${method} ${p}`] ?? { requests: 0, rateLimited: 0 },
    resetStats: async () => void (await simAdmin(sim.url, "POST", "reset-stats")),
    resetLimits: async () => void (await simAdmin(sim.url, "POST", "rate-limits", { reset: true })),
    setFileLinkTtl: async (ttlMs) => void (await simAdmin(sim.url, "POST", "file-links", { ttlMs })),
    adjustRebateDaily: async (adjustment, account) => void (await simAdmin(sim.url, "POST", "rebate-daily", adjustment, account)),
    close: async () => {
      await sim.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const testRedis = () => new Redis(process.env.REDIS_URL ?? DEFAULT_REDIS_URL, { maxRetriesPerRequest: 1 });

/** A Redis key prefix no other test or run uses. */
export const uniquePrefix = () => `test:okx:rl:${randomUUID()}`;

/**
 * A client for the simulator's main account (or, with `forBrand`, for that brand's own account), with its
 * own buckets in Redis.
 */
export function simClient(url: string, redis: Redis | null, overrides: Partial<OkxClientOptions> & { forBrand?: string } = {}) {
  const { forBrand, ...options } = overrides;
  return createOkxClient({
    baseUrl: url,
    credentials: forBrand ? brandSimCredentials(forBrand) : SIM_CREDENTIALS,
    mode: "demo",
    redis,
    rateLimitPrefix: uniquePrefix(),
    backoff: { baseMs: 20, capMs: 200 },
    ...options,
  });
}
