/**
 * Requesting a withdrawal (staff, or a partner key for a customer). Every check of checks.ts runs first;
 * a refusal leaves nothing. Passing, it is stored with its clientId — generated here, once — and either
 * waits for a second person (value above the brand's threshold) or is queued and sent at once.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { Decimal } from "decimal.js";
import type { z } from "zod";
import { recordAudit } from "../audit/audit";
import { assertCustomerMoneyAllowed } from "../emergency/customer-breaker";
import { assertExchangeSendAllowed, assertMoneyMovementAllowed } from "../emergency/guard";
import { AppError } from "../errors";
import type { BrandClientOptions } from "../exchange/brand-client";
import { enqueueBestEffort } from "../queues/best-effort";
import { afterRequest, holdAtRequest } from "../risk/at-request";
import type { ZRequestWithdrawalInput } from "@/lib/withdrawals/schemas";
import { checkInTransaction, checkOnExchange, checkParties } from "./checks";
import { snapshot, staffId, toRow, TX, WITHDRAWAL_INCLUDE, type WithdrawalCtx } from "./common";
import { withdrawClient } from "./exchange";
import { effectiveSettings } from "./settings";
import type { WithdrawalRow } from "./types";

export interface RequestOptions {
  /** A partner request's idempotency key (already hashed by the caller): a replay answers the first. */
  idempotencyKey?: string;
  clientOptions?: BrandClientOptions;
  now?: () => Date;
}

/** OKX's clientId: 32 letters and digits, made once per withdrawal. */
export const newClientId = () => randomUUID().replace(/-/g, "");

/** Puts a queued withdrawal on the send queue; if Redis is down the follow job sends it later. */
export async function enqueueSend(brandId: string, withdrawalId: string) {
  // Redis down: the row stays queued and the follow job's sweep sends it.
  await enqueueBestEffort("withdrawal-send", { brandId, withdrawalId });
}

/**
 * A replayed key must carry the same request from the same partner key. The partner layer compares whole
 * requests while it keeps a key (48 h); after that this lookup is the only guard, so it compares too.
 */
function assertSameRequest(ctx: WithdrawalCtx, earlier: { customerId: string; subaccountId: string; ccy: string; chain: string; amount: unknown; address: string; tag: string; partnerKeyId: string | null }, ask: z.infer<typeof ZRequestWithdrawalInput>) {
  const same =
    earlier.partnerKeyId === (ctx.actor.type === "partner" ? ctx.actor.id : null) &&
    earlier.customerId === ask.customerId &&
    earlier.subaccountId === ask.subaccountId &&
    earlier.ccy === ask.ccy &&
    earlier.chain === ask.chain &&
    new Decimal(String(earlier.amount)).eq(ask.amount) &&
    earlier.address === ask.address &&
    earlier.tag === (ask.tag ?? "");
  if (!same) throw new AppError("CONFLICT", "partnerApi.errors.idempotencyKeyReused", { field: "Idempotency-Key" });
}

export async function requestWithdrawal(ctx: WithdrawalCtx, input: z.infer<typeof ZRequestWithdrawalInput>, options: RequestOptions = {}): Promise<WithdrawalRow> {
  if (options.idempotencyKey) {
    const earlier = await ctx.db.withdrawal.findFirst({ where: { brandId: ctx.tenantId, idempotencyKey: options.idempotencyKey }, include: WITHDRAWAL_INCLUDE });
    if (earlier) {
      assertSameRequest(ctx, earlier, input);
      return toRow(ctx.db, earlier, true);
    }
  }
  // Refused early while an emergency stop applies (before any exchange read), and again under its lock below.
  await assertExchangeSendAllowed(ctx.db, ctx.tenantId);
  const now = options.now?.() ?? new Date();
  const ask = { ...input, tag: input.tag ?? "" };
  const { customer } = await checkParties(ctx.db, ctx.tenantId, ask);
  const settings = await effectiveSettings(ctx.db, ctx.tenantId);
  const sc = await withdrawClient(ctx.db, ctx.tenantId, ask.subaccountId, options.clientOptions);
  const facts = await checkOnExchange(sc, ask, customer.kycLevel, settings);

  const { record: created, opened } = await ctx.db.$transaction(async (tx) => {
    await assertMoneyMovementAllowed(tx, ctx.tenantId);
    await assertCustomerMoneyAllowed(tx, ctx.tenantId, [ask.customerId]);
    // Status and KYC level again, under the row lock the in-transaction checks take.
    const { customer: now_ } = await checkParties(tx, ctx.tenantId, ask);
    if (now_.kycLevel !== customer.kycLevel) throw new AppError("CONFLICT", "withdrawals.errors.changedMeanwhile", { field: "customerId" });
    const { addressBookId } = await checkInTransaction(tx, ctx.tenantId, ask, facts, customer.kycLevel, settings, now);
    const needsApproval = settings.approvalThreshold === null || facts.valueUsdt.gt(settings.approvalThreshold.toFixed());
    const stored = await tx.withdrawal.create({
      data: {
        brandId: ctx.tenantId,
        customerId: ask.customerId,
        subaccountId: ask.subaccountId,
        ccy: ask.ccy,
        chain: facts.chain.chain,
        amount: facts.amount.toFixed(),
        fee: facts.fee.toFixed(),
        valueUsdt: facts.valueUsdt.toDecimalPlaces(18).toFixed(),
        address: ask.address,
        tag: ask.tag,
        addressBookId,
        state: needsApproval ? "pending_approval" : "queued",
        clientId: newClientId(),
        requestedById: staffId(ctx.actor),
        partnerKeyId: ctx.actor.type === "partner" ? ctx.actor.id : null,
        idempotencyKey: options.idempotencyKey ?? null,
        reason: input.reason ?? "",
      },
      include: WITHDRAWAL_INCLUDE,
    });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "withdrawal.request",
      entityType: "withdrawal",
      entityId: stored.id,
      after: { ...snapshot(stored), reason: stored.reason, needsApproval, threshold: settings.approvalThreshold?.toFixed() ?? null },
    });
    // Risk limits with the hold action, checked here so a breaching request is never queued (server/risk/at-request.ts).
    return holdAtRequest(tx, ctx.tenantId, stored);
  }, TX);
  if (created.state === "queued") await enqueueSend(ctx.tenantId, created.id);
  await afterRequest(ctx.db, ctx.tenantId, created.customerId, opened);
  return toRow(ctx.db, created, options.idempotencyKey ? false : undefined);
}
