/**
 * Funds: bonus credit (withdrawable or not) under the campaign rules and the brand's approval threshold,
 * releasing non-withdrawable credit, locking and unlocking a trading account's transfers, and the ledger
 * lines behind an account's balances. Each calls the service staff use.
 */
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { getCampaign } from "../../bonuses/campaigns";
import { grant, grantToAccountOf } from "../../bonuses/grant-create";
import { getGrant } from "../../bonuses/grant-list";
import { release } from "../../bonuses/grant-release";
import type { GrantRow } from "../../bonuses/types";
import { invalid } from "../../errors";
import { lock, unlockDirection } from "../../fund-locks/service";
import type { FundLockRow } from "../../fund-locks/types";
import { ledgerLines } from "../../ledger/service";
import { BONUS_GRANT_STATUSES, ZGrantInput, ZReleaseInput } from "@/lib/bonuses/schemas";
import { FUND_LOCK_DIRECTIONS, FUND_LOCK_SOURCES, FUND_LOCK_STATUSES, ZLockInput } from "@/lib/fund-locks/schemas";
import { TRADING_ACCOUNT_TYPES, zCurrency } from "@/lib/ledger/schemas";
import { endpoint } from "../registry";
import { iso, zDecimal, zListQuery, zPage, zPositiveDecimal, zTime, zUuid } from "./common";

const TAG = "Funds";
const zReason = z.string().min(3).max(500).meta({ description: "Why: kept with the change and shown to staff.", example: "New-customer airdrop" });

const ZGrant = z
  .object({
    id: z.uuid(),
    status: z.enum(BONUS_GRANT_STATUSES).meta({ description: "`pending_approval` above the brand's approval threshold: poll `GET /bonus-grants/{grantId}`." }),
    customerId: z.uuid(),
    tradingAccountId: z.uuid(),
    campaignId: z.uuid().nullable(),
    amount: zDecimal,
    currency: z.string(),
    kind: z.enum(["withdrawable", "non_withdrawable"]),
    remaining: zDecimal,
    expiresAt: zTime.nullable(),
    appliedAt: zTime.nullable(),
    createdAt: zTime,
  })
  .meta({ id: "BonusGrant" });

const grantAnswer = (g: GrantRow) => ({
  id: g.id,
  status: g.status,
  customerId: g.customer.id,
  tradingAccountId: g.tradingAccount.id,
  campaignId: g.campaignId,
  amount: g.amount,
  currency: g.currency,
  kind: g.withdrawable ? ("withdrawable" as const) : ("non_withdrawable" as const),
  remaining: g.remaining,
  expiresAt: iso(g.expiresAt),
  appliedAt: iso(g.appliedAt),
  createdAt: g.createdAt.toISOString(),
});

const ZFundLock = z
  .object({
    id: z.uuid(),
    tradingAccountId: z.uuid(),
    direction: z.enum(FUND_LOCK_DIRECTIONS),
    status: z.enum(FUND_LOCK_STATUSES),
    source: z.enum(FUND_LOCK_SOURCES),
    reason: z.string(),
    expiresAt: zTime.nullable(),
    createdAt: zTime,
    endedAt: zTime.nullable(),
  })
  .meta({ id: "FundLock" });

const lockAnswer = (l: FundLockRow) => ({
  id: l.id,
  tradingAccountId: l.tradingAccountId,
  direction: l.direction,
  status: l.status,
  source: l.source,
  reason: l.reason,
  expiresAt: iso(l.expiresAt),
  createdAt: l.createdAt.toISOString(),
  endedAt: iso(l.endedAt),
});

const ZGrantBody = z
  .strictObject({
    customerId: zUuid("customer"),
    kind: z.enum(["withdrawable", "non_withdrawable"]).meta({ description: "Whether the credit may be withdrawn; a campaign's grants must match the campaign." }),
    amount: zPositiveDecimal.optional().meta({ description: "Required without a campaign; with one, overrides the campaign's rule." }),
    campaignId: zUuid("campaign").optional(),
    depositAmount: zPositiveDecimal.optional().meta({ description: "For a campaign whose amount is a share of a deposit." }),
    tradingAccountId: zUuid("trading account").optional().meta({ description: "The account to credit; or give `currency` (and `accountType`)." }),
    accountType: z.enum(TRADING_ACCOUNT_TYPES).default("spot").meta({ description: "With `currency`: the customer's account of this type, opened if they have none." }),
    currency: z.string().max(12).optional().meta({ example: "USDT" }),
    validityDays: z.number().int().min(1).max(3650).optional().meta({ description: "Without a campaign: days before unused credit is taken back." }),
    reason: zReason,
  })
  .meta({ id: "GrantBonus" });

/** A service-side key per partner key: the grant's own idempotency holds even if the request row is lost. */
const grantKey = (idempotencyKey: string | null) => `api:${createHash("sha256").update(idempotencyKey ?? "").digest("hex")}`;

const ZAccountPath = z.strictObject({ tradingAccountId: zUuid("trading account") });

export const fundEndpoints = [
  endpoint({
    operationId: "grantBonus",
    method: "POST",
    path: "/bonus-grants",
    group: "funds",
    access: "write",
    tag: TAG,
    summary: "Grant bonus credit (withdrawable or not)",
    description:
      "Credits a customer's trading account with bonus credit, under a campaign's rules or on its own. Above the brand's approval threshold the grant waits for an admin (`status: pending_approval`).",
    body: ZGrantBody,
    response: ZGrant,
    status: 201,
    refusals: [400, 404, 409],
    handler: async (ctx, { body, idempotencyKey }) => {
      const withdrawable = body.kind === "withdrawable";
      if (body.campaignId) {
        const campaign = await getCampaign(ctx, { id: body.campaignId });
        if (campaign.withdrawable !== withdrawable) throw invalid("kind", "partnerApi.errors.invalidValue", { field: "kind", detail: `The campaign grants ${campaign.withdrawable ? "withdrawable" : "non_withdrawable"} credit` });
      }
      const input = ZGrantInput.omit({ tradingAccountId: true }).parse({
        customerId: body.customerId,
        campaignId: body.campaignId,
        amount: body.amount,
        depositAmount: body.depositAmount,
        withdrawable: body.campaignId ? undefined : withdrawable,
        validityDays: body.campaignId ? undefined : body.validityDays,
        idempotencyKey: grantKey(idempotencyKey),
        reason: body.reason,
      });
      if (body.tradingAccountId) return grantAnswer(await grant(ctx, { ...input, tradingAccountId: body.tradingAccountId }));
      if (!body.currency) throw invalid("currency", "partnerApi.errors.invalidValue", { field: "currency", detail: "Give tradingAccountId, or currency (and accountType)" });
      const currency = zCurrency.safeParse(body.currency);
      if (!currency.success) throw invalid("currency", "partnerApi.errors.invalidValue", { field: "currency", detail: currency.error.issues[0].message });
      return grantAnswer(await grantToAccountOf(ctx, input, { type: body.accountType, currency: currency.data }));
    },
  }),
  endpoint({
    operationId: "getBonusGrant",
    method: "GET",
    path: "/bonus-grants/{grantId}",
    group: "funds",
    access: "read",
    tag: TAG,
    summary: "A bonus grant (poll one waiting for approval)",
    params: z.strictObject({ grantId: zUuid("grant") }),
    response: ZGrant,
    refusals: [400, 404],
    handler: async (ctx, { params }) => grantAnswer(await getGrant(ctx, { id: params.grantId })),
  }),
  endpoint({
    operationId: "releaseBonus",
    method: "POST",
    path: "/trading-accounts/{tradingAccountId}/bonus-release",
    group: "funds",
    access: "write",
    tag: TAG,
    summary: "Release non-withdrawable bonus credit",
    description: "Turns non-withdrawable credit in the account into withdrawable credit — all of it, or an amount — oldest grants first.",
    params: ZAccountPath,
    body: z.strictObject({ amount: z.union([z.literal("all"), zPositiveDecimal]).meta({ description: "`all`, or a decimal amount." }), reason: zReason }).meta({ id: "ReleaseBonus" }),
    response: z.object({ released: zDecimal, grants: z.array(z.object({ id: z.uuid(), released: zDecimal })) }).meta({ id: "BonusRelease" }),
    refusals: [400, 404, 409],
    handler: async (ctx, { params, body }) => {
      const result = await release(ctx, ZReleaseInput.parse({ tradingAccountId: params.tradingAccountId, ...body }));
      return { released: result.released, grants: result.grants };
    },
  }),
  endpoint({
    operationId: "lockTransfers",
    method: "POST",
    path: "/trading-accounts/{tradingAccountId}/locks",
    group: "funds",
    access: "write",
    tag: TAG,
    summary: "Lock an account's transfers in, out or both",
    params: ZAccountPath,
    body: z
      .strictObject({ direction: z.enum(FUND_LOCK_DIRECTIONS), reason: zReason, expiresAt: zTime.optional().meta({ description: "When the lock ends by itself; none: until unlocked." }) })
      .meta({ id: "LockTransfers" }),
    response: ZFundLock,
    status: 201,
    refusals: [400, 404, 409],
    handler: async (ctx, { params, body }) => lockAnswer(await lock(ctx, ZLockInput.parse({ tradingAccountId: params.tradingAccountId, ...body }))),
  }),
  endpoint({
    operationId: "unlockTransfers",
    method: "POST",
    path: "/trading-accounts/{tradingAccountId}/unlock",
    group: "funds",
    access: "write",
    tag: TAG,
    summary: "Unlock an account's transfers in, out or both",
    description: "Ends the active lock of that direction. Locks placed by a risk rule can only be lifted by the brand's admins.",
    params: ZAccountPath,
    body: z.strictObject({ direction: z.enum(FUND_LOCK_DIRECTIONS), reason: zReason }).meta({ id: "UnlockTransfers" }),
    response: ZFundLock,
    refusals: [400, 404, 409],
    handler: async (ctx, { params, body }) => lockAnswer(await unlockDirection(ctx, { tradingAccountId: params.tradingAccountId, ...body })),
  }),
  endpoint({
    operationId: "listLedgerLines",
    method: "GET",
    path: "/trading-accounts/{tradingAccountId}/ledger",
    group: "funds",
    access: "read",
    tag: TAG,
    summary: "The ledger lines behind an account's balances",
    description: "Newest first. Each line moved one bucket of the account; `balanceAfter` is that bucket's balance after it.",
    params: ZAccountPath,
    query: zListQuery,
    response: zPage(
      z
        .object({
          id: z.uuid(),
          journalId: z.uuid(),
          kind: z.string().meta({ description: "What caused it, e.g. `bonus_grant`, `bonus_release`, `transfer`." }),
          bucket: z.enum(["cash", "bonus_withdrawable", "bonus_non_withdrawable"]),
          amount: zDecimal.meta({ description: "Signed: positive came in, negative went out." }),
          balanceAfter: zDecimal,
          referenceType: z.string().nullable(),
          referenceId: z.string().nullable(),
          createdAt: zTime,
        })
        .meta({ id: "LedgerLine" }),
      "LedgerLinePage",
    ),
    refusals: [400, 404],
    handler: async (ctx, { params, query }) => {
      const page = await ledgerLines(ctx, { tradingAccountId: params.tradingAccountId, limit: query.limit, cursor: query.cursor });
      return {
        data: page.rows.map((l) => ({ id: l.id, journalId: l.journalId, kind: l.kind, bucket: l.bucket, amount: l.amount, balanceAfter: l.balanceAfter, referenceType: l.referenceType, referenceId: l.referenceId, createdAt: l.createdAt.toISOString() })),
        nextCursor: page.nextCursor,
      };
    },
  }),
];
