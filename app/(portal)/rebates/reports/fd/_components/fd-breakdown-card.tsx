"use client";
/**
 * The largest contributors to the broker's FD rebate in the range (`rebate.fdBreakdown`), by customer,
 * instrument, instrument family or affiliate flag, with the sub-broker's and users' rebates beside it. A
 * customer row links to the customer; every row's "Orders" shows its rows in the table below (the
 * drill-down, written to the URL like any filter).
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
import { FD_REPORT_DIMENSIONS, type FdReportDimension } from "@/lib/rebates/fd-schemas";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";
import type { FdBreakdownRow } from "@/server/rebates/fd-reports";

const FEW = 20;
const MANY = 100;
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
  const [limit, setLimit] = useState(FEW);
  const query = useQuery(trpc.rebate.fdBreakdown.queryOptions({ from, to, by, limit }, { placeholderData: keepPreviousData }));
  const dimension = (d: FdReportDimension) => t(`fdReports.breakdown.dimensions.${d}`);

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
    body = <LoadError title={t("fdReports.breakdown.loadError")} error={query.error} onRetry={() => void query.refetch()} className="border-0" />;
  } else if (query.data.length === 0) {
    body = <p className="py-8 text-center text-sm text-muted-foreground">{t("fdReports.breakdown.empty")}</p>;
  } else {
    body = (
      <Table className={cn(query.isPlaceholderData && "opacity-60")}>
        <TableCaption className="sr-only">{`${t("fdReports.breakdown.title")}: ${dimension(by)}`}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{dimension(by)}</TableHead>
            <TableHead className="text-right">{t("fdReports.breakdown.orders")}</TableHead>
            <TableHead className="text-right">{t("fdReports.breakdown.volume")}</TableHead>
            {MONEY.map((key) => (
              <TableHead key={key} className="text-right">
                {t(`fdReports.breakdown.${key}`)}
              </TableHead>
            ))}
            <TableHead>
              <span className="sr-only">{t("fdReports.breakdown.showRows")}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {query.data.map((row) => {
            const name = fdRowName(t, by, row);
            const active = drilled !== undefined && drilled === row.key;
            return (
              <TableRow key={row.key ?? "none"} data-state={active ? "selected" : undefined}>
                <TableCell className="max-w-72">
                  <NameCell by={by} row={row} name={name} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{f.number(row.orders)}</TableCell>
                <TableCell className="text-right font-mono text-xs tabular-nums" title={f.moneyFull(row.volume, "USDT")}>
                  {f.decimal(row.volume, { maxDecimals: 2 })}
                </TableCell>
                {MONEY.map((key) => (
                  <TableCell key={key} className={cn("text-right font-mono text-xs tabular-nums", key === "brokerRebate" && "font-semibold")} title={f.moneyFull(row[key], "USDT")}>
                    {f.decimal(row[key], { maxDecimals: 4 })}
                  </TableCell>
                ))}
                <TableCell className="text-right">
                  <Button
                    variant={active ? "secondary" : "ghost"}
                    size="sm"
                    className="h-7"
                    aria-pressed={active}
                    aria-label={t("fdReports.breakdown.showRowsOf", { name })}
                    onClick={() => onDrill(row)}
                  >
                    <ListFilter />
                    {t("fdReports.breakdown.showRows")}
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
        <CardTitle>{t("fdReports.breakdown.title")}</CardTitle>
        <CardDescription>{t("fdReports.breakdown.description")}</CardDescription>
        <CardAction>
          <div role="group" aria-label={t("fdReports.breakdown.by")} className="inline-flex flex-wrap items-center gap-1 rounded-lg bg-muted p-[3px]">
            {FD_REPORT_DIMENSIONS.map((d) => (
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

function NameCell({ by, row, name }: { by: FdReportDimension; row: FdBreakdownRow; name: string }) {
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
  return <span className={cn("truncate", by === "instrument" ? "font-mono text-xs" : "font-medium")}>{name}</span>;
}
