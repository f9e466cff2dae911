"use client";
/**
 * The fee reports page: one URL holds the range of days, the breakdown's dimension and the trades table's
 * paging and drill-down filters, so a link reopens exactly this view and the export means the same trades.
 * Totals and the chart are the brand's; the trades below follow the drill-down.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ReceiptText } from "lucide-react";
import Link from "next/link";
import type { z } from "zod";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { ReportRangePicker } from "@/components/rebate-reports/report-range";
import { ReportSummary } from "@/components/rebate-reports/report-summary";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { drillPatch, rangeProblem, ZRebateReportsQuery, type ReportDimension } from "@/lib/rebates/report-query";
import { UNLINKED_CUSTOMER } from "@/lib/rebates/schemas";
import { useTRPC } from "@/lib/trpc/client";
import type { BreakdownRow } from "@/server/rebates/reports";
import { BreakdownCard } from "./breakdown-card";
import { TradesCard } from "./trades-card";

/** Kept by "Reset filters": they choose what the page reports on, not which trades the table shows. */
const PAGE_KEYS = ["from", "to", "by"] as const;

/** The key of the breakdown row whose trades the table shows now (null: the unlinked row), if any. */
function drilledKey(by: ReportDimension, input: z.output<typeof ZRebateReportsQuery>): string | null | undefined {
  switch (by) {
    case "customer":
      return input.customerId === UNLINKED_CUSTOMER ? null : input.customerId;
    case "subaccount":
      return input.subAcct;
    case "instrument":
      return input.instId;
    case "family":
      return input.instFamily;
    case "execType":
      return input.execType;
  }
}

export function ReportsView() {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZRebateReportsQuery, { keep: PAGE_KEYS });
  const { from, to, by } = url.input;
  const valid = rangeProblem(from, to) === null;
  // The same query as the summary's (one request): whether the range has trades at all.
  const report = useQuery(trpc.rebate.report.queryOptions({ from, to }, { enabled: valid, placeholderData: keepPreviousData }));
  const hasTrades = (report.data?.totals.trades ?? 0) > 0;

  const drill = (row: BreakdownRow) => {
    url.setParams(drillPatch(by, row.key));
    document.getElementById("trades")?.scrollIntoView({ behavior: "smooth", block: "start" });
  };

  return (
    <div className="flex flex-col gap-4">
      <ReportRangePicker value={{ from, to }} onChange={(range) => url.setParams(range)} />
      {valid && (
        <ReportSummary
          from={from}
          to={to}
          empty={
            <EmptyState
              icon={ReceiptText}
              title={t("rebateReports.empty.title")}
              description={t("rebateReports.empty.hint")}
              action={
                <Button asChild variant="outline" size="sm">
                  <Link href="/rebates">{t("rebateReports.empty.openFiles")}</Link>
                </Button>
              }
            />
          }
        />
      )}
      {valid && hasTrades && report.data && (
        <>
          <BreakdownCard
            from={from}
            to={to}
            by={by}
            totalFees={report.data.totals.feesPaid}
            drilled={drilledKey(by, url.input)}
            onBy={(next) => url.setParams({ by: next })}
            onDrill={drill}
          />
          <TradesCard url={url} />
        </>
      )}
    </div>
  );
}
