/** Liveness for load balancers and orchestrators: up or not, nothing else (server/health/http.ts). */
import { db } from "@/server/db/client";
import { healthHandler } from "@/server/health/http";
import { probePostgres, probeRedis } from "@/server/health/probes";
import { publicRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

const check = healthHandler({ postgres: () => probePostgres(db), redis: () => probeRedis() });

export const GET = publicRoute(() => check());
