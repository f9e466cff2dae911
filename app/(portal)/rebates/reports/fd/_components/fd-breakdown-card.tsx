"use client";
/**
 * The largest contributors to the broker's FD rebate in the range (`rebate.fdBreakdown`), by customer,
 * instrument, instrument family or affiliate flag, with the sub-broker's and users' rebates beside it. A
 * customer row links to the customer; every row's "Orders" shows its rows in the table below (the
 * drill-down, written to the URL like any filter).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { BREAKDOWN_FEW, BreakdownTableCard, moneyColumn, type BreakdownColumn } from "@/components/rebate-reports/breakdown-table-card";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { translateDynamic, type Translate } from "@/lib/i18n/translate";
import { FD_REPORT_DIMENSIONS, type FdReportDimension } from "@/lib/rebates/fd-schemas";
import { useTRPC } from "@/lib/trpc/client";
import type { FdBreakdownRow } from "@/server/rebates/fd-reports";

const MONEY = ["fee", "brokerRebate", "subBrokerRebate", "userRebate"] as const;

interface FdBreakdownCardProps {
  from: string;
  to: string;
  by: FdReportDimension;
  /** The row whose rows the table shows now (its key; null for the unattributed row), if any. */
  drilled: string | null | undefined;
  onBy: (by: FdReportDimension) => void;
  onDrill: (row: FdBreakdownRow) => void;
}

/** What a row is called: a customer's name, "Not attributed", a family or the affiliate flag in words. */
export function fdRowName(t: Translate, by: FdReportDimension, row: FdBreakdownRow): string {
  if (by === "customer") return row.key === null ? t("fdReports.breakdown.unlinked") : (row.label ?? row.key);
  const raw = row.label ?? row.key ?? "";
  if (by === "family") return translateDynamic(t, `rebateReports.families.${raw}`, raw);
  if (by === "affiliated") return translateDynamic(t, `fdReports.affiliated.${raw}`, raw);
  return raw;
}

export function FdBreakdownCard({ from, to, by, drilled, onBy, onDrill }: FdBreakdownCardProps) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const [limit, setLimit] = useState(BREAKDOWN_FEW);
  const query = useQuery(trpc.rebate.fdBreakdown.queryOptions({ from, to, by, limit }, { placeholderData: keepPreviousData }));
  const columns: BreakdownColumn<FdBreakdownRow>[] = [
    { id: "orders", head: t("fdReports.breakdown.orders"), headClassName: "text-right", className: "text-right tabular-nums", cell: (row) => f.number(row.orders) },
    moneyColumn(f, "volume", t("fdReports.breakdown.volume"), (row) => row.volume, 2),
    ...MONEY.map((key) => moneyColumn(f, key, t(`fdReports.breakdown.${key}`), (row: FdBreakdownRow) => row[key], 4, key === "brokerRebate" ? "font-semibold" : undefined)),
  ];

  return (
    <BreakdownTableCard
      text={{
        title: t("fdReports.breakdown.title"),
        description: t("fdReports.breakdown.description"),
        by: t("fdReports.breakdown.by"),
        loadError: t("fdReports.breakdown.loadError"),
        empty: t("fdReports.breakdown.empty"),
        showRows: t("fdReports.breakdown.showRows"),
        showRowsOf: (name) => t("fdReports.breakdown.showRowsOf", { name }),
      }}
      dimensions={FD_REPORT_DIMENSIONS}
      by={by}
      dimensionName={(d) => t(`fdReports.breakdown.dimensions.${d}`)}
      onBy={onBy}
      query={query}
      limit={limit}
      onLimit={setLimit}
      nameOf={(row) => fdRowName(t, by, row)}
      monoNames={by === "instrument"}
      columns={columns}
      drilled={drilled}
      onDrill={onDrill}
    />
  );
}
