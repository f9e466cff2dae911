"use client";
/**
 * The sub-account page: loads `subaccount.get`; shows the header (name, UID, label, level, status, frozen
 * functions, parent, created), who it belongs to, its account level, its fee rates, and tabs for its API
 * keys, deposit addresses and deposits (panels owned by those domains). A removed sub-account says so
 * and offers no actions; an id that is no sub-account of this brand shows the not-found state.
 */
import { useQuery } from "@tanstack/react-query";
import { Archive, ArrowLeft, Snowflake } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { LoadError } from "@/components/load-error";
import { SubaccountApiKeys } from "@/components/api-keys/subaccount-api-keys";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { SubaccountDepositAddresses } from "@/components/deposits/subaccount-deposit-addresses";
import { SubaccountDeposits } from "@/components/deposits/subaccount-deposits";
import { AccountLevelBadge, FrozenFunctions, frozenFunctionNames, SubaccountStatusBadge } from "@/components/subaccounts/subaccount-badges";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { SubaccountDetail } from "@/lib/subaccounts/schemas";
import { AccountLevelCard } from "./account-level-card";
import { CustomerCard } from "./customer-card";
import { FeeRatesCard } from "./fee-rates-card";
import { SubaccountNotFound } from "./subaccount-not-found";

export interface SubaccountPagePermissions {
  /** Link / unlink, change the account level. */
  manage: boolean;
  /** Open the linked customer's page. */
  customers: boolean;
  apiKeys: boolean;
  apiKeysManage: boolean;
  deposits: boolean;
}

export function SubaccountView({ id, permissions }: { id: string; permissions: SubaccountPagePermissions }) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.subaccount.get.queryOptions({ id }));

  if (query.isPending) return <SubaccountSkeleton />;
  if (query.isError) {
    if (describeTrpcError(query.error, t).code === "NOT_FOUND") return <SubaccountNotFound />;
    return (
      <LoadError title={t("subaccounts.detail.loadError")} error={query.error} onRetry={() => void query.refetch()} className="mt-6" />
    );
  }
  const sub = query.data;
  // A removed sub-account is history: nothing can be done to it here or in the panels below.
  const live = sub.status !== "removed";
  const canManage = permissions.manage && live;

  return (
    <div className="flex flex-col gap-5">
      <SubaccountHeader subaccount={sub} />
      <div className="grid gap-4 lg:grid-cols-3">
        <FactsCard subaccount={sub} />
        <div className="grid content-start gap-4">
          <CustomerCard subaccount={sub} canManage={canManage} canOpenCustomer={permissions.customers} />
          <AccountLevelCard subaccount={sub} canManage={canManage} />
        </div>
      </div>
      <FeeRatesCard feeRates={sub.feeRates} />
      <SubaccountTabs subaccount={sub} permissions={permissions} live={live} />
    </div>
  );
}

function SubaccountHeader({ subaccount: sub }: { subaccount: SubaccountDetail }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  return (
    <header className="flex flex-col gap-3">
      <Button asChild variant="ghost" size="sm" className="-ml-2 w-fit text-muted-foreground">
        <Link href="/sub-accounts">
          <ArrowLeft />
          {t("subaccounts.detail.backToList")}
        </Link>
      </Button>
      <div className="grid min-w-0 gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="truncate font-mono text-xl font-semibold tracking-tight">{sub.subAcct}</h1>
          <CopyButton value={sub.subAcct} variant="ghost" className="size-7" aria-label={t("subaccounts.detail.copyName")} />
          <SubaccountStatusBadge status={sub.status} />
          <AccountLevelBadge level={sub.accountLevel} />
        </div>
        <dl className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm text-muted-foreground">
          <div className="flex items-center gap-1.5">
            <dt>{t("subaccounts.columns.uid")}</dt>
            <dd className="flex items-center gap-1 font-mono text-foreground tabular-nums">
              {sub.uid}
              <CopyButton value={sub.uid} variant="ghost" className="size-6" aria-label={t("subaccounts.detail.copyUid")} />
            </dd>
          </div>
          <div className="flex items-center gap-1.5">
            <dt>{t("subaccounts.detail.label")}</dt>
            <dd className="text-foreground">{sub.label || t("subaccounts.detail.noLabel")}</dd>
          </div>
          <div className="flex items-center gap-1.5">
            <dt>{t("subaccounts.detail.parent")}</dt>
            <dd className="font-mono text-foreground">{sub.mainAcct ?? t("subaccounts.firstLevel")}</dd>
          </div>
          <div className="flex items-center gap-1.5">
            <dt>{t("subaccounts.detail.created")}</dt>
            <dd className="text-foreground">
              <time dateTime={sub.exchangeCreatedAt.toISOString()}>{dateTime.format(sub.exchangeCreatedAt)}</time>
            </dd>
          </div>
        </dl>
      </div>
      <StatusNotice subaccount={sub} />
    </header>
  );
}

/** Removed or frozen: say so right under the name. */
function StatusNotice({ subaccount: sub }: { subaccount: SubaccountDetail }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  if (sub.status === "removed") {
    return (
      <Alert variant="warning" role="status">
        <Archive aria-hidden />
        <AlertTitle>{t("subaccounts.detail.removedTitle")}</AlertTitle>
        <AlertDescription>{t("subaccounts.detail.removedHint", { date: sub.removedAt ? dateTime.format(sub.removedAt) : "—" })}</AlertDescription>
      </Alert>
    );
  }
  if (sub.status === "frozen") {
    return (
      <Alert variant="warning">
        <Snowflake aria-hidden />
        <AlertTitle>{t("subaccounts.detail.frozenTitle")}</AlertTitle>
        {sub.frozenFunctions.length > 0 && (
          <AlertDescription>{t("subaccounts.detail.frozenHint", { functions: frozenFunctionNames(t, sub.frozenFunctions) })}</AlertDescription>
        )}
      </Alert>
    );
  }
  return null;
}

function FactsCard({ subaccount: sub }: { subaccount: SubaccountDetail }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  const time = (value: Date) => <time dateTime={value.toISOString()}>{dateTime.format(value)}</time>;
  return (
    <Card className="gap-4 py-4 lg:col-span-2">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("subaccounts.detail.facts")}</CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Field label={t("subaccounts.columns.subAcct")}>
            <span className="font-mono">{sub.subAcct}</span>
          </Field>
          <Field label={t("subaccounts.columns.uid")}>
            <span className="font-mono tabular-nums">{sub.uid}</span>
          </Field>
          <Field label={t("subaccounts.detail.label")}>{sub.label || <span className="text-muted-foreground">{t("subaccounts.detail.noLabel")}</span>}</Field>
          <Field label={t("subaccounts.columns.status")}>
            <SubaccountStatusBadge status={sub.status} />
          </Field>
          <Field label={t("subaccounts.detail.frozenFunctions")}>
            <FrozenFunctions functions={sub.frozenFunctions} none={t("subaccounts.detail.noFrozenFunctions")} />
          </Field>
          <Field label={t("subaccounts.detail.canTransferOut")}>{t(sub.canTransferOut ? "subaccounts.yes" : "subaccounts.no")}</Field>
          <Field label={t("subaccounts.detail.parent")}>
            <span className="font-mono">{sub.mainAcct ?? t("subaccounts.firstLevel")}</span>
          </Field>
          <Field label={t("subaccounts.detail.created")}>{time(sub.exchangeCreatedAt)}</Field>
          <Field label={t("subaccounts.detail.firstSeen")}>{time(sub.firstSeenAt)}</Field>
          <Field label={t("subaccounts.detail.lastSynced")}>{time(sub.lastSyncedAt)}</Field>
        </dl>
      </CardContent>
    </Card>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function SubaccountTabs({ subaccount: sub, permissions, live }: { subaccount: SubaccountDetail; permissions: SubaccountPagePermissions; live: boolean }) {
  const t = useT();
  const tabs = [
    permissions.apiKeys && "api-keys",
    permissions.deposits && "deposit-addresses",
    permissions.deposits && "deposits",
  ].filter((tab): tab is string => Boolean(tab));
  if (tabs.length === 0) return null;
  return (
    <Tabs defaultValue={tabs[0]} className="gap-4">
      <div className="-mx-1 overflow-x-auto px-1 pb-1">
        <TabsList aria-label={t("subaccounts.detail.tabs")}>
          {permissions.apiKeys && <TabsTrigger value="api-keys">{t("subaccounts.tabs.apiKeys")}</TabsTrigger>}
          {permissions.deposits && <TabsTrigger value="deposit-addresses">{t("subaccounts.tabs.depositAddresses")}</TabsTrigger>}
          {permissions.deposits && <TabsTrigger value="deposits">{t("subaccounts.tabs.deposits")}</TabsTrigger>}
        </TabsList>
      </div>
      {permissions.apiKeys && (
        <TabsContent value="api-keys">
          <SubaccountApiKeys subaccountId={sub.id} subAcct={sub.subAcct} canManage={permissions.apiKeysManage && live} />
        </TabsContent>
      )}
      {permissions.deposits && (
        <TabsContent value="deposit-addresses">
          <SubaccountDepositAddresses subaccountId={sub.id} canManage={permissions.manage && live} />
        </TabsContent>
      )}
      {permissions.deposits && (
        <TabsContent value="deposits">
          <SubaccountDeposits subaccountId={sub.id} />
        </TabsContent>
      )}
    </Tabs>
  );
}

function SubaccountSkeleton() {
  const t = useT();
  return (
    <div className="flex flex-col gap-5" aria-busy="true">
      <span className="sr-only" role="status">
        {t("common.loading")}
      </span>
      <Skeleton className="h-8 w-36" />
      <div className="grid gap-2">
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Skeleton className="h-64 lg:col-span-2" />
        <Skeleton className="h-64" />
      </div>
      <Skeleton className="h-72" />
    </div>
  );
}
