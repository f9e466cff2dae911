/** The jobs page: queue overview and job lists (jobs.read), the actions on a brand's jobs (jobs.manage), pausing shared queues (jobs.control). Thin. */
import "server-only";
import * as jobs from "@/server/jobs/service";
import { ZJobListInput, ZJobQueueInput, ZJobRefInput } from "@/lib/jobs/schemas";
import { brandProcedure, createTRPCRouter, staffProcedure } from "@/server/trpc";

export const jobsRouter = createTRPCRouter({
  /** Every queue's schedule, counts and last run, or `available: false` while Redis is down. */
  overview: brandProcedure("jobs.read").query(({ ctx }) => jobs.jobsOverview(ctx)),
  /** One page of a queue's jobs in one state: the brand's own jobs and system jobs. */
  list: brandProcedure("jobs.read").input(ZJobListInput).query(({ ctx, input }) => jobs.listJobs(ctx, input)),
  retry: brandProcedure("jobs.manage").input(ZJobRefInput).mutation(({ ctx, input }) => jobs.retryJob(ctx, input)),
  remove: brandProcedure("jobs.manage").input(ZJobRefInput).mutation(({ ctx, input }) => jobs.removeJob(ctx, input)),
  pause: staffProcedure("jobs.control").input(ZJobQueueInput).mutation(({ ctx, input }) => jobs.pauseQueue(ctx, input)),
  resume: staffProcedure("jobs.control").input(ZJobQueueInput).mutation(({ ctx, input }) => jobs.resumeQueue(ctx, input)),
  runNow: brandProcedure("jobs.manage").input(ZJobQueueInput).mutation(({ ctx, input }) => jobs.runNow(ctx, input)),
});
