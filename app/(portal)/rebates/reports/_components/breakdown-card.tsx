"use client";
/**
 * The largest contributors to the fees of the range (`rebate.breakdown`), by customer, sub-account,
 * instrument, instrument family or maker/taker. A customer row links to the customer; every row's
 * "Trades" shows its trades in the table below (the drill-down, written to the URL like any filter).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { BREAKDOWN_FEW, BreakdownTableCard, moneyColumn, type BreakdownColumn } from "@/components/rebate-reports/breakdown-table-card";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { translateDynamic, type Translate } from "@/lib/i18n/translate";
import type { ReportDimension } from "@/lib/rebates/report-query";
import { REPORT_DIMENSIONS } from "@/lib/rebates/schemas";
import { useTRPC } from "@/lib/trpc/client";
import type { BreakdownRow } from "@/server/rebates/reports";

interface BreakdownCardProps {
  from: string;
  to: string;
  by: ReportDimension;
  /** The range's fees paid, for each row's share. */
  totalFees: string;
  /** The row whose trades the table shows now (its key; null for the unlinked row), if any. */
  drilled: string | null | undefined;
  onBy: (by: ReportDimension) => void;
  onDrill: (row: BreakdownRow) => void;
}

/** What a row is called: a customer's name, "Not linked to a customer", a family or maker/taker in words. */
export function rowName(t: Translate, by: ReportDimension, row: BreakdownRow): string {
  if (by === "customer") return row.key === null ? t("rebateReports.breakdown.unlinked") : (row.label ?? row.key);
  const raw = row.label ?? row.key ?? "";
  if (by === "family") return translateDynamic(t, `rebateReports.families.${raw}`, raw);
  if (by === "execType") return translateDynamic(t, `rebateReports.execTypes.${raw}`, raw);
  return raw;
}

export function BreakdownCard({ from, to, by, totalFees, drilled, onBy, onDrill }: BreakdownCardProps) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const [limit, setLimit] = useState(BREAKDOWN_FEW);
  const query = useQuery(trpc.rebate.breakdown.queryOptions({ from, to, by, limit }, { placeholderData: keepPreviousData }));
  const total = Number.parseFloat(totalFees);
  const share = (row: BreakdownRow) => (total > 0 ? Math.max(0, Number.parseFloat(row.feesPaid) / total) : 0);
  const columns: BreakdownColumn<BreakdownRow>[] = [
    { id: "trades", head: t("rebateReports.breakdown.trades"), headClassName: "text-right", className: "text-right tabular-nums", cell: (row) => f.number(row.trades) },
    moneyColumn(f, "volume", t("rebateReports.breakdown.volume"), (row) => row.volume, 2),
    moneyColumn(f, "feesPaid", t("rebateReports.breakdown.feesPaid"), (row) => row.feesPaid, 4),
    {
      id: "share",
      head: t("rebateReports.breakdown.share"),
      headClassName: "w-48",
      cell: (row) => (
        <span className="flex items-center gap-2">
          <span className="h-1.5 flex-1 overflow-hidden rounded-full bg-muted" aria-hidden>
            <span className="block h-full rounded-full bg-primary" style={{ width: `${Math.min(100, share(row) * 100)}%` }} />
          </span>
          <span className="w-12 text-right text-xs tabular-nums text-muted-foreground">{f.number(share(row), { style: "percent", maximumFractionDigits: 1 })}</span>
        </span>
      ),
    },
  ];

  return (
    <BreakdownTableCard
      text={{
        title: t("rebateReports.breakdown.title"),
        description: t("rebateReports.breakdown.description"),
        by: t("rebateReports.breakdown.by"),
        loadError: t("rebateReports.breakdown.loadError"),
        empty: t("rebateReports.breakdown.empty"),
        showRows: t("rebateReports.breakdown.showTrades"),
        showRowsOf: (name) => t("rebateReports.breakdown.showTradesOf", { name }),
      }}
      dimensions={REPORT_DIMENSIONS}
      by={by}
      dimensionName={(d) => t(`rebateReports.breakdown.dimensions.${d}`)}
      onBy={onBy}
      query={query}
      limit={limit}
      onLimit={setLimit}
      nameOf={(row) => rowName(t, by, row)}
      monoNames={by === "subaccount" || by === "instrument"}
      columns={columns}
      drilled={drilled}
      onDrill={onDrill}
    />
  );
}
