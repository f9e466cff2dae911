/**
 * Bonus campaigns: drafted, submitted (straight to active at or under the brand's threshold, otherwise to a
 * second person's approval), paused, resumed, ended. Every query is scoped to the caller's brand; every
 * change carries the version the caller saw and is audited in its transaction.
 */
import "server-only";
import type { z } from "zod";
import { recordAudit } from "../audit/audit";
import { Prisma, type DbTx } from "../db/client";
import { AppError, invalid, notFound } from "../errors";
import { assertApprover, brandThreshold, staffId, toCampaignRows, type BonusCtx } from "./common";
import { campaignProblem, needsApproval, text, type BonusReason } from "./rules";
import type { BonusCampaignStatus, CampaignListInput, ZCampaignFields, ZCampaignRef, ZCampaignVersionRef, ZRejectInput, ZUpdateCampaignInput } from "@/lib/bonuses/schemas";
import type { CampaignRow } from "./types";
import { CAMPAIGN_ACTIONS, type CampaignAction } from "@/lib/bonuses/campaign-actions";

type In<T extends z.ZodType> = z.infer<T>;
type CampaignRecord = Prisma.BonusCampaignGetPayload<object>;

const snapshot = (c: CampaignRecord) => ({
  name: c.name,
  type: c.type,
  amountRule: c.amountRule,
  fixedAmount: c.fixedAmount ? text(c.fixedAmount) : null,
  percent: c.percent ? text(c.percent) : null,
  capAmount: c.capAmount ? text(c.capAmount) : null,
  currency: c.currency,
  withdrawable: c.withdrawable,
  eligibleGroupIds: c.eligibleGroupIds,
  eligibleCountries: c.eligibleCountries,
  minKycLevel: c.minKycLevel,
  budget: text(c.budget),
  startsAt: c.startsAt,
  endsAt: c.endsAt,
  validityDays: c.validityDays,
  status: c.status,
  version: c.version,
});

/** Normalises and checks the fields: the rule's own fields only, upper-case codes, the brand's groups. */
async function fieldsData(tx: DbTx, ctx: BonusCtx, input: In<typeof ZCampaignFields>) {
  const data = {
    name: input.name,
    description: input.description,
    type: input.type,
    amountRule: input.amountRule,
    fixedAmount: input.amountRule === "fixed" ? (input.fixedAmount ?? null) : null,
    percent: input.amountRule === "percent_of_deposit" ? (input.percent ?? null) : null,
    capAmount: input.amountRule === "percent_of_deposit" ? (input.capAmount ?? null) : null,
    currency: input.currency.trim(),
    withdrawable: input.withdrawable,
    eligibleGroupIds: [...new Set(input.eligibleGroupIds)],
    eligibleCountries: [...new Set(input.eligibleCountries.map((c) => c.toUpperCase()))],
    minKycLevel: input.minKycLevel,
    budget: input.budget,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    validityDays: input.validityDays,
  };
  const problem = campaignProblem(data);
  if (problem) throw invalid(problem.field, problem.reason, problem.params);
  if (data.eligibleGroupIds.length) {
    const found = await tx.customerGroup.count({ where: { brandId: ctx.tenantId, id: { in: data.eligibleGroupIds } } });
    if (found !== data.eligibleGroupIds.length) throw invalid("eligibleGroupIds", "bonuses.errors.foreignCustomerGroups");
  }
  return data;
}

async function nameRace<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw invalid("name", "bonuses.errors.campaignNameTaken");
    }
    throw error;
  }
}

async function load(db: DbTx | BonusCtx["db"], ctx: BonusCtx, id: string): Promise<CampaignRecord> {
  const c = await db.bonusCampaign.findFirst({ where: { id, brandId: ctx.tenantId } });
  if (!c) throw notFound("campaign");
  return c;
}

const one = async (db: DbTx, c: CampaignRecord) => (await toCampaignRows(db, [c]))[0];

/** A new campaign, as a draft. */
export async function createCampaign(ctx: BonusCtx, input: In<typeof ZCampaignFields>): Promise<CampaignRow> {
  return nameRace(() =>
    ctx.db.$transaction(async (tx) => {
      const data = await fieldsData(tx, ctx, input);
      const created = await tx.bonusCampaign.create({ data: { ...data, brandId: ctx.tenantId, status: "draft", requestedById: staffId(ctx.actor) } });
      await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "bonus.campaign_create", entityType: "bonus_campaign", entityId: created.id, after: snapshot(created) });
      return one(tx, created);
    }),
  );
}

const STALE = "bonuses.errors.staleVersion";

/** Load, check version and state, write conditionally (bumping the version), audit — one transaction. */
async function change(
  ctx: BonusCtx,
  input: { id: string; version?: number },
  action: string,
  decide: (tx: DbTx, before: CampaignRecord) => Promise<Prisma.BonusCampaignUncheckedUpdateManyInput>,
  extra?: (before: CampaignRecord) => Record<string, unknown>,
): Promise<CampaignRow> {
  return nameRace(() =>
    ctx.db.$transaction(async (tx) => {
      const before = await load(tx, ctx, input.id);
      if (input.version !== undefined && before.version !== input.version) throw new AppError("CONFLICT", STALE);
      const data = await decide(tx, before);
      const { count } = await tx.bonusCampaign.updateMany({
        where: { id: before.id, brandId: ctx.tenantId, version: before.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw new AppError("CONFLICT", STALE);
      const after = await load(tx, ctx, before.id);
      await recordAudit(tx, ctx, {
        brandId: ctx.tenantId,
        action,
        entityType: "bonus_campaign",
        entityId: before.id,
        before: snapshot(before),
        after: { ...snapshot(after), ...extra?.(before) },
      });
      return one(tx, after);
    }),
  );
}

/** The statuses each campaign action is allowed in: one table with the page (lib/bonuses/campaign-actions.ts). */
const ALLOWED = CAMPAIGN_ACTIONS;

/** Why an action is refused in each status it is not allowed in ("A campaign that is paused cannot be edited"). */
const REFUSED: { [A in CampaignAction]: Record<Exclude<BonusCampaignStatus, (typeof ALLOWED)[A][number]>, BonusReason> } = {
  edit: {
    pending_approval: "bonuses.errors.campaignNotEditable.pendingApproval",
    active: "bonuses.errors.campaignNotEditable.active",
    paused: "bonuses.errors.campaignNotEditable.paused",
    ended: "bonuses.errors.campaignNotEditable.ended",
  },
  submit: {
    pending_approval: "bonuses.errors.campaignNotSubmittable.pendingApproval",
    active: "bonuses.errors.campaignNotSubmittable.active",
    paused: "bonuses.errors.campaignNotSubmittable.paused",
    ended: "bonuses.errors.campaignNotSubmittable.ended",
  },
  approve: {
    draft: "bonuses.errors.campaignNotApprovable.draft",
    active: "bonuses.errors.campaignNotApprovable.active",
    paused: "bonuses.errors.campaignNotApprovable.paused",
    ended: "bonuses.errors.campaignNotApprovable.ended",
  },
  reject: {
    draft: "bonuses.errors.campaignNotRejectable.draft",
    active: "bonuses.errors.campaignNotRejectable.active",
    paused: "bonuses.errors.campaignNotRejectable.paused",
    ended: "bonuses.errors.campaignNotRejectable.ended",
  },
  pause: {
    draft: "bonuses.errors.campaignNotPausable.draft",
    pending_approval: "bonuses.errors.campaignNotPausable.pendingApproval",
    paused: "bonuses.errors.campaignNotPausable.paused",
    ended: "bonuses.errors.campaignNotPausable.ended",
  },
  resume: {
    draft: "bonuses.errors.campaignNotResumable.draft",
    pending_approval: "bonuses.errors.campaignNotResumable.pendingApproval",
    active: "bonuses.errors.campaignNotResumable.active",
    ended: "bonuses.errors.campaignNotResumable.ended",
  },
  end: {
    pending_approval: "bonuses.errors.campaignNotEndable.pendingApproval",
    ended: "bonuses.errors.campaignNotEndable.ended",
  },
};

function requireStatus(c: CampaignRecord, action: CampaignAction) {
  const allowed: readonly BonusCampaignStatus[] = ALLOWED[action];
  if (allowed.includes(c.status)) return;
  const refused: Partial<Record<BonusCampaignStatus, BonusReason>> = REFUSED[action];
  throw new AppError("CONFLICT", refused[c.status]!);
}

/** Edits the fields; only while the campaign is a draft (an approved campaign is what was approved). */
export const updateCampaign = (ctx: BonusCtx, input: In<typeof ZUpdateCampaignInput>) =>
  change(ctx, input, "bonus.campaign_update", async (tx, before) => {
    requireStatus(before, "edit");
    return fieldsData(tx, ctx, input);
  });

/**
 * Submits a draft: at or under the brand's threshold it goes live at once; above it (or with no threshold
 * set) it waits for a different staff member's approval. The submitter is the requester.
 */
export const submitCampaign = (ctx: BonusCtx, input: In<typeof ZCampaignVersionRef>) =>
  change(ctx, input, "bonus.campaign_submit", async (tx, before) => {
    requireStatus(before, "submit");
    const problem = campaignProblem(before);
    if (problem) throw invalid(problem.field, problem.reason, problem.params);
    const pending = needsApproval(before.budget, await brandThreshold(tx, ctx.tenantId));
    return pending
      ? { status: "pending_approval", requestedById: staffId(ctx.actor), approvedById: null, approvedAt: null }
      : { status: "active", requestedById: staffId(ctx.actor), approvedById: null, approvedAt: new Date() };
  });

/** Approves a pending campaign: an admin who did not submit it. The approver's note goes into the audit entry. */
export const approveCampaign = (ctx: BonusCtx, input: In<typeof ZCampaignRef> & { note?: string }) =>
  change(
    ctx,
    input,
    "bonus.campaign_approve",
    async (_tx, before) => {
      requireStatus(before, "approve");
      assertApprover(ctx.actor, before.requestedById);
      return { status: "active", approvedById: staffId(ctx.actor), approvedAt: new Date() };
    },
    () => (input.note ? { note: input.note } : {}),
  );

/** Sends a pending campaign back to draft with a reason (in the audit), so it can be fixed and resubmitted. */
export const rejectCampaign = (ctx: BonusCtx, input: In<typeof ZRejectInput>) =>
  change(
    ctx,
    input,
    "bonus.campaign_reject",
    async (_tx, before) => {
      requireStatus(before, "reject");
      assertApprover(ctx.actor, before.requestedById);
      return { status: "draft", approvedById: null, approvedAt: null };
    },
    () => ({ rejectReason: input.reason }),
  );

export const pauseCampaign = (ctx: BonusCtx, input: In<typeof ZCampaignVersionRef>) =>
  change(ctx, input, "bonus.campaign_pause", async (_tx, before) => {
    requireStatus(before, "pause");
    return { status: "paused" };
  });

export const resumeCampaign = (ctx: BonusCtx, input: In<typeof ZCampaignVersionRef>) =>
  change(ctx, input, "bonus.campaign_resume", async (_tx, before) => {
    requireStatus(before, "resume");
    return { status: "active" };
  });

/** Ends a campaign for good: no more grants. Credit already granted stays until used, released or expired. */
export const endCampaign = (ctx: BonusCtx, input: In<typeof ZCampaignVersionRef>) =>
  change(ctx, input, "bonus.campaign_end", async (_tx, before) => {
    requireStatus(before, "end");
    return { status: "ended" };
  });

export async function getCampaign(ctx: BonusCtx, input: In<typeof ZCampaignRef>): Promise<CampaignRow> {
  const c = await load(ctx.db, ctx, input.id);
  return (await toCampaignRows(ctx.db, [c]))[0];
}

export async function listCampaigns(ctx: BonusCtx, q: CampaignListInput) {
  const where: Prisma.BonusCampaignWhereInput = {
    brandId: ctx.tenantId,
    ...(q.status?.length ? { status: { in: q.status } } : {}),
    ...(q.type?.length ? { type: { in: q.type } } : {}),
    ...(q.q ? { name: { contains: q.q, mode: "insensitive" as const } } : {}),
  };
  const orderBy: Prisma.BonusCampaignOrderByWithRelationInput[] = q.sort === "name" ? [{ name: q.dir }, { id: q.dir }] : [{ createdAt: q.dir }, { id: q.dir }];
  const [records, total] = await Promise.all([
    ctx.db.bonusCampaign.findMany({ where, orderBy, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    ctx.db.bonusCampaign.count({ where }),
  ]);
  return { rows: await toCampaignRows(ctx.db, records), total, page: q.page, pageSize: q.pageSize };
}
