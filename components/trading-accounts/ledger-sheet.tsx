"use client";
/**
 * One trading account's ledger in a side sheet: the journal lines behind its balances, newest first, with
 * the journal's kind, what caused it, its memo, the signed amount and the bucket's balance after it.
 * Keyset-paged ("Load older entries"). Amounts are formatted from their decimal strings.
 */
import { useInfiniteQuery } from "@tanstack/react-query";
import { BookOpen } from "lucide-react";
import { LoadError } from "@/components/load-error";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translate";
import { useTRPC } from "@/lib/trpc/client";
import type { TradingAccountRow } from "@/server/ledger/types";
import { cn } from "@/lib/utils";
import { accountLabel } from "./account-label";
import { Amount } from "@/components/ui/amount";
import { isNegativeDecimal } from "@/lib/format";

const PAGE_SIZE = 25;
const KNOWN_KINDS = ["transfer", "cash_adjustment", "bonus_grant", "bonus_release", "bonus_revoke", "bonus_expiry"] as const;

/** Known journal kinds in the reader's language; others (added by later domains) as they are. */
const kindLabel = (t: Translate, kind: string) =>
  (KNOWN_KINDS as readonly string[]).includes(kind) ? t(`tradingAccounts.ledger.kinds.${kind as (typeof KNOWN_KINDS)[number]}`) : kind;

export function LedgerSheet({ account, onClose }: { account: TradingAccountRow; onClose: () => void }) {
  const t = useT();
  const name = accountLabel(t, account);
  return (
    <Sheet open onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="w-full overflow-y-auto sm:max-w-4xl">
        <SheetHeader>
          <SheetTitle>{t("tradingAccounts.ledger.title", { account: name })}</SheetTitle>
          <SheetDescription>{t("tradingAccounts.ledger.description")}</SheetDescription>
        </SheetHeader>
        <div className="px-4 pb-4">
          <LedgerLines account={account} />
        </div>
      </SheetContent>
    </Sheet>
  );
}

function LedgerLines({ account }: { account: TradingAccountRow }) {
  const t = useT();
  const trpc = useTRPC();
  const dateTime = useDateTimeFormat();
  const query = useInfiniteQuery(
    trpc.tradingAccount.ledger.infiniteQueryOptions(
      { tradingAccountId: account.id, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );

  if (query.isPending) {
    return (
      <div className="grid gap-2" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <LoadError title={t("tradingAccounts.ledger.loadError")} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  const rows = query.data.pages.flatMap((p) => p.rows);
  if (rows.length === 0) return <EmptyState icon={BookOpen} title={t("tradingAccounts.ledger.empty")} />;

  return (
    <div className="grid gap-3">
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableCaption className="sr-only">{t("tradingAccounts.ledger.description")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("tradingAccounts.ledger.columns.time")}</TableHead>
              <TableHead>{t("tradingAccounts.ledger.columns.kind")}</TableHead>
              <TableHead>{t("tradingAccounts.ledger.columns.bucket")}</TableHead>
              <TableHead>{t("tradingAccounts.ledger.columns.reference")}</TableHead>
              <TableHead>{t("tradingAccounts.ledger.columns.memo")}</TableHead>
              <TableHead className="text-right">{t("tradingAccounts.ledger.columns.amount")}</TableHead>
              <TableHead className="text-right">{t("tradingAccounts.ledger.columns.balanceAfter")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((line) => (
              <TableRow key={line.id}>
                <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">
                  <time dateTime={line.createdAt.toISOString()}>{dateTime.format(line.createdAt)}</time>
                </TableCell>
                <TableCell className="whitespace-nowrap">{kindLabel(t, line.kind)}</TableCell>
                <TableCell className="whitespace-nowrap">{t(`tradingAccounts.ledger.buckets.${line.bucket}`)}</TableCell>
                <TableCell className="max-w-48 truncate font-mono text-xs" title={line.referenceId ?? undefined}>
                  {line.referenceType ? `${line.referenceType} ${line.referenceId?.slice(0, 8) ?? ""}` : "—"}
                </TableCell>
                <TableCell className="max-w-64 truncate" title={line.memo ?? undefined}>
                  {line.memo || <span className="text-muted-foreground">—</span>}
                </TableCell>
                <TableCell className={cn("text-right font-mono tabular-nums whitespace-nowrap", isNegativeDecimal(line.amount) ? "text-destructive" : "text-success")}>
                  <Amount value={line.amount} signed />
                </TableCell>
                <TableCell className="text-right font-mono tabular-nums whitespace-nowrap"><Amount value={line.balanceAfter} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {query.hasNextPage && (
        <Button variant="outline" size="sm" className="w-fit" pending={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {t("tradingAccounts.ledger.more")}
        </Button>
      )}
    </div>
  );
}
