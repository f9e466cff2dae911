"use client";
/**
 * The customer page's "Fund locks" tab: the customer's trading accounts with what is locked on each, the
 * active locks (each with "Unlock" for those who may) and the history below. Operations and admins get
 * "Lock transfers". `granted` is the caller's permission list (the same map the procedures enforce).
 */
import { useQuery } from "@tanstack/react-query";
import { ExternalLink, Lock, LockOpen } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { LoadError } from "@/components/load-error";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { AccountName, accountName, DirectionText, FundLockStatusBadge, LockedBadges, RiskRuleBadge } from "@/components/fund-locks/fund-lock-badges";
import { EndedCell } from "@/components/fund-locks/fund-lock-columns";
import { LockTransfersDialog } from "@/components/fund-locks/lock-transfers-dialog";
import { UnlockDialog } from "@/components/fund-locks/unlock-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { Permission } from "@/lib/auth/permissions";
import type { CustomerDetail } from "@/server/customers/types";
import type { FundLockRow } from "@/server/fund-locks/types";

export function CustomerFundLocks({ customer, granted }: { customer: CustomerDetail; granted: readonly Permission[] }) {
  const t = useT();
  if (!granted.includes("fundlock.read")) return <EmptyState icon={Lock} title={t("fundLocks.customerTab.noAccess")} />;
  return (
    <FundLocksOfCustomer
      customer={customer}
      canManage={granted.includes("fundlock.manage")}
      // Risk rules are the admins' (risk.manage): only they lift a rule's lock; the server enforces the same.
      canReleaseRiskRule={granted.includes("fundlock.manage") && granted.includes("risk.manage")}
    />
  );
}

function FundLocksOfCustomer({ customer, canManage, canReleaseRiskRule }: { customer: CustomerDetail; canManage: boolean; canReleaseRiskRule: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const [locking, setLocking] = useState(false);
  const [unlocking, setUnlocking] = useState<FundLockRow | null>(null);
  const accounts = useQuery(trpc.fundLock.accountsForCustomer.queryOptions({ customerId: customer.id }));
  const locks = useQuery(trpc.fundLock.listForCustomer.queryOptions({ customerId: customer.id }));
  const lockable = (accounts.data ?? []).some((a) => a.status !== "closed");
  const lockButton = canManage && lockable && (
    <Button size="sm" onClick={() => setLocking(true)}>
      <Lock />
      {t("fundLocks.lock.button")}
    </Button>
  );

  let body;
  if (accounts.isPending || locks.isPending) {
    body = (
      <div className="grid gap-3" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-32 w-full" />
      </div>
    );
  } else if (accounts.isError || locks.isError) {
    body = (
      <LoadError
        title={t("fundLocks.loadError")}
        error={accounts.error ?? locks.error}
        onRetry={() => {
          void accounts.refetch();
          void locks.refetch();
        }}
        className="border-0"
      />
    );
  } else if (accounts.data.length === 0 && locks.data.length === 0) {
    body = <EmptyState icon={Lock} className="border-0" title={t("fundLocks.customerTab.noAccounts")} />;
  } else {
    const active = locks.data.filter((l) => l.status === "active");
    const history = locks.data.filter((l) => l.status !== "active");
    const canUnlock = (l: FundLockRow) => canManage && (l.source !== "risk_rule" || canReleaseRiskRule);
    body = (
      <div className="grid gap-6">
        <section aria-labelledby="fund-lock-accounts" className="grid gap-2">
          <h3 id="fund-lock-accounts" className="text-sm font-medium">
            {t("fundLocks.customerTab.accounts")}
          </h3>
          {accounts.data.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("fundLocks.customerTab.noAccounts")}</p>
          ) : (
            <ul className="grid gap-1.5 sm:grid-cols-2">
              {accounts.data.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm">
                  <AccountName account={a} />
                  <LockedBadges directions={a.activeLocks.map((l) => l.direction)} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="fund-lock-active" className="grid gap-2">
          <h3 id="fund-lock-active" className="text-sm font-medium">
            {t("fundLocks.customerTab.active")}
          </h3>
          {active.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("fundLocks.customerTab.noActive")}</p>
          ) : (
            <LocksTable caption={t("fundLocks.customerTab.active")} rows={active} variant="active" canUnlock={canUnlock} onUnlock={setUnlocking} />
          )}
        </section>
        <section aria-labelledby="fund-lock-history" className="grid gap-2">
          <h3 id="fund-lock-history" className="text-sm font-medium">
            {t("fundLocks.customerTab.history")}
          </h3>
          {history.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("fundLocks.customerTab.noHistory")}</p>
          ) : (
            <LocksTable caption={t("fundLocks.customerTab.history")} rows={history} variant="history" canUnlock={canUnlock} onUnlock={setUnlocking} />
          )}
        </section>
      </div>
    );
  }

  return (
    <Card className="gap-4 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("fundLocks.customerTab.title")}</CardTitle>
        <CardDescription>{t("fundLocks.customerTab.description")}</CardDescription>
        <CardAction className="flex flex-wrap items-center gap-2">
          {locks.data && locks.data.length > 0 && (
            <Button asChild variant="ghost" size="sm">
              <Link href={`/fund-locks?customerId=${customer.id}`}>
                <ExternalLink />
                {t("fundLocks.customerTab.viewAll")}
              </Link>
            </Button>
          )}
          {lockButton}
        </CardAction>
      </CardHeader>
      <CardContent className="px-4">{body}</CardContent>
      {locking && accounts.data && <LockTransfersDialog customer={customer} accounts={accounts.data} onClose={() => setLocking(false)} />}
      {unlocking && <UnlockDialog lock={unlocking} onClose={() => setUnlocking(null)} />}
    </Card>
  );
}

interface LocksTableProps {
  caption: string;
  rows: FundLockRow[];
  variant: "active" | "history";
  canUnlock: (row: FundLockRow) => boolean;
  onUnlock: (row: FundLockRow) => void;
}

function LocksTable({ caption, rows, variant, canUnlock, onUnlock }: LocksTableProps) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  const time = (d: Date) => (
    <time dateTime={d.toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">
      {dateTime.format(d)}
    </time>
  );
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table>
        <TableCaption className="sr-only">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("fundLocks.columns.account")}</TableHead>
            <TableHead>{t("fundLocks.columns.direction")}</TableHead>
            <TableHead>{t("fundLocks.columns.reason")}</TableHead>
            <TableHead>{t("fundLocks.columns.createdAt")}</TableHead>
            {variant === "active" ? <TableHead>{t("fundLocks.columns.expiresAt")}</TableHead> : <TableHead>{t("fundLocks.columns.status")}</TableHead>}
            {variant === "active" ? (
              <TableHead>
                <span className="sr-only">{t("fundLocks.columns.actions")}</span>
              </TableHead>
            ) : (
              <TableHead>{t("fundLocks.columns.ended")}</TableHead>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((l) => (
            <TableRow key={l.id}>
              <TableCell>
                <AccountName account={l.account} />
              </TableCell>
              <TableCell>
                <DirectionText direction={l.direction} />
              </TableCell>
              <TableCell>
                <span className="flex max-w-72 flex-wrap items-center gap-1.5">
                  <span className="line-clamp-2" title={l.reason}>
                    {l.reason}
                  </span>
                  {l.source === "risk_rule" && <RiskRuleBadge />}
                </span>
              </TableCell>
              <TableCell>
                <span className="flex flex-col">
                  {time(l.createdAt)}
                  <span className="text-xs text-muted-foreground">{l.createdBy?.name ?? t("fundLocks.system")}</span>
                </span>
              </TableCell>
              {variant === "active" ? (
                <TableCell>{l.expiresAt ? time(l.expiresAt) : <span className="text-muted-foreground">{t("fundLocks.never")}</span>}</TableCell>
              ) : (
                <TableCell>
                  <FundLockStatusBadge status={l.status} />
                </TableCell>
              )}
              {variant === "active" ? (
                <TableCell className="text-right">
                  {canUnlock(l) && (
                    <Button
                      variant="outline"
                      size="sm"
                      className="h-7"
                      aria-label={t("fundLocks.unlock.buttonLabel", { direction: t(`fundLocks.directions.${l.direction}`), account: accountName(t, l.account) })}
                      onClick={() => onUnlock(l)}
                    >
                      <LockOpen />
                      {t("fundLocks.unlock.button")}
                    </Button>
                  )}
                </TableCell>
              ) : (
                <TableCell>
                  <EndedCell row={l} format={dateTime} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
