"use client";
/**
 * The card of a report's largest contributors (the DMA fee report's and the FD rebate report's breakdowns):
 * a dimension picker, the rows as a table with the caller's figures, "show more" past the first 20, and per
 * row a button that shows its rows in the table below (the drill-down). A customer row links to the
 * customer; the row of no customer reads in italics. Loading, failure and "nothing in these days" each have
 * their own state; while another dimension or range loads, the last rows stay, dimmed.
 */
import type { UseQueryResult } from "@tanstack/react-query";
import { ListFilter } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { LoadError } from "@/components/load-error";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

/** How many rows are asked for first, and after "show more". */
export const BREAKDOWN_FEW = 20;
const MANY = 100;

interface BreakdownRowBase {
  /** The customer's id when grouped by customer (null: no customer), else the group's own key. */
  key: string | null;
  uid: string | null;
}

/** A figure column between the row's name and its drill-down button. */
export interface BreakdownColumn<R> {
  id: string;
  head: string;
  headClassName?: string;
  className?: string;
  title?: (row: R) => string;
  cell: (row: R) => ReactNode;
}

/** A money column: the amount rounded to `maxDecimals`, every decimal in its title. */
export function moneyColumn<R>(f: ReturnType<typeof useFormat>, id: string, head: string, value: (row: R) => string, maxDecimals: number, className?: string): BreakdownColumn<R> {
  return {
    id,
    head,
    headClassName: "text-right",
    className: cn("text-right font-mono text-xs tabular-nums", className),
    title: (row) => f.moneyFull(value(row), "USDT"),
    cell: (row) => f.decimal(value(row), { maxDecimals }),
  };
}

interface BreakdownTableCardProps<D extends string, R extends BreakdownRowBase> {
  /** The card's words; `showRowsOf` names a row's drill-down button for screen readers. */
  text: { title: string; description: string; by: string; loadError: string; empty: string; showRows: string; showRowsOf: (name: string) => string };
  dimensions: readonly D[];
  by: D;
  dimensionName: (d: D) => string;
  onBy: (by: D) => void;
  /** The rows of `by`, at most `limit` of them. */
  query: UseQueryResult<R[], unknown>;
  limit: number;
  onLimit: (limit: number) => void;
  /** A row's name in words, and whether names of this dimension are ids (set in monospace). */
  nameOf: (row: R) => string;
  monoNames: boolean;
  columns: BreakdownColumn<R>[];
  /** The row whose rows the table shows now (its key; null for the row of no customer), if any. */
  drilled: string | null | undefined;
  onDrill: (row: R) => void;
}

export function BreakdownTableCard<D extends string, R extends BreakdownRowBase>(props: BreakdownTableCardProps<D, R>) {
  const { text, dimensions, by, dimensionName, onBy, query, limit, onLimit } = props;
  const t = useT();
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
    body = <LoadError title={text.loadError} error={query.error} onRetry={() => void query.refetch()} className="border-0" />;
  } else if (query.data.length === 0) {
    body = <p className="py-8 text-center text-sm text-muted-foreground">{text.empty}</p>;
  } else {
    body = <BreakdownTable {...props} rows={query.data} dimmed={query.isPlaceholderData} />;
  }

  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle>{text.title}</CardTitle>
        <CardDescription>{text.description}</CardDescription>
        <CardAction>
          <div role="group" aria-label={text.by} className="inline-flex flex-wrap items-center gap-1 rounded-lg bg-muted p-[3px]">
            {dimensions.map((d) => (
              <Button
                key={d}
                type="button"
                size="sm"
                variant="ghost"
                aria-pressed={d === by}
                className={cn("h-7 px-2.5", d === by ? "bg-background text-foreground shadow-sm hover:bg-background" : "text-muted-foreground")}
                onClick={() => onBy(d)}
              >
                {dimensionName(d)}
              </Button>
            ))}
          </div>
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-2 px-4">
        {body}
        {query.data && (query.data.length >= BREAKDOWN_FEW || limit > BREAKDOWN_FEW) && (
          <div className="flex items-center justify-between text-sm text-muted-foreground">
            <span>{t("rebateReports.breakdown.shown", { count: query.data.length })}</span>
            <Button variant="ghost" size="sm" onClick={() => onLimit(limit === BREAKDOWN_FEW ? MANY : BREAKDOWN_FEW)}>
              {limit === BREAKDOWN_FEW ? t("rebateReports.breakdown.showMore", { count: MANY }) : t("rebateReports.breakdown.showFewer", { count: BREAKDOWN_FEW })}
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function BreakdownTable<D extends string, R extends BreakdownRowBase>(props: BreakdownTableCardProps<D, R> & { rows: R[]; dimmed: boolean }) {
  const { text, by, dimensionName, rows, dimmed, nameOf, monoNames, columns, drilled, onDrill } = props;
  return (
    <Table className={cn(dimmed && "opacity-60")}>
      <TableCaption className="sr-only">{`${text.title}: ${dimensionName(by)}`}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{dimensionName(by)}</TableHead>
          {columns.map((c) => (
            <TableHead key={c.id} className={c.headClassName}>
              {c.head}
            </TableHead>
          ))}
          <TableHead>
            <span className="sr-only">{text.showRows}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const name = nameOf(row);
          const active = drilled !== undefined && drilled === row.key;
          return (
            <TableRow key={row.key ?? "none"} data-state={active ? "selected" : undefined}>
              <TableCell className="max-w-72">
                <NameCell customer={by === "customer"} mono={monoNames} row={row} name={name} />
              </TableCell>
              {columns.map((c) => (
                <TableCell key={c.id} className={c.className} title={c.title?.(row)}>
                  {c.cell(row)}
                </TableCell>
              ))}
              <TableCell className="text-right">
                <Button variant={active ? "secondary" : "ghost"} size="sm" className="h-7" aria-pressed={active} aria-label={text.showRowsOf(name)} onClick={() => onDrill(row)}>
                  <ListFilter />
                  {text.showRows}
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function NameCell({ customer, mono, row, name }: { customer: boolean; mono: boolean; row: BreakdownRowBase; name: string }) {
  if (customer && row.key) {
    return (
      <span className="flex min-w-0 flex-col">
        <Link href={`/customers/${row.key}`} className="truncate font-medium underline-offset-4 hover:underline" title={name}>
          {name}
        </Link>
        {row.uid && <span className="font-mono text-xs text-muted-foreground">{row.uid}</span>}
      </span>
    );
  }
  if (customer) return <span className="text-muted-foreground italic">{name}</span>;
  return <span className={cn("truncate", mono ? "font-mono text-xs" : "font-medium")}>{name}</span>;
}
