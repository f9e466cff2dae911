/** Inputs of the jobs procedures. Queue names are checked by the service (unknown → NOT_FOUND). */
import { z } from "zod";

export const JOB_STATES = ["failed", "completed", "active", "waiting", "delayed"] as const;
export type JobState = (typeof JOB_STATES)[number];

const queue = z.string().trim().min(1, { error: "Choose a queue" }).max(100);

export const ZJobQueueInput = z.object({ queue });

export const ZJobListInput = z.object({
  queue,
  state: z.enum(JOB_STATES).default("failed"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZJobRefInput = z.object({
  queue,
  id: z.string().trim().min(1, { error: "Choose a job" }).max(200),
});
