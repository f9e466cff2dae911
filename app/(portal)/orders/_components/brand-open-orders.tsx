"use client";
/** The brand's open orders page: URL state → the shared open-orders table (newest first). */
import { OpenOrdersTable } from "@/components/exchange-accounts/open-orders-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { ZOpenOrderListInput } from "@/lib/exchange-accounts/schemas";
import { useT } from "@/lib/i18n/client";
import { orderRowAction } from "@/app/(portal)/_components/exchange-actions/row-actions";

export function BrandOpenOrders({ canAct = false }: { canAct?: boolean }) {
  const t = useT();
  const url = useTableUrlState(ZOpenOrderListInput);
  return <OpenOrdersTable state={url} brandWide actions={canAct ? orderRowAction : undefined} caption={t("exchangeAccounts.ordersPage.title")} emptyTitle={t("exchangeAccounts.orders.empty")} />;
}
