/** Exchange rebate and trading-details files. Thin: rules live in server/rebates. */
import "server-only";
import * as files from "@/server/rebates/files";
import * as eligibility from "@/server/rebates/if-rebate";
import * as fdReports from "@/server/rebates/fd-reports";
import * as reports from "@/server/rebates/reports";
import * as settings from "@/server/rebates/settings";
import { ZFdBreakdownInput, ZFdRebateListInput, ZFdReportInput } from "@/lib/rebates/fd-schemas";
import {
  ZDmaTradeListInput,
  ZRebateBreakdownInput,
  ZRebateFileKindsInput,
  ZRebateFileListInput,
  ZRebateFileRef,
  ZRebateReportInput,
  ZRebateRequestInput,
} from "@/lib/rebates/schemas";
import { ZCustomerRebateKeysInput, ZRebateEligibilityInput } from "@/lib/rebates/eligibility";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const rebateRouter = createTRPCRouter({
  /** One page of the brand's files, newest first: state, progress, row counts, errors. */
  files: brandProcedure("rebate.read").input(ZRebateFileListInput).query(({ ctx, input }) => files.listRebateFiles(ctx, input)),
  /** A file's refused rows (line, field, value, reason). */
  fileErrors: brandProcedure("rebate.read").input(ZRebateFileRef).query(({ ctx, input }) => files.rebateFileErrors(ctx, input.id)),
  /** Queues the files of a range of days, split into the exchange's ≤ 180-day requests. */
  request: brandProcedure("rebate.manage").input(ZRebateRequestInput).mutation(({ ctx, input }) => files.requestRebateFiles(ctx, input)),
  /** Fees paid over a range of days: totals and one point per day (the brand's, or one customer's). */
  report: brandProcedure("rebate.read").input(ZRebateReportInput).query(({ ctx, input }) => reports.rebateReport(ctx, input)),
  /** The largest contributors by customer, sub-account, instrument, family or maker/taker. */
  breakdown: brandProcedure("rebate.read").input(ZRebateBreakdownInput).query(({ ctx, input }) => reports.rebateBreakdown(ctx, input)),
  /** The trades behind a report (the drill-down), newest first. */
  trades: brandProcedure("rebate.read").input(ZDmaTradeListInput).query(({ ctx, input }) => reports.listDmaTrades(ctx, input)),
  /** FD rebates over a range of days: totals and one point per day, split by who the rebate goes to. */
  fdReport: brandProcedure("rebate.read").input(ZFdReportInput).query(({ ctx, input }) => fdReports.fdRebateReport(ctx, input)),
  /** The largest contributors to the broker's FD rebate by customer, instrument, family or affiliate flag. */
  fdBreakdown: brandProcedure("rebate.read").input(ZFdBreakdownInput).query(({ ctx, input }) => fdReports.fdRebateBreakdown(ctx, input)),
  /** The FD rebate rows behind a report (the drill-down), newest first. */
  fdRows: brandProcedure("rebate.read").input(ZFdRebateListInput).query(({ ctx, input }) => fdReports.listFdRebates(ctx, input)),
  /** Which kinds of file the brand fetches each day, and the broker code FD rows must carry. */
  fileKinds: brandProcedure("brand.read").query(({ ctx }) => settings.getRebateFileSettings(ctx)),
  /** Sets the kinds of file the brand fetches each day (brand settings). */
  setFileKinds: brandProcedure("brand.manage").input(ZRebateFileKindsInput).mutation(({ ctx, input }) => settings.setRebateFileKinds(ctx, input)),
  /** Asks the exchange whether a key's trading earns the FD broker's or the affiliate's rebate (a read: nothing stored). */
  checkEligibility: brandProcedure("rebate.read").input(ZRebateEligibilityInput).query(({ ctx, input }) => eligibility.checkRebateEligibility(ctx, input)),
  /** A customer's API keys (masked), to pick one for the eligibility check. */
  customerKeys: brandProcedure("rebate.read").input(ZCustomerRebateKeysInput).query(({ ctx, input }) => eligibility.customerRebateKeys(ctx, input)),
  /** A failed file starts over. */
  retry: brandProcedure("rebate.manage").input(ZRebateFileRef).mutation(({ ctx, input }) => files.retryRebateFile(ctx, input.id)),
});
