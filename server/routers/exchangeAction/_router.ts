/** Staff acting on a customer's exchange account: preview, cancel orders, close positions. Thin: rules live in the service. */
import "server-only";
import { cancelAllOrders, cancelOrder } from "@/server/exchange-actions/cancel";
import { closeAllPositions, closePosition } from "@/server/exchange-actions/close";
import { previewExchangeAction } from "@/server/exchange-actions/preview";
import {
  ZCancelAllOrdersInput,
  ZCancelOrderInput,
  ZCloseAllPositionsInput,
  ZClosePositionInput,
  ZExchangeActionPreviewInput,
} from "@/lib/exchange-actions/schemas";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const exchangeActionRouter = createTRPCRouter({
  /** What an action would cancel or close, read live from the exchange (sizes, estimated notional, unreachable sub-accounts). */
  preview: brandProcedure("exchange.read").input(ZExchangeActionPreviewInput).query(({ ctx, input }) => previewExchangeAction(ctx, input)),
  /** Cancels one open order; answers the exchange's result for it. */
  cancelOrder: brandProcedure("exchange.act").input(ZCancelOrderInput).mutation(({ ctx, input }) => cancelOrder(ctx, input)),
  /** Cancels every open order of a customer's sub-accounts (or one); per-order results. */
  cancelAllOrders: brandProcedure("exchange.act").input(ZCancelAllOrdersInput).mutation(({ ctx, input }) => cancelAllOrders(ctx, input)),
  /** Closes one position at market; answers the exchange's result for it. */
  closePosition: brandProcedure("exchange.act").input(ZClosePositionInput).mutation(({ ctx, input }) => closePosition(ctx, input)),
  /** Closes every position of a customer's sub-accounts (or one) at market; per-position results. */
  closeAllPositions: brandProcedure("exchange.act").input(ZCloseAllPositionsInput).mutation(({ ctx, input }) => closeAllPositions(ctx, input)),
});
