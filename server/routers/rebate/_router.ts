/** Exchange rebate and trading-details files. Thin: rules live in server/rebates. */
import "server-only";
import * as files from "@/server/rebates/files";
import { ZRebateFileListInput, ZRebateFileRef, ZRebateRequestInput } from "@/lib/rebates/schemas";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const rebateRouter = createTRPCRouter({
  /** One page of the brand's files, newest first: state, progress, row counts, errors. */
  files: brandProcedure("rebate.read").input(ZRebateFileListInput).query(({ ctx, input }) => files.listRebateFiles(ctx, input)),
  /** A file's refused rows (line, field, value, reason). */
  fileErrors: brandProcedure("rebate.read").input(ZRebateFileRef).query(({ ctx, input }) => files.rebateFileErrors(ctx, input.id)),
  /** Queues the files of a range of days, split into the exchange's ≤ 180-day requests. */
  request: brandProcedure("rebate.manage").input(ZRebateRequestInput).mutation(({ ctx, input }) => files.requestRebateFiles(ctx, input)),
  /** A failed file starts over. */
  retry: brandProcedure("rebate.manage").input(ZRebateFileRef).mutation(({ ctx, input }) => files.retryRebateFile(ctx, input.id)),
});
