/**
 * The end of every action: one audit entry (what was asked, the reason, each item's outcome — never a key
 * or secret) and a sync of each touched sub-account, so the synced pages catch up with the exchange.
 */
import "server-only";
import type { BrandContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { AppError } from "../errors";
import { requestSubaccountSync } from "../exchange-accounts/sync-queue";
import { LOCAL_CODES, type OkxError } from "../exchange/okx";
import type { ExchangeAction } from "@/lib/exchange-actions/schemas";
import { ITEM_STATUSES, type ActionItemResult, type ExchangeActionResult, type ItemStatus, type SkippedSubaccount } from "@/lib/exchange-actions/types";

const AUDIT: Record<ExchangeAction, { action: string }> = {
  cancelOrder: { action: "exchange.order_cancel" },
  cancelAllOrders: { action: "exchange.orders_cancel_all" },
  closePosition: { action: "exchange.position_close" },
  closeAllPositions: { action: "exchange.positions_close_all" },
};

type ItemTarget = Pick<ActionItemResult, "kind" | "subaccountId" | "subAcct" | "instId" | "ordId" | "mgnMode" | "posSide" | "size">;

export const itemOf = (target: ItemTarget, status: ItemStatus, answer: { code?: string | null; message?: string | null; checked?: boolean } = {}): ActionItemResult => ({
  ...target,
  status,
  code: answer.code ?? null,
  message: answer.message || null,
  checkedAfterUnclearAnswer: answer.checked ?? false,
});

/** OKX's code and message of a failure. */
export const answerOf = (e: OkxError) => ({ code: e.code, message: e.msg });

/**
 * Did the request fail so that it may or may not have been carried out (time-out, 5xx, dropped
 * connection, or a creating POST the client would not resend)? Then the live state says what happened.
 * Not an open breaker: it sent nothing, so the item simply failed.
 */
export const unclear = (e: OkxError) => e.outcomeUnknown || (e.kind === "transient" && e.code !== LOCAL_CODES.circuitOpen);

export interface Finished {
  action: ExchangeAction;
  reason: string;
  /** What was asked (ids and instruments), as the caller gave it. */
  asked: Record<string, unknown>;
  entity: { type: "customer" | "subaccount"; id: string };
  items: ActionItemResult[];
  skipped: SkippedSubaccount[];
  /** Why a bulk action stopped before its last item (the emergency stop, an unexpected error). */
  interrupted?: unknown;
}

/** Audits the action and asks for a sync of every sub-account it sent something to; returns the result. */
export async function finish(ctx: BrandContext, f: Finished): Promise<ExchangeActionResult> {
  const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, f.items.filter((i) => i.status === s).length])) as Record<ItemStatus, number>;
  await ctx.db.$transaction((tx) =>
    recordAudit(tx, { actor: ctx.actor, request: ctx.request }, {
      brandId: ctx.tenantId,
      action: AUDIT[f.action].action,
      entityType: f.entity.type,
      entityId: f.entity.id,
      after: { reason: f.reason, asked: f.asked, counts, items: f.items, skipped: f.skipped, ...(f.interrupted !== undefined ? { interrupted: interruption(f.interrupted) } : {}) },
    }),
  );
  const touched = [...new Set(f.items.filter((i) => i.status !== "not_open").map((i) => i.subaccountId))];
  // The scheduled sync catches up within minutes anyway: a queue that is down must not turn a done action into an error.
  await Promise.all(touched.map((id) => requestSubaccountSync(ctx.tenantId, id, "action").catch(() => undefined)));
  return { action: f.action, items: f.items, skipped: f.skipped, counts };
}

/** The reason key of what interrupted a bulk action ("unexpected" for anything that is not an AppError). */
const interruption = (error: unknown) => (error instanceof AppError ? error.reason : "unexpected");

/**
 * Runs a bulk action's items, `run` pushing each result into `items` as it goes. When an item throws (the
 * emergency stop met between two items, an unexpected error), what was already sent is still audited and
 * synced — with the reason it stopped — and then the error goes on to the caller.
 */
export async function runBulk(ctx: BrandContext, f: Omit<Finished, "interrupted">, run: () => Promise<void>): Promise<ExchangeActionResult> {
  try {
    await run();
  } catch (error) {
    // An audit that cannot be written must not hide the error that stopped the action.
    await finish(ctx, { ...f, interrupted: error }).catch(() => undefined);
    throw error;
  }
  return finish(ctx, f);
}
