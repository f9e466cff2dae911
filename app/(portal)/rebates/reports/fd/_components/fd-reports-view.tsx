"use client";
/**
 * The FD rebate reports: one URL holds the range of days, the breakdown's dimension and the rows table's
 * paging and drill-down filters, so a link reopens exactly this view and the export means the same rows.
 * Totals and the chart are the brand's; the rows below follow the drill-down.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ReceiptText } from "lucide-react";
import Link from "next/link";
import type { z } from "zod";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { FdSummary } from "@/components/rebate-reports/fd-summary";
import { ReportRangePicker } from "@/components/rebate-reports/report-range";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { fdDrillPatch, ZFdReportsQuery, type FdReportDimension } from "@/lib/rebates/fd-schemas";
import { rangeProblem } from "@/lib/rebates/report-query";
import { UNLINKED_CUSTOMER } from "@/lib/rebates/schemas";
import { useTRPC } from "@/lib/trpc/client";
import type { FdBreakdownRow } from "@/server/rebates/fd-reports";
import { FdBreakdownCard } from "./fd-breakdown-card";
import { FdRowsCard } from "./fd-rows-card";

/** Kept by "Reset filters": they choose what the page reports on, not which rows the table shows. */
const PAGE_KEYS = ["from", "to", "by"] as const;

function drilledKey(by: FdReportDimension, input: z.output<typeof ZFdReportsQuery>): string | null | undefined {
  switch (by) {
    case "customer":
      return input.customerId === UNLINKED_CUSTOMER ? null : input.customerId;
    case "instrument":
      return input.instId;
    case "family":
      return input.instFamily;
    case "affiliated":
      return input.affiliated;
  }
}

export function FdReportsView() {
  const t = useT();
  const trpc = useTRPC();
  const url = useTableUrlState(ZFdReportsQuery, { keep: PAGE_KEYS });
  const { from, to, by } = url.input;
  const valid = rangeProblem(from, to) === null;
  // The same query as the summary's (one request): whether the range has rebated orders at all.
  const report = useQuery(trpc.rebate.fdReport.queryOptions({ from, to }, { enabled: valid, placeholderData: keepPreviousData }));
  const hasOrders = (report.data?.totals.orders ?? 0) > 0;

  const drill = (row: FdBreakdownRow) => {
    url.setParams(fdDrillPatch(by, row.key));
    document.getElementById("fd-rows")?.scrollIntoView({ behavior: "smooth", block: "start" });
  };

  return (
    <div className="flex flex-col gap-4">
      <ReportRangePicker value={{ from, to }} onChange={(range) => url.setParams(range)} />
      {valid && (
        <FdSummary
          from={from}
          to={to}
          empty={
            <EmptyState
              icon={ReceiptText}
              title={t("fdReports.empty.title")}
              description={t("fdReports.empty.hint")}
              action={
                <Button asChild variant="outline" size="sm">
                  <Link href="/rebates?kind=fd_rebates">{t("fdReports.empty.openFiles")}</Link>
                </Button>
              }
            />
          }
        />
      )}
      {valid && hasOrders && (
        <>
          <FdBreakdownCard from={from} to={to} by={by} drilled={drilledKey(by, url.input)} onBy={(next) => url.setParams({ by: next })} onDrill={drill} />
          <FdRowsCard url={url} />
          <p className="text-xs text-muted-foreground">{t("fdReports.attribution")}</p>
        </>
      )}
    </div>
  );
}
