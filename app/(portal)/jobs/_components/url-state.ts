/**
 * The jobs page's URL: which queue and state are listed, and the page. `ZJobListInput` needs a queue,
 * which the URL may lack (the page then picks the first queue), so the URL has its own schema built on
 * the shared table query; `state` and the paging keys mean exactly what they mean to `jobs.list`.
 */
import { z } from "zod";
import { ZTableQuery } from "@/lib/table-state";
import { JOB_STATES } from "@/lib/jobs/schemas";

export const ZJobsPageParams = ZTableQuery.extend({
  queue: z.string().trim().max(100).optional(),
  state: z.enum(JOB_STATES).default("failed"),
});
