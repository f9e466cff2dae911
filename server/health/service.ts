/**
 * The system health page (health.read): PostgreSQL and Redis, every queue's depth and oldest waiting job,
 * the emergency stop, and per brand the exchange destination, connectivity, circuit breakers and data
 * freshness per kind.
 *
 * Redaction: a platform admin sees every active brand and why a dependency is down (the driver's message
 * may name a host); brand staff see their own brand only and up/down with latency. Queue depths are counts
 * over jobs every brand shares, no job's data, so everyone with the permission sees them.
 */
import "server-only";
import type { StaffContext } from "../actor";
import { emergencyBanner } from "../emergency/service";
import { env } from "../env";
import { readBreakers, readyBreakerRedis } from "../exchange/okx/breaker";
import type { BrandHealth, Connectivity, KindFreshness, SystemHealth } from "@/lib/health/types";
import { freshnessOf } from "./freshness";
import { probePostgres, probeRedis, within, type Probe } from "./probes";
import { queueDepths } from "./queues";

const isPlatformAdmin = (ctx: StaffContext) => ctx.actor.role === "platform_admin";

/** A failure newer than every success means the last thing tried against the exchange did not work. */
function connectivityOf(kinds: KindFreshness[], lastTest: BrandHealth["lastTest"]): Connectivity {
  let success: Date | null = null;
  let failure: Date | null = null;
  for (const k of kinds) {
    if (k.lastSuccessAt && (!success || k.lastSuccessAt > success)) success = k.lastSuccessAt;
    if (k.failing > 0 && k.lastFailureAt && (!failure || k.lastFailureAt > failure)) failure = k.lastFailureAt;
  }
  if (lastTest && (!success || lastTest.at > success) && (!failure || lastTest.at > failure)) return lastTest.ok ? "ok" : "failing";
  if (failure && (!success || failure > success)) return "failing";
  return success ? "ok" : "unknown";
}

/** The brand's breakers that are not closed, or null when Redis does not answer within a second. */
async function breakersOf(brandId: string): Promise<BrandHealth["breakers"]> {
  try {
    const { breakers } = await within(1_000, async () => readBreakers(await readyBreakerRedis(), brandId));
    const notClosed = breakers.flatMap((b) => (b.state === "closed" ? [] : [{ family: b.family, state: b.state }]));
    return { enabled: env.OKX_BREAKERS === "on", notClosed };
  } catch {
    return null;
  }
}

export async function systemHealth(ctx: StaffContext): Promise<SystemHealth> {
  const platform = isPlatformAdmin(ctx);
  const brandScope = platform ? { status: "active" as const } : { id: ctx.tenantId ?? ctx.actor.brandId ?? "00000000-0000-0000-0000-000000000000" };
  const [postgres, redis, queues, brands] = await Promise.all([
    probePostgres(ctx.db),
    probeRedis(),
    queueDepths(),
    ctx.db.brand.findMany({
      where: brandScope,
      select: { id: true, name: true, okxApiKey: true, okxMode: true, okxLastTestAt: true, okxLastTestOk: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const [freshness, globalStop, stops, breakers] = await Promise.all([
    freshnessOf(ctx.db, brands.map((b) => b.id)),
    emergencyBanner(ctx.db, null),
    Promise.all(brands.map((b) => emergencyBanner(ctx.db, b.id))),
    Promise.all(brands.map((b) => breakersOf(b.id))),
  ]);
  const redact = (p: Probe) => ({ up: p.up, latencyMs: p.latencyMs, error: platform ? p.error : null });
  return {
    checkedAt: new Date(),
    scope: platform ? "platform" : "brand",
    postgres: redact(postgres),
    redis: redact(redis),
    queues,
    emergency: globalStop,
    brands: brands.map((b, i) => {
      const kinds = freshness.get(b.id) ?? [];
      const lastTest = b.okxLastTestAt && b.okxLastTestOk !== null ? { at: b.okxLastTestAt, ok: b.okxLastTestOk } : null;
      return {
        brandId: b.id,
        brandName: b.name,
        destination: b.okxApiKey ? b.okxMode : "simulator",
        lastTest,
        connectivity: connectivityOf(kinds, lastTest),
        kinds,
        emergency: stops[i] ?? null,
        breakers: breakers[i] ?? null,
      };
    }),
  };
}
