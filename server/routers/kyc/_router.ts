/**
 * KYC (compliance desk). Thin: each procedure declares its permission and calls the service.
 * Document upload and viewing are route handlers (`app/api/kyc/...`) because they carry file bytes.
 */
import "server-only";
import * as kyc from "@/server/kyc/service";
import * as settings from "@/server/kyc/settings";
import {
  ZKycApplicationId,
  ZKycApproveInput,
  ZKycAssignInput,
  ZKycCustomerInput,
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
  queue: brandProcedure("kyc.read").input(ZKycQueueInput).query(({ ctx, input }) => kyc.kycQueue(ctx, input)),
  get: brandProcedure("kyc.read").input(ZKycApplicationId).query(({ ctx, input }) => kyc.getKycApplication(ctx, input)),
  forCustomer: brandProcedure("kyc.read").input(ZKycCustomerInput).query(({ ctx, input }) => kyc.listCustomerApplications(ctx, input)),
  reviewers: brandProcedure("kyc.read").query(({ ctx }) => kyc.listReviewers(ctx)),
  submit: brandProcedure("kyc.submit").input(ZSubmitKycInput).mutation(({ ctx, input }) => kyc.submitKycApplication(ctx, input)),
  resubmit: brandProcedure("kyc.submit").input(ZKycResubmitInput).mutation(({ ctx, input }) => kyc.resubmitKycApplication(ctx, input)),
  claim: brandProcedure("kyc.review").input(ZKycVersion).mutation(({ ctx, input }) => kyc.claimKycApplication(ctx, input)),
  release: brandProcedure("kyc.review").input(ZKycVersion).mutation(({ ctx, input }) => kyc.releaseKycApplication(ctx, input)),
  assign: brandProcedure("kyc.review").input(ZKycAssignInput).mutation(({ ctx, input }) => kyc.assignKycApplication(ctx, input)),
  approve: brandProcedure("kyc.review").input(ZKycApproveInput).mutation(({ ctx, input }) => kyc.approveKycApplication(ctx, input)),
  reject: brandProcedure("kyc.review").input(ZKycRejectInput).mutation(({ ctx, input }) => kyc.rejectKycApplication(ctx, input)),
  requestInfo: brandProcedure("kyc.review").input(ZKycRequestInfoInput).mutation(({ ctx, input }) => kyc.requestKycInformation(ctx, input)),
  reasons: brandProcedure("kyc.read").query(({ ctx }) => settings.listKycReasons(ctx)),
  saveReason: brandProcedure("kyc.configure").input(ZKycReasonInput).mutation(({ ctx, input }) => settings.saveKycReason(ctx, input)),
  setReasonActive: brandProcedure("kyc.configure").input(ZKycReasonActiveInput).mutation(({ ctx, input }) => settings.setKycReasonActive(ctx, input)),
  settings: brandProcedure("kyc.read").query(({ ctx }) => settings.getKycSettings(ctx)),
  updateSettings: brandProcedure("kyc.configure").input(ZKycSettingsInput).mutation(({ ctx, input }) => settings.updateKycSettings(ctx, input)),
});
