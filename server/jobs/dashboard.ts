/** Failed background jobs of the caller's brand, for the operations and admin dashboards. */
import "server-only";
import type { Job } from "bullmq";
import { producerReady } from "@/server/queues/connection";
import { producerQueue, QUEUE_NAMES } from "@/server/queues/registry";
import { TILE_CAP } from "../dashboard/sql";
import type { DashboardTile, TileFigure } from "../dashboard/types";

/** Newest failed jobs read per queue (retention keeps about this many anyway). */
const WINDOW = 200;

const brandOf = (job: Job): string | null => {
  const brandId = (job.data as { brandId?: unknown } | null)?.brandId;
  return typeof brandId === "string" ? brandId : null;
};

export const jobTiles: DashboardTile[] = [
  {
    id: "jobs.failed",
    roles: ["operations", "admin"],
    permission: "jobs.read",
    title: "dashboard.tiles.jobsFailed.title",
    href: "/jobs?state=failed",
    async load(ctx): Promise<TileFigure> {
      await producerReady(1_500);
      // Queues are shared: only jobs whose payload names this brand count as the brand's failures.
      const perQueue = await Promise.all(
        QUEUE_NAMES.map(async (queue) => {
          const jobs = await producerQueue(queue).getJobs(["failed"], 0, WINDOW - 1);
          return { queue, failed: jobs.filter((j) => j && brandOf(j) === ctx.tenantId).length };
        }),
      );
      const total = perQueue.reduce((sum, q) => sum + q.failed, 0);
      const worst = perQueue.reduce((a, b) => (b.failed > a.failed ? b : a), perQueue[0]);
      return {
        value: Math.min(total, TILE_CAP),
        capped: total > TILE_CAP,
        detail: total > 0 ? { key: "dashboard.tiles.jobsFailed.detail", params: { queue: worst.queue } } : { key: "dashboard.tiles.jobsFailed.none" },
        tone: total > 0 ? "danger" : "default",
        href: total > 0 ? `/jobs?state=failed&queue=${worst.queue}` : "/jobs?state=failed",
      };
    },
  },
];
