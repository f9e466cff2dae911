/** The system health page (health.read): dependencies, queues, exchange freshness. Read-only and thin. */
import "server-only";
import { systemHealth } from "@/server/health/service";
import { createTRPCRouter, staffProcedure } from "@/server/trpc";

export const healthRouter = createTRPCRouter({
  /** PostgreSQL, Redis, queue depths and each visible brand's data freshness; a platform admin sees every brand. */
  overview: staffProcedure("health.read").query(({ ctx }) => systemHealth(ctx)),
});
