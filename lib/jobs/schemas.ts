/** Inputs of the jobs procedures. Queue names are checked by the service (unknown → NOT_FOUND). */
import { z } from "zod";
import { zText } from "@/lib/validation/text";

export const JOB_STATES = ["failed", "completed", "active", "waiting", "delayed"] as const;
export type JobState = (typeof JOB_STATES)[number];

const queue = zText(100, { min: 1, required: "Choose a queue" });

export const ZJobQueueInput = z.object({ queue });

export const ZJobListInput = z.object({
  queue,
  state: z.enum(JOB_STATES).default("failed"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZJobRefInput = z.object({
  queue,
  id: zText(200, { min: 1, required: "Choose a job" }),
});
