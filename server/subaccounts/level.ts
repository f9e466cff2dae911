/** Moving a sub-account between account levels on the exchange, then storing what the exchange answered. */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { AppError, invalid } from "../errors";
import { brandExchange } from "../exchange/brand-client";
import { ACCOUNT_LEVEL_VALUES, type SubaccountDetail, type ZSetSubaccountLevelInput } from "@/lib/subaccounts/schemas";
import { exchangeFailure, INTERACTIVE, okxDetail, type SubaccountExchangeOptions } from "./exchange-calls";
import { assertNotRemoved, loadSubaccount, snapshot, STALE_MESSAGE, toDetail } from "./internal";

type In<T extends z.ZodType> = z.infer<T>;

const LEVEL_NAMES: Record<number, string> = { 1: "spot", 2: "spot and futures", 3: "multi-currency margin", 4: "portfolio margin" };
const levelName = (level: number) => `${level} (${LEVEL_NAMES[level] ?? "unknown"})`;

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
  if (before.version !== input.version) throw new AppError("CONFLICT", STALE_MESSAGE);
  assertNotRemoved(before, "change its account level");
  if (before.accountLevel === input.accountLevel) {
    throw invalid("accountLevel", `Sub-account ${before.subAcct} is already at account level ${levelName(input.accountLevel)}`);
  }

  const { client } = await brandExchange(ctx.db, ctx.tenantId, { ...INTERACTIVE, ...options });
  let level: number;
  try {
    const answer = await client.setSubaccountLevel({ subAcct: before.subAcct, acctLv: ACCOUNT_LEVEL_VALUES[input.accountLevel - 1] });
    level = Number(answer.acctLv) || input.accountLevel;
  } catch (error) {
    throw exchangeFailure(error, (e) => ({
      field: "accountLevel",
      message: `The exchange refused account level ${levelName(input.accountLevel)} for ${before.subAcct}: ${okxDetail(e)}`,
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
