/**
 * KYC (compliance desk). Thin: each procedure declares its permission and calls the service.
 * Document upload and viewing are route handlers (`app/api/kyc/...`) because they carry file bytes.
 */
import "server-only";
import { getKycApplication, listCustomerApplications } from "@/server/kyc/application";
import { assignKycApplication, claimKycApplication, releaseKycApplication } from "@/server/kyc/assignment";
import { approveKycApplication, rejectKycApplication, requestKycInformation } from "@/server/kyc/decisions";
import { kycQueue, listReviewers, nextKycApplication } from "@/server/kyc/queue";
import * as settings from "@/server/kyc/settings";
import { resubmitKycApplication, submitKycApplication } from "@/server/kyc/submit";
import {
  ZKycApplicationId,
  ZKycApproveInput,
  ZKycAssignInput,
  ZKycCustomerInput,
  ZKycNextInput,
  ZKycQueueInput,
  ZKycReasonActiveInput,
  ZKycReasonInput,
  ZKycRejectInput,
  ZKycRequestInfoInput,
  ZKycResubmitInput,
  ZKycSettingsInput,
  ZKycVersion,
  ZSubmitKycInput,
} from "@/lib/kyc/schemas";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const kycRouter = createTRPCRouter({
  queue: brandProcedure("kyc.read").input(ZKycQueueInput).query(({ ctx, input }) => kycQueue(ctx, input)),
  get: brandProcedure("kyc.read").input(ZKycApplicationId).query(({ ctx, input }) => getKycApplication(ctx, input)),
  forCustomer: brandProcedure("kyc.read").input(ZKycCustomerInput).query(({ ctx, input }) => listCustomerApplications(ctx, input)),
  /** Where "approve and open next" goes: the oldest application the reviewer may work. */
  next: brandProcedure("kyc.review").input(ZKycNextInput).query(({ ctx, input }) => nextKycApplication(ctx, input)),
  reviewers: brandProcedure("kyc.read").query(({ ctx }) => listReviewers(ctx)),
  submit: brandProcedure("kyc.submit").input(ZSubmitKycInput).mutation(({ ctx, input }) => submitKycApplication(ctx, input)),
  resubmit: brandProcedure("kyc.submit").input(ZKycResubmitInput).mutation(({ ctx, input }) => resubmitKycApplication(ctx, input)),
  claim: brandProcedure("kyc.review").input(ZKycVersion).mutation(({ ctx, input }) => claimKycApplication(ctx, input)),
  release: brandProcedure("kyc.review").input(ZKycVersion).mutation(({ ctx, input }) => releaseKycApplication(ctx, input)),
  assign: brandProcedure("kyc.review").input(ZKycAssignInput).mutation(({ ctx, input }) => assignKycApplication(ctx, input)),
  approve: brandProcedure("kyc.review").input(ZKycApproveInput).mutation(({ ctx, input }) => approveKycApplication(ctx, input)),
  reject: brandProcedure("kyc.review").input(ZKycRejectInput).mutation(({ ctx, input }) => rejectKycApplication(ctx, input)),
  requestInfo: brandProcedure("kyc.review").input(ZKycRequestInfoInput).mutation(({ ctx, input }) => requestKycInformation(ctx, input)),
  reasons: brandProcedure("kyc.read").query(({ ctx }) => settings.listKycReasons(ctx)),
  saveReason: brandProcedure("kyc.configure").input(ZKycReasonInput).mutation(({ ctx, input }) => settings.saveKycReason(ctx, input)),
  setReasonActive: brandProcedure("kyc.configure").input(ZKycReasonActiveInput).mutation(({ ctx, input }) => settings.setKycReasonActive(ctx, input)),
  settings: brandProcedure("kyc.read").query(({ ctx }) => settings.getKycSettings(ctx)),
  updateSettings: brandProcedure("kyc.configure").input(ZKycSettingsInput).mutation(({ ctx, input }) => settings.updateKycSettings(ctx, input)),
});
