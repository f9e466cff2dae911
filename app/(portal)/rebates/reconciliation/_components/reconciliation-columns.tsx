"use client";
/**
 * Columns of the reconciliation table: the day and its result, then each measure with its sources stacked
 * (file / imported / exchange), what differs in words, and when it was checked. "day" is the server's sort key.
 */
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { dateFormatter } from "@/lib/format";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import type { ReconciliationStatus } from "@/lib/rebates/reconciliation-schemas";
import type { ReconciliationRow } from "@/server/rebates/reconciliation-list";

const col = createDataTableColumnHelper<ReconciliationRow>();

/** What fits a 1440 px screen beside the sidebar; the check time is switched on from "View". */
export const RECONCILIATION_DEFAULT_HIDDEN = ["checkedAt"] as const;

const VARIANT: Record<ReconciliationStatus, "destructive" | "success" | "secondary"> = { different: "destructive", matched: "success", incomplete: "secondary" };

export function StatusBadge({ status }: { status: ReconciliationStatus }) {
  const t = useT();
  return <Badge variant={VARIANT[status]}>{t(`rebateReconciliation.statuses.${status}`)}</Badge>;
}

/** Labelled figures stacked in one cell; a figure that differs from the file's is marked. */
function Figures({ items }: { items: { label: string; value: string; off?: boolean }[] }) {
  return (
    <dl className="grid grid-cols-[auto_auto] justify-end gap-x-3 gap-y-0.5 text-right">
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="text-xs leading-5 text-muted-foreground">{item.label}</dt>
          <dd className={item.off ? "font-medium tabular-nums text-destructive" : "tabular-nums"}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const nonZero = (v: string | number | null) => v !== null && Number(v) !== 0;

export function useReconciliationColumns() {
  const t = useT();
  const f = useFormat();
  const dateTime = useDateTimeFormat();

  return useMemo(() => {
    const title = {
      day: t("rebateReconciliation.columns.day"),
      status: t("rebateReconciliation.columns.status"),
      trades: t("rebateReconciliation.columns.trades"),
      volume: t("rebateReconciliation.columns.volume"),
      fees: t("rebateReconciliation.columns.fees"),
      commission: t("rebateReconciliation.columns.commission"),
      differences: t("rebateReconciliation.columns.differences"),
      checkedAt: t("rebateReconciliation.columns.checkedAt"),
    };
    const src = { file: t("rebateReconciliation.sources.file"), imported: t("rebateReconciliation.sources.imported"), exchange: t("rebateReconciliation.sources.exchange") };
    const noFile = t("rebateReconciliation.noFile");
    const notAvailable = t("rebateReconciliation.notAvailable");
    const usdt = (v: string) => f.decimal(v);
    const signed = (v: string) => f.decimal(v, { signed: true });
    const day = dateFormatter(f.locale, "date", "UTC");
    const numeric = { enableSorting: false, meta: { className: "text-right" } } as const;

    /** What differs, in words: imported against the file, the exchange against the file (or the import). */
    const differences = (r: ReconciliationRow): string[] => {
      const lines: string[] = [];
      if (!r.filesAgree) lines.push(t("rebateReconciliation.diff.filesDisagree"));
      if (nonZero(r.tradesDifference)) lines.push(t("rebateReconciliation.diff.trades", { value: f.number(r.tradesDifference!, { signDisplay: "always" }) }));
      if (nonZero(r.amountDifference)) lines.push(t("rebateReconciliation.diff.amount", { value: signed(r.amountDifference!) }));
      if (nonZero(r.feeDifference)) lines.push(t("rebateReconciliation.diff.fee", { value: signed(r.feeDifference!) }));
      if (nonZero(r.exchangeDifference)) {
        lines.push(t(r.fileTrades === null ? "rebateReconciliation.diff.exchangeVsImported" : "rebateReconciliation.diff.exchange", { value: signed(r.exchangeDifference!) }));
      }
      return lines;
    };

    return col.columns([
      col.accessor("day", {
        id: "day",
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.day} />,
        enableHiding: false,
        cell: ({ getValue }) => (
          <time dateTime={getValue()} className="whitespace-nowrap font-medium tabular-nums">
            {day.format(new Date(`${getValue()}T00:00:00Z`))}
          </time>
        ),
        meta: { label: title.day },
      }),
      col.accessor("status", { header: title.status, enableSorting: false, cell: ({ getValue }) => <StatusBadge status={getValue()} />, meta: { label: title.status } }),
      col.display({
        id: "trades",
        header: title.trades,
        ...numeric,
        cell: ({ row: { original: r } }) => (
          <Figures
            items={[
              { label: src.file, value: r.fileTrades === null ? noFile : f.number(r.fileTrades) },
              { label: src.imported, value: f.number(r.importedTrades), off: nonZero(r.tradesDifference) },
            ]}
          />
        ),
        meta: { ...numeric.meta, label: title.trades },
      }),
      col.display({
        id: "volume",
        header: title.volume,
        ...numeric,
        cell: ({ row: { original: r } }) => (
          <Figures
            items={[
              { label: src.file, value: r.fileAmount === null ? noFile : usdt(r.fileAmount) },
              { label: src.imported, value: usdt(r.importedAmount), off: nonZero(r.amountDifference) },
              { label: src.exchange, value: r.exchangeVolume === null ? notAvailable : usdt(r.exchangeVolume), off: nonZero(r.exchangeDifference) },
            ]}
          />
        ),
        meta: { ...numeric.meta, label: title.volume },
      }),
      col.display({
        id: "fees",
        header: title.fees,
        ...numeric,
        cell: ({ row: { original: r } }) => (
          <Figures
            items={[
              { label: src.file, value: r.fileFee === null ? noFile : usdt(r.fileFee) },
              { label: src.imported, value: usdt(r.importedFee), off: nonZero(r.feeDifference) },
            ]}
          />
        ),
        meta: { ...numeric.meta, label: title.fees },
      }),
      col.accessor("exchangeCommission", {
        id: "commission",
        header: title.commission,
        ...numeric,
        cell: ({ getValue }) => {
          const v = getValue();
          return v === null ? <span className="text-muted-foreground">{notAvailable}</span> : <span className="tabular-nums">{usdt(v)}</span>;
        },
        meta: { ...numeric.meta, label: title.commission },
      }),
      col.display({
        id: "differences",
        header: title.differences,
        cell: ({ row: { original: r } }) => {
          const lines = differences(r);
          if (lines.length === 0) return <span className="text-muted-foreground">—</span>;
          return (
            <ul className="flex max-w-64 min-w-48 flex-col gap-0.5 whitespace-normal text-destructive">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          );
        },
        meta: { label: title.differences },
      }),
      col.accessor("checkedAt", {
        id: "checkedAt",
        header: title.checkedAt,
        enableSorting: false,
        cell: ({ getValue }) => (
          <time dateTime={getValue().toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">
            {dateTime.format(getValue())}
          </time>
        ),
        meta: { label: title.checkedAt },
      }),
    ]);
  }, [t, f, dateTime]);
}
