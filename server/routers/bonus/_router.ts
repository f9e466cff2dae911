/** Bonus campaigns, grants (single, CSV batch, automatic), approvals, releases and revokes. Thin: rules live in the service. */
import "server-only";
import * as batches from "@/server/bonuses/batches";
import * as campaigns from "@/server/bonuses/campaigns";
import { approveGrant, rejectGrant } from "@/server/bonuses/grant-approval";
import { revoke } from "@/server/bonuses/grant-clawback";
import { grant } from "@/server/bonuses/grant-create";
import { customerBonuses, listGrants } from "@/server/bonuses/grant-list";
import { release } from "@/server/bonuses/grant-release";
import {
  ZApprovalThresholdInput,
  ZBatchListInput,
  ZBatchPreviewInput,
  ZBatchRef,
  ZBatchSubmitInput,
  ZCampaignListInput,
  ZCampaignRef,
  ZCampaignVersionRef,
  ZCreateCampaignInput,
  ZCustomerBonusRef,
  ZGrantInput,
  ZGrantListInput,
  ZGrantRef,
  ZRejectInput,
  ZReleaseInput,
  ZRevokeInput,
  ZUpdateCampaignInput,
} from "@/lib/bonuses/schemas";
import { getApprovalThreshold, setApprovalThreshold } from "@/server/bonuses/settings";
import { campaignStats } from "@/server/bonuses/stats";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

const campaignRouter = createTRPCRouter({
  list: brandProcedure("bonus.read").input(ZCampaignListInput).query(({ ctx, input }) => campaigns.listCampaigns(ctx, input)),
  get: brandProcedure("bonus.read").input(ZCampaignRef).query(({ ctx, input }) => campaigns.getCampaign(ctx, input)),
  /** Totals and per-day activity for the campaign page's chart. */
  stats: brandProcedure("bonus.read").input(ZCampaignRef).query(({ ctx, input }) => campaignStats(ctx, input)),
  create: brandProcedure("bonus.manage").input(ZCreateCampaignInput).mutation(({ ctx, input }) => campaigns.createCampaign(ctx, input)),
  update: brandProcedure("bonus.manage").input(ZUpdateCampaignInput).mutation(({ ctx, input }) => campaigns.updateCampaign(ctx, input)),
  /** Draft → active (at or under the brand's threshold) or pending approval. */
  submit: brandProcedure("bonus.manage").input(ZCampaignVersionRef).mutation(({ ctx, input }) => campaigns.submitCampaign(ctx, input)),
  /** Maker-checker: never the submitter. */
  approve: brandProcedure("bonus.approve").input(ZCampaignRef).mutation(({ ctx, input }) => campaigns.approveCampaign(ctx, input)),
  reject: brandProcedure("bonus.approve").input(ZRejectInput).mutation(({ ctx, input }) => campaigns.rejectCampaign(ctx, input)),
  pause: brandProcedure("bonus.manage").input(ZCampaignVersionRef).mutation(({ ctx, input }) => campaigns.pauseCampaign(ctx, input)),
  resume: brandProcedure("bonus.manage").input(ZCampaignVersionRef).mutation(({ ctx, input }) => campaigns.resumeCampaign(ctx, input)),
  end: brandProcedure("bonus.manage").input(ZCampaignVersionRef).mutation(({ ctx, input }) => campaigns.endCampaign(ctx, input)),
});

const grantRouter = createTRPCRouter({
  list: brandProcedure("bonus.read").input(ZGrantListInput).query(({ ctx, input }) => listGrants(ctx, input)),
  /** A customer's grants and their accounts' bonus balances (customer page tab). */
  forCustomer: brandProcedure("bonus.read").input(ZCustomerBonusRef).query(({ ctx, input }) => customerBonuses(ctx, input)),
  /** One grant; a repeated idempotency key returns the first grant. */
  grant: brandProcedure("bonus.manage").input(ZGrantInput).mutation(({ ctx, input }) => grant(ctx, input)),
  approve: brandProcedure("bonus.approve").input(ZGrantRef).mutation(({ ctx, input }) => approveGrant(ctx, input)),
  reject: brandProcedure("bonus.approve").input(ZRejectInput).mutation(({ ctx, input }) => rejectGrant(ctx, input)),
  revoke: brandProcedure("bonus.manage").input(ZRevokeInput).mutation(({ ctx, input }) => revoke(ctx, input)),
  /** Non-withdrawable → withdrawable on one account, oldest grants first. */
  release: brandProcedure("bonus.manage").input(ZReleaseInput).mutation(({ ctx, input }) => release(ctx, input)),
});

const batchRouter = createTRPCRouter({
  list: brandProcedure("bonus.read").input(ZBatchListInput).query(({ ctx, input }) => batches.listBatches(ctx, input)),
  /** Row-level report; writes nothing. A mutation so a large file travels in the body, not the URL. */
  preview: brandProcedure("bonus.manage").input(ZBatchPreviewInput).mutation(({ ctx, input }) => batches.previewBatch(ctx, input)),
  submit: brandProcedure("bonus.manage").input(ZBatchSubmitInput).mutation(({ ctx, input }) => batches.submitBatch(ctx, input)),
  approve: brandProcedure("bonus.approve").input(ZBatchRef).mutation(({ ctx, input }) => batches.approveBatch(ctx, input)),
  reject: brandProcedure("bonus.approve").input(ZRejectInput).mutation(({ ctx, input }) => batches.rejectBatch(ctx, input)),
});

const settingsRouter = createTRPCRouter({
  /** The brand's maker-checker threshold (null: everything needs approval). */
  get: brandProcedure("bonus.read").query(({ ctx }) => getApprovalThreshold(ctx)),
  /** Admins only: the threshold decides what needs their approval. */
  setThreshold: brandProcedure("bonus.approve").input(ZApprovalThresholdInput).mutation(({ ctx, input }) => setApprovalThreshold(ctx, input)),
});

export const bonusRouter = createTRPCRouter({ campaign: campaignRouter, grant: grantRouter, batch: batchRouter, settings: settingsRouter });
