/** Moving a sub-account between account levels on the exchange, then storing what the exchange answered. */
import "server-only";
import { assertExchangeMutationsAllowed } from "../exchange-actions/mutation-guard";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { AppError, invalid, type ErrorReason } from "../errors";
import { brandExchange } from "../exchange/brand-client";
import { ACCOUNT_LEVEL_VALUES, type AccountLevel, type SubaccountDetail, type ZSetSubaccountLevelInput } from "@/lib/subaccounts/schemas";
import { exchangeFailure, INTERACTIVE, type SubaccountExchangeOptions } from "./exchange-calls";
import { assertNotRemoved, loadSubaccount, snapshot, STALE, toDetail } from "./internal";

type In<T extends z.ZodType> = z.infer<T>;

/** Refusals naming a level name it in words: one reason per level. */
const LEVEL_REASONS: Record<AccountLevel, { already: ErrorReason; refused: ErrorReason; refusedNoMessage: ErrorReason }> = {
  1: {
    already: "subaccounts.errors.alreadyAtLevel.spot",
    refused: "subaccounts.errors.levelRefused.spot",
    refusedNoMessage: "subaccounts.errors.levelRefusedNoMessage.spot",
  },
  2: {
    already: "subaccounts.errors.alreadyAtLevel.spotAndFutures",
    refused: "subaccounts.errors.levelRefused.spotAndFutures",
    refusedNoMessage: "subaccounts.errors.levelRefusedNoMessage.spotAndFutures",
  },
  3: {
    already: "subaccounts.errors.alreadyAtLevel.multiCurrencyMargin",
    refused: "subaccounts.errors.levelRefused.multiCurrencyMargin",
    refusedNoMessage: "subaccounts.errors.levelRefusedNoMessage.multiCurrencyMargin",
  },
  4: {
    already: "subaccounts.errors.alreadyAtLevel.portfolioMargin",
    refused: "subaccounts.errors.levelRefused.portfolioMargin",
    refusedNoMessage: "subaccounts.errors.levelRefusedNoMessage.portfolioMargin",
  },
};

/**
 * Sets the account level on the exchange (POST broker/dma/set-subaccount-level), then stores what the
 * exchange answered. The version is checked before the exchange call; the row then follows the exchange
 * whatever a sync wrote meanwhile. Audited as subaccount.set_level with before/after.
 */
export async function setSubaccountLevel(
  ctx: TenantContext,
  input: In<typeof ZSetSubaccountLevelInput>,
  options: SubaccountExchangeOptions = {},
): Promise<SubaccountDetail> {
  const before = await loadSubaccount(ctx.db, ctx, input.id);
  if (before.version !== input.version) throw new AppError("CONFLICT", STALE);
  assertNotRemoved(before, "changeLevel");
  const reasons = LEVEL_REASONS[input.accountLevel];
  if (before.accountLevel === input.accountLevel) throw invalid("accountLevel", reasons.already, { subAcct: before.subAcct });

  await assertExchangeMutationsAllowed(ctx.db, ctx.tenantId);
  const { client } = await brandExchange(ctx.db, ctx.tenantId, { ...INTERACTIVE, ...options });
  let level: number;
  try {
    const answer = await client.setSubaccountLevel({ subAcct: before.subAcct, acctLv: ACCOUNT_LEVEL_VALUES[input.accountLevel - 1] });
    level = Number(answer.acctLv) || input.accountLevel;
  } catch (error) {
    throw exchangeFailure(error, () => ({
      field: "accountLevel",
      reason: reasons.refused,
      reasonNoMessage: reasons.refusedNoMessage,
      params: { subAcct: before.subAcct },
    }));
  }

  return ctx.db.$transaction(async (tx) => {
    await tx.subaccount.update({ where: { id: before.id }, data: { accountLevel: level, version: { increment: 1 } } });
    const after = await loadSubaccount(tx, ctx, before.id);
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "subaccount.set_level",
      entityType: "subaccount",
      entityId: before.id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return toDetail(after);
  });
}
