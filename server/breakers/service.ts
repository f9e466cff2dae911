/**
 * The brand's exchange circuit breakers as staff see them (server/exchange/okx/breaker.ts): each endpoint
 * family's state and its recent transitions, and closing one by hand with a reason (audited). Brand
 * staff see and reset only their own brand's breakers.
 */
import "server-only";
import type { Redis } from "ioredis";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { AppError, notFound } from "../errors";
import { ENDPOINTS } from "../exchange/okx";
import { env } from "../env";
import { readBreakers, readyBreakerRedis, resetBreaker } from "../exchange/okx/breaker";
import type { BreakerOverview, ZBreakerResetInput } from "@/lib/breakers/schemas";

export interface BreakerDeps {
  /** Where the breakers live (tests: a prefix of their own); default the shared breakers' connection. */
  redis?: Redis;
  prefix?: string;
}

const FAMILIES = new Set(Object.values(ENDPOINTS).map((e) => e.family as string));

/**
 * Every breaker the brand has used, and its last transitions. `enabled` says whether calls consult them
 * (OKX_BREAKERS); `available: false` when Redis cannot be read.
 */
export async function breakerOverview(ctx: BrandContext, deps: BreakerDeps = {}): Promise<BreakerOverview> {
  const enabled = env.OKX_BREAKERS === "on";
  try {
    return { enabled, available: true, ...(await readBreakers(deps.redis ?? (await readyBreakerRedis()), ctx.tenantId, deps.prefix)) };
  } catch {
    return { enabled, available: false, breakers: [], history: [] };
  }
}

/** Closes one of the brand's breakers by hand: the next call is sent again. */
export async function resetBrandBreaker(ctx: BrandContext, input: z.output<typeof ZBreakerResetInput>, deps: BreakerDeps = {}): Promise<BreakerOverview> {
  if (!FAMILIES.has(input.family)) throw notFound("breaker");
  let before;
  try {
    const redis = deps.redis ?? (await readyBreakerRedis());
    before = (await readBreakers(redis, ctx.tenantId, deps.prefix)).breakers.find((b) => b.family === input.family);
    await resetBreaker(redis, { brandId: ctx.tenantId, family: input.family }, { prefix: deps.prefix });
  } catch (cause) {
    // Redis is where the breakers live: without it there is nothing to reset (and calls are not held back).
    throw new AppError("UNAVAILABLE", "errors.databaseUnavailable", { cause });
  }
  await ctx.db.$transaction((tx) =>
    recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "exchange.breaker_reset",
      entityType: "exchange_breaker",
      entityId: input.family,
      before: before ? { state: before.state, consecutiveFailures: before.consecutiveFailures } : null,
      after: { state: "closed", reason: input.reason },
    }),
  );
  return breakerOverview(ctx, deps);
}
