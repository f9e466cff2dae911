"use client";
/**
 * The customer page's "Trading accounts" tab: each account with its type, currency, real/demo, status, its
 * three balances (cash, withdrawable and non-withdrawable bonus) and total, lock badges, and the ledger
 * behind it. Operations and admins (customer.manage) open accounts, adjust cash and transfer between the
 * customer's accounts. `granted` is the caller's permission list (the same map the procedures enforce).
 */
import { useQuery } from "@tanstack/react-query";
import { ArrowLeftRight, BookOpen, Lock, MoreHorizontal, Plus, SlidersHorizontal, Wallet } from "lucide-react";
import { useState } from "react";
import { LoadError } from "@/components/load-error";
import { AccountLabelCell } from "@/components/trading-accounts/account-cells";
import { AdjustCashDialog } from "@/components/trading-accounts/adjust-cash-dialog";
import { LedgerSheet } from "@/components/trading-accounts/ledger-sheet";
import { OpenTradingAccountDialog } from "@/components/trading-accounts/open-account-dialog";
import { accountLabel, LockBadges, ModeBadge, TradingAccountStatusBadge } from "@/components/trading-accounts/account-label";
import { Amount } from "@/components/ui/amount";
import { TransferDialog } from "@/components/trading-accounts/transfer-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { Permission } from "@/lib/auth/permissions";
import type { CustomerDetail } from "@/server/customers/types";
import type { TradingAccountRow } from "@/server/ledger/types";

type Open = { kind: "ledger" | "adjust" | "transfer"; account: TradingAccountRow } | { kind: "open" } | null;

export function CustomerTradingAccounts({ customer, granted }: { customer: CustomerDetail; granted: readonly Permission[] }) {
  const t = useT();
  if (!granted.includes("customer.read")) return <EmptyState icon={Lock} title={t("tradingAccounts.noAccess")} />;
  return <TradingAccountsOfCustomer customer={customer} canManage={granted.includes("customer.manage")} />;
}

function TradingAccountsOfCustomer({ customer, canManage }: { customer: CustomerDetail; canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const [open, setOpen] = useState<Open>(null);
  const query = useQuery(trpc.tradingAccount.listForCustomer.queryOptions({ customerId: customer.id }));
  const closed = customer.status === "closed";
  const openButton = canManage && !closed && (
    <Button size="sm" onClick={() => setOpen({ kind: "open" })}>
      <Plus />
      {t("tradingAccounts.open.button")}
    </Button>
  );

  let body;
  if (query.isPending) {
    body = (
      <div className="grid gap-2" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-8 w-full" />
        <Skeleton className="h-8 w-full" />
        <Skeleton className="h-8 w-full" />
      </div>
    );
  } else if (query.isError) {
    body = (
      <LoadError title={t("tradingAccounts.loadError")} error={query.error} onRetry={() => void query.refetch()} className="border-0" />
    );
  } else if (query.data.length === 0) {
    body = (
      <EmptyState
        icon={Wallet}
        className="border-0"
        title={t("tradingAccounts.empty")}
        description={canManage && !closed ? t("tradingAccounts.emptyHint") : undefined}
        action={openButton}
      />
    );
  } else {
    const accounts = query.data;
    body = (
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableCaption className="sr-only">{t("tradingAccounts.title")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("tradingAccounts.columns.type")}</TableHead>
              <TableHead>{t("tradingAccounts.columns.currency")}</TableHead>
              <TableHead>{t("tradingAccounts.columns.mode")}</TableHead>
              <TableHead>{t("tradingAccounts.columns.status")}</TableHead>
              <TableHead className="text-right">{t("tradingAccounts.columns.cash")}</TableHead>
              <TableHead className="text-right">{t("tradingAccounts.columns.bonusWithdrawable")}</TableHead>
              <TableHead className="text-right">{t("tradingAccounts.columns.bonusNonWithdrawable")}</TableHead>
              <TableHead className="text-right">{t("tradingAccounts.columns.total")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("tradingAccounts.columns.actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {accounts.map((a) => (
              <TableRow key={a.id}>
                <TableCell>
                  <AccountLabelCell account={a} />
                </TableCell>
                <TableCell className="font-mono text-xs">{a.currency}</TableCell>
                <TableCell>
                  <ModeBadge demo={a.demo} />
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap items-center gap-1">
                    <TradingAccountStatusBadge status={a.status} />
                    <LockBadges locks={a.locks} />
                  </div>
                </TableCell>
                <TableCell className="text-right font-mono tabular-nums"><Amount value={a.cash} /></TableCell>
                <TableCell className="text-right font-mono tabular-nums"><Amount value={a.bonusWithdrawable} /></TableCell>
                <TableCell className="text-right font-mono tabular-nums"><Amount value={a.bonusNonWithdrawable} /></TableCell>
                <TableCell className="text-right font-mono font-medium tabular-nums"><Amount value={a.total} /></TableCell>
                <TableCell className="text-right">
                  <div className="flex items-center justify-end gap-1">
                    <Button variant="ghost" size="sm" onClick={() => setOpen({ kind: "ledger", account: a })}>
                      <BookOpen />
                      {t("tradingAccounts.actions.ledger")}
                    </Button>
                    {canManage && a.status !== "closed" && (
                      <DropdownMenu>
                        <DropdownMenuTrigger asChild>
                          <Button variant="ghost" size="icon" aria-label={t("tradingAccounts.actions.menu", { account: accountLabel(t, a) })}>
                            <MoreHorizontal />
                          </Button>
                        </DropdownMenuTrigger>
                        <DropdownMenuContent align="end">
                          <DropdownMenuItem onSelect={() => setOpen({ kind: "adjust", account: a })}>
                            <SlidersHorizontal />
                            {t("tradingAccounts.actions.adjust")}
                          </DropdownMenuItem>
                          <DropdownMenuItem onSelect={() => setOpen({ kind: "transfer", account: a })}>
                            <ArrowLeftRight />
                            {t("tradingAccounts.actions.transfer")}
                          </DropdownMenuItem>
                        </DropdownMenuContent>
                      </DropdownMenu>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    );
  }

  return (
    <Card className="gap-4 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("tradingAccounts.title")}</CardTitle>
        <CardDescription>{closed && canManage ? t("tradingAccounts.closedCustomer") : t("tradingAccounts.description")}</CardDescription>
        <CardAction>{query.data && query.data.length > 0 && openButton}</CardAction>
      </CardHeader>
      <CardContent className="px-4">{body}</CardContent>
      {open?.kind === "open" && <OpenTradingAccountDialog customer={customer} onClose={() => setOpen(null)} />}
      {open?.kind === "ledger" && <LedgerSheet account={open.account} onClose={() => setOpen(null)} />}
      {open?.kind === "adjust" && <AdjustCashDialog account={open.account} onClose={() => setOpen(null)} />}
      {open?.kind === "transfer" && <TransferDialog from={open.account} accounts={query.data ?? []} onClose={() => setOpen(null)} />}
    </Card>
  );
}
