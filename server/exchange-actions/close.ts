/**
 * Closing a customer's positions at market (OKX close-position, with `autoCxl` so pending orders on the
 * position do not block it): one position, or all of them across their sub-accounts, one request each.
 * A close creates an order, so it is never resent after an unclear answer (time-out, 5xx): the positions
 * are read again and the result says whether the position is gone.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { isOkxError } from "../exchange/okx";
import type { ZCloseAllPositionsInput, ZClosePositionInput } from "@/lib/exchange-actions/schemas";
import type { ActionItemResult, ExchangeActionResult, SkippedSubaccount } from "@/lib/exchange-actions/types";
import { livePositions, readLive, samePosition, type ClosablePosition } from "./live";
import { assertExchangeMutationsAllowed } from "./mutation-guard";
import { answerOf, finish, itemOf, runBulk, unclear } from "./record";
import { customerSubaccounts, reachableTargets, singleTarget, type ExchangeActionDeps, type Target } from "./targets";

const positionTarget = (t: Target, p: { instId: string; mgnMode: string; posSide: string; pos?: string }) => ({
  kind: "position" as const,
  subaccountId: t.subaccountId,
  subAcct: t.subAcct,
  instId: p.instId,
  ordId: null,
  mgnMode: p.mgnMode,
  posSide: p.posSide,
  size: p.pos ?? null,
});

/** Closes one position; after an unclear answer, looks at the positions instead of sending again. */
async function closeOne(ctx: BrandContext, t: Target, p: ClosablePosition): Promise<ActionItemResult> {
  await assertExchangeMutationsAllowed(ctx.db, ctx.tenantId);
  try {
    await t.client.closePosition({ instId: p.instId, mgnMode: p.mgnMode, posSide: p.posSide, autoCxl: true });
    return itemOf(positionTarget(t, p), "done", { code: "0" });
  } catch (e) {
    if (!isOkxError(e)) throw e;
    if (!unclear(e)) return itemOf(positionTarget(t, p), "failed", answerOf(e));
    try {
      const still = (await livePositions(t.client, p.instId)).some((q) => samePosition(q, p));
      return itemOf(positionTarget(t, p), still ? "failed" : "done", { ...answerOf(e), checked: true });
    } catch {
      return itemOf(positionTarget(t, p), "unknown", answerOf(e));
    }
  }
}

/**
 * Closes one position of one of the brand's sub-accounts at market, with a reason. The position is looked
 * up on the exchange first; one that is no longer open is reported as such and nothing is sent.
 */
export async function closePosition(ctx: BrandContext, input: z.output<typeof ZClosePositionInput>, deps: ExchangeActionDeps = {}): Promise<ExchangeActionResult> {
  const t = await singleTarget(ctx, input.subaccountId, "trade", deps);
  const open = await readLive(() => livePositions(t.client, input.instId));
  const position = open.find((p) => samePosition(p, input));
  const items = position ? [await closeOne(ctx, t, position)] : [itemOf(positionTarget(t, input), "not_open")];
  return finish(ctx, {
    action: "closePosition",
    reason: input.reason,
    asked: { subaccountId: input.subaccountId, instId: input.instId, mgnMode: input.mgnMode, posSide: input.posSide },
    entity: { type: "subaccount", id: input.subaccountId },
    items,
    skipped: [],
  });
}

/**
 * Closes every open position of a customer's sub-accounts (or one of them) at market, as the exchange
 * lists them now; one position's failure does not stop the others. The emergency stop does (checked
 * before each close): what was closed by then is audited, then the stop is the answer.
 */
export async function closeAllPositions(ctx: BrandContext, input: z.output<typeof ZCloseAllPositionsInput>, deps: ExchangeActionDeps = {}): Promise<ExchangeActionResult> {
  const subs = await customerSubaccounts(ctx, input);
  const { targets, skipped } = await reachableTargets(ctx, subs, "trade", deps);
  const items: ActionItemResult[] = [];
  // The same array the loop fills: an interrupted run audits what it had sent by then.
  const allSkipped: SkippedSubaccount[] = [...skipped];
  const finished = { action: "closeAllPositions" as const, reason: input.reason, asked: { customerId: input.customerId, subaccountId: input.subaccountId ?? null }, entity: { type: "customer" as const, id: input.customerId }, items, skipped: allSkipped };
  return runBulk(ctx, finished, async () => {
    for (const t of targets) {
      let positions: ClosablePosition[];
      try {
        positions = await livePositions(t.client);
      } catch (e) {
        if (!isOkxError(e)) throw e;
        allSkipped.push({ subaccountId: t.subaccountId, subAcct: t.subAcct, reason: "exchangeActions.errors.readFailed", params: { code: e.code, msg: e.msg } });
        continue;
      }
      for (const p of positions) items.push(await closeOne(ctx, t, p));
    }
  });
}
