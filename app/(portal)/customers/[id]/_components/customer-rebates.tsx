"use client";
/**
 * The customer page's "Rebates" tab (rebate.read): the fee report of this customer's linked sub-accounts —
 * totals, fees per day — and their latest trades, over the last 30 full UTC days unless another range is
 * chosen. The range lives in the tab (the page's URL holds the tab); "Open in fee reports" carries it over.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ExternalLink, HandCoins } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableQueryProps } from "@/components/data-table/query-props";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useLocalTableState } from "@/components/data-table/use-local-table-state";
import { ReportRangePicker, type ReportRange } from "@/components/rebate-reports/report-range";
import { ReportSummary } from "@/components/rebate-reports/report-summary";
import { TRADE_DEFAULT_HIDDEN, tradeRowId, useTradeColumns } from "@/components/rebate-reports/trade-columns";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { lastFullDays, rangeProblem, ZRebateTradeQuery } from "@/lib/rebates/report-query";
import { useTRPC } from "@/lib/trpc/client";
import type { CustomerDetail } from "@/server/customers/types";

export function CustomerRebates({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const trpc = useTRPC();
  const [range, setRange] = useState<ReportRange>(() => lastFullDays());
  const valid = rangeProblem(range.from, range.to) === null;
  // The summary's own query (one request): whether there are trades to list.
  const report = useQuery(trpc.rebate.report.queryOptions({ ...range, customerId: customer.id }, { enabled: valid, placeholderData: keepPreviousData }));
  const hasTrades = (report.data?.totals.trades ?? 0) > 0;
  const reportsHref = `/rebates/reports?${new URLSearchParams({ ...range, customerId: customer.id })}`;

  return (
    <Card className="gap-4 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("rebateReports.customerTab.title")}</CardTitle>
        <CardDescription>{t("rebateReports.customerTab.description")}</CardDescription>
        <CardAction>
          <Button asChild variant="ghost" size="sm">
            <Link href={reportsHref}>
              <ExternalLink />
              {t("rebateReports.customerTab.openReports")}
            </Link>
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-4 px-4">
        <ReportRangePicker value={range} onChange={setRange} />
        {valid && (
          <ReportSummary
            {...range}
            customerId={customer.id}
            empty={<EmptyState icon={HandCoins} className="border-0" title={t("rebateReports.customerTab.empty")} />}
          />
        )}
        {valid && hasTrades && <LatestTrades customerId={customer.id} range={range} />}
      </CardContent>
    </Card>
  );
}

function LatestTrades({ customerId, range }: { customerId: string; range: ReportRange }) {
  const t = useT();
  const trpc = useTRPC();
  const state = useLocalTableState(ZRebateTradeQuery, { customerId, from: range.from, to: range.to });
  const query = useQuery(trpc.rebate.trades.queryOptions(state.input, { placeholderData: keepPreviousData }));
  const columns = useTradeColumns({ showCustomer: false });
  const table = useDataTable({
    id: "customer-rebate-trades",
    columns,
    page: query.data,
    url: state,
    getRowId: tradeRowId,
    defaultSort: { id: "tradedAt", desc: true },
    defaultHidden: TRADE_DEFAULT_HIDDEN,
  });
  return (
    <section aria-labelledby="customer-rebate-trades" className="grid gap-2">
      <h3 id="customer-rebate-trades" className="text-sm font-medium">
        {t("rebateReports.customerTab.latest")}
      </h3>
      <DataTable table={table} caption={t("rebateReports.customerTab.latest")} {...dataTableQueryProps(query, t)} />
    </section>
  );
}
