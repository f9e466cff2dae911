/**
 * One worker process of the "two processes, one limit" test (okx-rate-limit.int.test.ts): calls each given
 * endpoint as fast as the client lets it until a deadline, with the rate-limit buckets in Redis shared with
 * the other workers, then prints one JSON line (an array of results, one per endpoint).
 *
 *   HAMMER_BASE_URL=http://127.0.0.1:8787 HAMMER_ENDPOINTS=ifRebate,subaccountInfo HAMMER_START_AT=<ms> HAMMER_DURATION_MS=4000 \
 *   HAMMER_PREFIX=test:okx:rl:1 REDIS_URL=redis://127.0.0.1:6379 tsx server/exchange/okx/testing/hammer.ts
 */
import "server-only";
import { Redis } from "ioredis";
import { DEFAULT_OKX_SIM_API_KEY, DEFAULT_OKX_SIM_PASSPHRASE, DEFAULT_OKX_SIM_SECRET_KEY, DEFAULT_REDIS_URL } from "../../../env-defaults";
import { createOkxClient } from "../client";
import type { EndpointId } from "../endpoints";
import { silentLogger } from "../logger";
import { hammerUntil, paramsFor } from "./workload";

async function main() {
  const env = process.env;
  const endpoints = (env.HAMMER_ENDPOINTS ?? "ifRebate").split(",") as EndpointId[];
  const startAt = Number(env.HAMMER_START_AT ?? Date.now());
  const deadline = startAt + Number(env.HAMMER_DURATION_MS ?? 4000);
  const redis = new Redis(env.REDIS_URL ?? DEFAULT_REDIS_URL, { maxRetriesPerRequest: 1 });
  const client = createOkxClient({
    baseUrl: env.HAMMER_BASE_URL ?? "http://127.0.0.1:8787",
    credentials: { apiKey: DEFAULT_OKX_SIM_API_KEY, secretKey: DEFAULT_OKX_SIM_SECRET_KEY, passphrase: DEFAULT_OKX_SIM_PASSPHRASE },
    mode: "demo",
    redis,
    rateLimitPrefix: env.HAMMER_PREFIX ?? "okx:rl:hammer",
    // Any 50011 must show up in the result, not be hidden by a retry.
    maxRetries: 0,
    logger: silentLogger,
  });
  // One signed call on an endpoint not under test first: a process's first request pays for lazy
  // initialisation (fetch, TLS-less sockets, schemas) after taking its slot, and arriving that much later
  // than planned could meet the simulator's exact window — the steady state is what is measured here.
  await client.request("withdrawalHistory", paramsFor("withdrawalHistory", 0, []));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const concurrency = Number(env.HAMMER_CONCURRENCY ?? 4);
  const results = await Promise.all(endpoints.map((e) => hammerUntil(client, e, deadline, concurrency)));
  process.stdout.write(`${JSON.stringify(results)}\n`);
  redis.disconnect();
}

main().catch((e: unknown) => {
  process.stderr.write(`hammer failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
