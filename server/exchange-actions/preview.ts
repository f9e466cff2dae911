/**
 * What an action would do, read live from the exchange with the same keys and the same targets the action
 * uses: the orders it would cancel or the positions it would close, sizes and estimated notional, and the
 * sub-accounts it could not reach (and why). Reads only.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext } from "../actor";
import { isOkxError } from "../exchange/okx";
import type { ZExchangeActionPreviewInput } from "@/lib/exchange-actions/schemas";
import type { ExchangeActionPreview, PreviewOrder, PreviewPosition, SkippedSubaccount } from "@/lib/exchange-actions/types";
import { contractValues, liveOrders, livePositions, orderRow, positionRow, readLive, samePosition, totalOf } from "./live";
import { customerSubaccounts, reachableTargets, singleTarget, type ExchangeActionDeps, type Target } from "./targets";

type PreviewInput = z.output<typeof ZExchangeActionPreviewInput>;

async function ordersOf(t: Target, filter?: { instId: string; ordId: string }): Promise<PreviewOrder[]> {
  const orders = (await liveOrders(t.client, filter?.instId)).filter((o) => !filter || o.ordId === filter.ordId);
  const ctVal = await contractValues(t, orders);
  return orders.map((o) => orderRow(t, o, ctVal));
}

async function positionsOf(t: Target, filter?: { instId: string; mgnMode: string; posSide: string }): Promise<PreviewPosition[]> {
  const positions = (await livePositions(t.client, filter?.instId)).filter((p) => !filter || samePosition(p, filter));
  const ctVal = await contractValues(t, positions);
  return positions.map((p) => positionRow(t, p, ctVal));
}

/** The preview of one of the four actions (see ZExchangeActionPreviewInput). */
export async function previewExchangeAction(ctx: BrandContext, input: PreviewInput, deps: ExchangeActionDeps = {}): Promise<ExchangeActionPreview> {
  const readAt = new Date();
  const answer = (orders: PreviewOrder[], positions: PreviewPosition[], skipped: SkippedSubaccount[]): ExchangeActionPreview => ({
    action: input.action,
    orders,
    positions,
    totalNotional: totalOf([...orders.map((o) => o.notional), ...positions.map((p) => p.notionalUsd)]),
    skipped,
    readAt,
  });

  if (input.action === "cancelOrder" || input.action === "closePosition") {
    const t = await singleTarget(ctx, input.subaccountId, "trade", deps);
    if (input.action === "cancelOrder") return answer(await readLive(() => ordersOf(t, input)), [], []);
    return answer([], await readLive(() => positionsOf(t, input)), []);
  }

  const { targets, skipped } = await reachableTargets(ctx, await customerSubaccounts(ctx, input), "trade", deps);
  const orders: PreviewOrder[] = [];
  const positions: PreviewPosition[] = [];
  for (const t of targets) {
    try {
      if (input.action === "cancelAllOrders") orders.push(...(await ordersOf(t)));
      else positions.push(...(await positionsOf(t)));
    } catch (e) {
      if (!isOkxError(e)) throw e;
      skipped.push({ subaccountId: t.subaccountId, subAcct: t.subAcct, reason: "exchangeActions.errors.readFailed", params: { code: e.code, msg: e.msg } });
    }
  }
  return answer(orders, positions, skipped);
}
