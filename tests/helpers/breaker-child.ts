/**
 * Another process asking the exchange once through a breaker on the shared Redis: prints the outcome's
 * code ("0" when the call went through). Run by exchange-breaker.int with
 * `tsx --conditions=react-server tests/helpers/breaker-child.ts <simUrl> <redisUrl> <prefix> <brandId>`.
 */
import { Redis } from "ioredis";
import { createOkxClient, isOkxError } from "@/server/exchange/okx";
import { redisBreaker } from "@/server/exchange/okx/breaker";
import { silentLogger } from "@/server/exchange/okx/logger";
import { brandSimCredentials } from "@/server/exchange/okx/testing/sim-harness";

const [simUrl, redisUrl, prefix, brandId] = process.argv.slice(2) as [string, string, string, string];
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const client = createOkxClient({ baseUrl: simUrl, credentials: brandSimCredentials(brandId), mode: "demo", brandId, maxRetries: 0, logger: silentLogger, breaker: redisBreaker(redis, { prefix }) });
client
  .subaccountInfo({ limit: 1 })
  .then(
    () => console.log("0"),
    (e: unknown) => console.log(isOkxError(e) ? e.code : String(e)),
  )
  .finally(() => redis.disconnect());
