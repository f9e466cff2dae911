"use client";
/**
 * The customer page's "Exchange" tab (exchange.read): each sub-account's freshness, balances by currency,
 * and positions, open orders, fills and bills as the last sync stored them (server-side paged). "Refresh"
 * for exchange.act. Slots for the staff-actions feature: `positionActions` / `orderActions` add a row
 * action column to those tables, `toolbar` sits beside Refresh.
 */
import { useQuery } from "@tanstack/react-query";
import { Landmark } from "lucide-react";
import type { ReactNode } from "react";
import { OpenOrdersTable } from "@/components/exchange-accounts/open-orders-table";
import { PositionsTable } from "@/components/exchange-accounts/positions-table";
import { useLocalTableState } from "@/components/data-table/use-local-table-state";
import { LoadError } from "@/components/load-error";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { Permission } from "@/lib/auth/permissions";
import { ZOpenOrderListInput, ZPositionListInput } from "@/lib/exchange-accounts/schemas";
import type { OpenOrderRow, PositionRow } from "@/lib/exchange-accounts/types";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ExchangeBalances } from "./exchange-balances";
import { ExchangeFreshness } from "./exchange-freshness";
import { ExchangeBills, ExchangeFills } from "./exchange-history";
import { ExchangeRefresh } from "./exchange-refresh";

export interface CustomerExchangeSlots {
  positionActions?: (row: PositionRow) => ReactNode;
  orderActions?: (row: OpenOrderRow) => ReactNode;
  toolbar?: ReactNode;
}

export function CustomerExchange({ customerId, granted, slots = {} }: { customerId: string; granted: readonly Permission[]; slots?: CustomerExchangeSlots }) {
  const t = useT();
  const trpc = useTRPC();
  const summary = useQuery(trpc.exchangeAccount.summary.queryOptions({ customerId }, { refetchInterval: 60_000 }));
  const positions = useLocalTableState(ZPositionListInput, { customerId });
  const orders = useLocalTableState(ZOpenOrderListInput, { customerId });

  if (summary.isPending) {
    return (
      <div className="grid gap-4 lg:grid-cols-2" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-48" />
        <Skeleton className="h-48" />
        <Skeleton className="h-64 lg:col-span-2" />
      </div>
    );
  }
  if (summary.isError) return <LoadError title={t("exchangeAccounts.loadError")} error={summary.error} onRetry={() => void summary.refetch()} />;
  const data = summary.data;
  if (data.subaccounts.length === 0) return <EmptyState icon={Landmark} title={t("exchangeAccounts.noSubaccounts")} />;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-end gap-2">
        {slots.toolbar}
        {granted.includes("exchange.act") && <ExchangeRefresh customerId={customerId} />}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <ExchangeBalances summary={data} />
        <ExchangeFreshness subaccounts={data.subaccounts} now={new Date(summary.dataUpdatedAt)} />
      </div>
      <Tabs defaultValue="positions" className="gap-3">
        <TabsList aria-label={t("exchangeAccounts.tab")}>
          <TabsTrigger value="positions">
            {t("exchangeAccounts.positions.title")} ({data.positions.length})
          </TabsTrigger>
          <TabsTrigger value="orders">
            {t("exchangeAccounts.orders.title")} ({data.openOrders.length})
          </TabsTrigger>
          <TabsTrigger value="fills">{t("exchangeAccounts.fills.title")}</TabsTrigger>
          <TabsTrigger value="bills">{t("exchangeAccounts.bills.title")}</TabsTrigger>
        </TabsList>
        <TabsContent value="positions">
          <PositionsTable state={positions} brandWide={false} actions={slots.positionActions} caption={t("exchangeAccounts.positions.title")} emptyTitle={t("exchangeAccounts.positions.empty")} />
        </TabsContent>
        <TabsContent value="orders">
          <OpenOrdersTable state={orders} brandWide={false} actions={slots.orderActions} caption={t("exchangeAccounts.orders.title")} emptyTitle={t("exchangeAccounts.orders.empty")} />
        </TabsContent>
        <TabsContent value="fills">
          <ExchangeFills customerId={customerId} subaccounts={data.subaccounts} />
        </TabsContent>
        <TabsContent value="bills">
          <ExchangeBills customerId={customerId} subaccounts={data.subaccounts} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
