"use client";
/**
 * The customer page's "Sub-accounts" tab: the exchange sub-accounts linked to the customer (each opening
 * its own page) and, for operations, "Create sub-account". What the caller may do comes from the page's
 * permission list, the same map the procedures enforce.
 */
import { useQuery } from "@tanstack/react-query";
import { ExternalLink, Lock, Network, Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { LoadError } from "@/components/load-error";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { CreateSubaccountDialog } from "@/components/subaccounts/create-subaccount-dialog";
import { AccountLevelBadge, SubaccountStatusBadge } from "@/components/subaccounts/subaccount-badges";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { Permission } from "@/lib/auth/permissions";
import type { CustomerDetail } from "@/server/customers/types";

/** More than any customer is expected to have; beyond it the full list page takes over. */
const PAGE_SIZE = 100;

export function CustomerSubaccounts({ customer, granted }: { customer: CustomerDetail; granted: readonly Permission[] }) {
  const t = useT();
  if (!granted.includes("subaccount.read")) return <EmptyState icon={Lock} title={t("subaccounts.customerTab.noAccess")} />;
  return <SubaccountsOfCustomer customer={customer} canManage={granted.includes("subaccount.manage")} />;
}

function SubaccountsOfCustomer({ customer, canManage }: { customer: CustomerDetail; canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const dateTime = useDateTimeFormat();
  const [creating, setCreating] = useState(false);
  const query = useQuery(
    trpc.subaccount.list.queryOptions({ customerId: customer.id, page: 1, pageSize: PAGE_SIZE, sort: "exchangeCreatedAt", dir: "desc" }),
  );
  const closed = customer.status === "closed";
  const createButton = canManage && !closed && (
    <Button size="sm" onClick={() => setCreating(true)}>
      <Plus />
      {t("subaccounts.create.button")}
    </Button>
  );

  let body;
  if (query.isPending) body = <Skeleton className="h-32 w-full" />;
  else if (query.isError) {
    body = (
      <LoadError title={t("subaccounts.customerTab.loadError")} error={query.error} onRetry={() => void query.refetch()} className="border-0" />
    );
  } else if (query.data.rows.length === 0) {
    body = (
      <EmptyState
        icon={Network}
        className="border-0"
        title={t("subaccounts.customerTab.empty")}
        description={canManage && !closed ? t("subaccounts.customerTab.emptyHint") : undefined}
        action={createButton}
      />
    );
  } else {
    body = (
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableCaption className="sr-only">{t("subaccounts.customerTab.title")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("subaccounts.columns.subAcct")}</TableHead>
              <TableHead>{t("subaccounts.columns.uid")}</TableHead>
              <TableHead>{t("subaccounts.columns.label")}</TableHead>
              <TableHead>{t("subaccounts.columns.accountLevel")}</TableHead>
              <TableHead>{t("subaccounts.columns.status")}</TableHead>
              <TableHead>{t("subaccounts.columns.exchangeCreatedAt")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {query.data.rows.map((sub) => (
              <TableRow key={sub.id}>
                <TableCell>
                  <Link href={`/sub-accounts/${sub.id}`} className="font-mono text-xs font-medium underline-offset-4 hover:underline focus-visible:underline">
                    {sub.subAcct}
                  </Link>
                </TableCell>
                <TableCell className="font-mono text-xs tabular-nums">{sub.uid}</TableCell>
                <TableCell>{sub.label || <span className="text-muted-foreground">{t("subaccounts.none")}</span>}</TableCell>
                <TableCell>
                  <AccountLevelBadge level={sub.accountLevel} />
                </TableCell>
                <TableCell>
                  <SubaccountStatusBadge status={sub.status} />
                </TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">
                  <time dateTime={sub.exchangeCreatedAt.toISOString()}>{dateTime.format(sub.exchangeCreatedAt)}</time>
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
        <CardTitle className="text-sm">{t("subaccounts.customerTab.title")}</CardTitle>
        <CardDescription>{closed && canManage ? t("subaccounts.customerTab.closedCustomer") : t("subaccounts.customerTab.description")}</CardDescription>
        <CardAction className="flex flex-wrap items-center gap-2">
          {query.data && query.data.total > 0 && (
            <Button asChild variant="ghost" size="sm">
              <Link href={`/sub-accounts?customerId=${customer.id}`}>
                <ExternalLink />
                {t("subaccounts.customerTab.viewAll")}
              </Link>
            </Button>
          )}
          {query.data && query.data.rows.length > 0 && createButton}
        </CardAction>
      </CardHeader>
      <CardContent className="px-4">{body}</CardContent>
      {creating && <CreateSubaccountDialog customer={customer} onClose={() => setCreating(false)} />}
    </Card>
  );
}
