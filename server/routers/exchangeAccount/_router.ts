/** Customers' exchange accounts as the last sync stored them, and "Refresh". Thin: rules live in the services. */
import "server-only";
import { ZBillListInput, ZCustomerExchangeInput, ZFillListInput, ZOpenOrderListInput, ZPositionListInput, ZRefreshInput } from "@/lib/exchange-accounts/schemas";
import { listBills, listFills, listOpenOrders, listPositions } from "@/server/exchange-accounts/lists";
import { refreshCustomerExchange } from "@/server/exchange-accounts/refresh";
import { customerExchangeSummary } from "@/server/exchange-accounts/summary";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const exchangeAccountRouter = createTRPCRouter({
  /** A customer's sub-accounts with their freshness, balances by currency (USDT value), positions and open orders. */
  summary: brandProcedure("exchange.read").input(ZCustomerExchangeInput).query(({ ctx, input }) => customerExchangeSummary(ctx, input.customerId)),
  /** One page of a customer's fills. */
  fills: brandProcedure("exchange.read").input(ZFillListInput).query(({ ctx, input }) => listFills(ctx, input)),
  /** One page of a customer's bills. */
  bills: brandProcedure("exchange.read").input(ZBillListInput).query(({ ctx, input }) => listBills(ctx, input)),
  /** One page of the brand's positions, largest exposure first. */
  positions: brandProcedure("exchange.read").input(ZPositionListInput).query(({ ctx, input }) => listPositions(ctx, input)),
  /** One page of the brand's open orders, newest first. */
  openOrders: brandProcedure("exchange.read").input(ZOpenOrderListInput).query(({ ctx, input }) => listOpenOrders(ctx, input)),
  /** Queues a sync of the customer's sub-accounts now: it writes (jobs, audit), so it needs exchange.act. */
  refresh: brandProcedure("exchange.act").input(ZRefreshInput).mutation(({ ctx, input }) => refreshCustomerExchange(ctx, input)),
});
