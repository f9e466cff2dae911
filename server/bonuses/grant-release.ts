/** Releasing bonus credit: non-withdrawable → withdrawable in the same account, oldest grants first. */
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { recordAudit } from "../audit/audit";
import { AppError, notFound } from "../errors";
import { postJournal } from "../ledger/post";
import { staffId, TX, type BonusCtx } from "./common";
import { bucketBalance, bumpCampaigns } from "./grant-posting";
import { allocateFifo, D, dec, text } from "./rules";
import type { ZReleaseInput } from "@/lib/bonuses/schemas";
import type { ReleaseResult } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

/**
 * Converts non-withdrawable bonus credit to withdrawable in the same account (all, or part), consuming the
 * account's non-withdrawable grants oldest first. At most what the bucket still holds: credit already used
 * in trading cannot be released. Not a transfer (the money stays in the account), so fund locks don't apply.
 */
export async function release(ctx: BonusCtx, input: In<typeof ZReleaseInput>): Promise<ReleaseResult> {
  return ctx.db.$transaction(async (tx) => {
    const account = await tx.tradingAccount.findFirst({ where: { id: input.tradingAccountId, brandId: ctx.tenantId }, select: { id: true, currency: true, status: true } });
    if (!account) throw notFound("tradingAccount");
    if (account.status === "closed") throw new AppError("CONFLICT", "bonuses.errors.releaseAccountClosed");
    const grants = await tx.$queryRaw<{ id: string; remaining: string; campaign_id: string | null }[]>`
      SELECT id::text, remaining::text, campaign_id::text FROM bonus_grant
      WHERE trading_account_id = ${account.id}::uuid AND brand_id = ${ctx.tenantId}::uuid AND status = 'applied'
        AND withdrawable = false AND remaining > 0
      ORDER BY applied_at, id FOR NO KEY UPDATE`;
    const held = await bucketBalance(tx, account.id, "bonus_non_withdrawable");
    const open = grants.reduce((s, g) => s.plus(g.remaining), new D(0));
    const available = D.min(open, held);
    const wanted = input.amount === "all" ? available : dec(input.amount);
    if (!wanted.gt(0)) throw new AppError("CONFLICT", "bonuses.errors.nothingToRelease", { field: "amount" });
    if (wanted.gt(available)) {
      throw new AppError("CONFLICT", "bonuses.errors.releaseTooMuch", { field: "amount", params: { available: text(available), currency: account.currency } });
    }
    const parts = allocateFifo(grants, wanted);
    const perCampaign = new Map<string, D>();
    for (const { grant: g, take } of parts) if (g.campaign_id) perCampaign.set(g.campaign_id, (perCampaign.get(g.campaign_id) ?? new D(0)).plus(take));
    await bumpCampaigns(tx, "released", perCampaign);
    const releaseId = randomUUID();
    const journal = await postJournal(tx, {
      brandId: ctx.tenantId,
      kind: "bonus_release",
      reference: { type: "bonus_release", id: releaseId },
      memo: input.reason,
      actorId: staffId(ctx.actor) ?? undefined,
      lines: [
        { account: { tradingAccountId: account.id, bucket: "bonus_non_withdrawable" }, amount: wanted.neg().toFixed() },
        { account: { tradingAccountId: account.id, bucket: "bonus_withdrawable" }, amount: wanted.toFixed() },
      ],
    });
    for (const { grant: g, take } of parts) {
      const left = dec(g.remaining).minus(take);
      await tx.bonusGrant.update({
        where: { id: g.id },
        data: { remaining: left.toFixed(), released: { increment: take.toFixed() }, status: left.isZero() ? "closed" : "applied", version: { increment: 1 } },
      });
    }
    const result: ReleaseResult = { journalId: journal.id, released: text(wanted), grants: parts.map((p) => ({ id: p.grant.id, released: text(p.take) })) };
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "bonus.release",
      entityType: "trading_account",
      entityId: account.id,
      after: { ...result, reason: input.reason, releaseId },
    });
    return result;
  }, TX);
}
