/**
 * Prometheus metrics of this web process, behind METRICS_TOKEN (server/health/http.ts): 404 when no token
 * is configured, 401 for a missing or wrong bearer token. No session: a scraper is not a staff member.
 */
import { env } from "@/server/env";
import { metricsHandler } from "@/server/health/http";
import { publicRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

const scrape = metricsHandler(env.METRICS_TOKEN);

export const GET = publicRoute((req) => scrape(req));
