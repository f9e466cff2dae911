"use client";
/**
 * The largest contributors to the fees of the range (`rebate.breakdown`), by customer, sub-account,
 * instrument, instrument family or maker/taker. A customer row links to the customer; every row's
 * "Trades" shows its trades in the table below (the drill-down, written to the URL like any filter).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ListFilter } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { LoadError } from "@/components/load-error";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { translateDynamic, type Translate } from "@/lib/i18n/translate";
import type { ReportDimension } from "@/lib/rebates/report-query";
import { REPORT_DIMENSIONS } from "@/lib/rebates/schemas";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";
import type { BreakdownRow } from "@/server/rebates/reports";

const FEW = 20;
const MANY = 100;

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
  const [limit, setLimit] = useState(FEW);
  const query = useQuery(trpc.rebate.breakdown.queryOptions({ from, to, by, limit }, { placeholderData: keepPreviousData }));
  const total = Number.parseFloat(totalFees);
  const dimension = (d: ReportDimension) => t(`rebateReports.breakdown.dimensions.${d}`);

  let body;
  if (query.isPending) {
    body = (
      <div className="grid gap-2" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-9 w-full" />
        ))}
      </div>
    );
  } else if (query.isError) {
    body = <LoadError title={t("rebateReports.breakdown.loadError")} error={query.error} onRetry={() => void query.refetch()} className="border-0" />;
  } else if (query.data.length === 0) {
    body = <p className="py-8 text-center text-sm text-muted-foreground">{t("rebateReports.breakdown.empty")}</p>;
  } else {
    body = (
      <Table className={cn(query.isPlaceholderData && "opacity-60")}>
        <TableCaption className="sr-only">{`${t("rebateReports.breakdown.title")}: ${dimension(by)}`}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{dimension(by)}</TableHead>
            <TableHead className="text-right">{t("rebateReports.breakdown.trades")}</TableHead>
            <TableHead className="text-right">{t("rebateReports.breakdown.volume")}</TableHead>
            <TableHead className="text-right">{t("rebateReports.breakdown.feesPaid")}</TableHead>
            <TableHead className="w-48">{t("rebateReports.breakdown.share")}</TableHead>
            <TableHead>
              <span className="sr-only">{t("rebateReports.breakdown.showTrades")}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {query.data.map((row) => {
            const name = rowName(t, by, row);
            const share = total > 0 ? Math.max(0, Number.parseFloat(row.feesPaid) / total) : 0;
            const active = drilled !== undefined && drilled === row.key;
            return (
              <TableRow key={row.key ?? "none"} data-state={active ? "selected" : undefined}>
                <TableCell className="max-w-72">
                  <NameCell by={by} row={row} name={name} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{f.number(row.trades)}</TableCell>
                <TableCell className="text-right font-mono text-xs tabular-nums" title={f.moneyFull(row.volume, "USDT")}>
                  {f.decimal(row.volume, { maxDecimals: 2 })}
                </TableCell>
                <TableCell className="text-right font-mono text-xs tabular-nums" title={f.moneyFull(row.feesPaid, "USDT")}>
                  {f.decimal(row.feesPaid, { maxDecimals: 4 })}
                </TableCell>
                <TableCell>
                  <span className="flex items-center gap-2">
                    <span className="h-1.5 flex-1 overflow-hidden rounded-full bg-muted" aria-hidden>
                      <span className="block h-full rounded-full bg-primary" style={{ width: `${Math.min(100, share * 100)}%` }} />
                    </span>
                    <span className="w-12 text-right text-xs tabular-nums text-muted-foreground">{f.number(share, { style: "percent", maximumFractionDigits: 1 })}</span>
                  </span>
                </TableCell>
                <TableCell className="text-right">
                  <Button
                    variant={active ? "secondary" : "ghost"}
                    size="sm"
                    className="h-7"
                    aria-pressed={active}
                    aria-label={t("rebateReports.breakdown.showTradesOf", { name })}
                    onClick={() => onDrill(row)}
                  >
                    <ListFilter />
                    {t("rebateReports.breakdown.showTrades")}
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    );
  }

  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle>{t("rebateReports.breakdown.title")}</CardTitle>
        <CardDescription>{t("rebateReports.breakdown.description")}</CardDescription>
        <CardAction>
          <div role="group" aria-label={t("rebateReports.breakdown.by")} className="inline-flex flex-wrap items-center gap-1 rounded-lg bg-muted p-[3px]">
            {REPORT_DIMENSIONS.map((d) => (
              <Button
                key={d}
                type="button"
                size="sm"
                variant="ghost"
                aria-pressed={d === by}
                className={cn("h-7 px-2.5", d === by ? "bg-background text-foreground shadow-sm hover:bg-background" : "text-muted-foreground")}
                onClick={() => onBy(d)}
              >
                {dimension(d)}
              </Button>
            ))}
          </div>
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-2 px-4">
        {body}
        {query.data && (query.data.length >= FEW || limit > FEW) && (
          <div className="flex items-center justify-between text-sm text-muted-foreground">
            <span>{t("rebateReports.breakdown.shown", { count: query.data.length })}</span>
            <Button variant="ghost" size="sm" onClick={() => setLimit(limit === FEW ? MANY : FEW)}>
              {limit === FEW ? t("rebateReports.breakdown.showMore", { count: MANY }) : t("rebateReports.breakdown.showFewer", { count: FEW })}
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function NameCell({ by, row, name }: { by: ReportDimension; row: BreakdownRow; name: string }) {
  if (by === "customer" && row.key) {
    return (
      <span className="flex min-w-0 flex-col">
        <Link href={`/customers/${row.key}`} className="truncate font-medium underline-offset-4 hover:underline" title={name}>
          {name}
        </Link>
        {row.uid && <span className="font-mono text-xs text-muted-foreground">{row.uid}</span>}
      </span>
    );
  }
  if (by === "customer") return <span className="text-muted-foreground italic">{name}</span>;
  const mono = by === "subaccount" || by === "instrument";
  return <span className={cn("truncate", mono ? "font-mono text-xs" : "font-medium")}>{name}</span>;
}
