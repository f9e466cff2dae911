"use client";
/**
 * The customer page: loads `customer.get`, shows the header (with actions for operations) and the tabs.
 * The open tab is in the URL (?tab=timeline) so links and reloads land on it. An id that is no customer of
 * this brand shows the not-found state.
 */
import { useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { CustomerKycPanel } from "@/app/(portal)/kyc/_components/customer-kyc-panel";
import { WithdrawalAddressBook } from "@/app/(portal)/withdrawals/_components/address-book";
import { LoadError } from "@/components/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { CustomerActions } from "./customer-actions";
import { CustomerApiKeys } from "./customer-api-keys";
import { CustomerBonuses } from "./customer-bonuses";
import { CustomerExchange } from "./customer-exchange";
import { canActOnExchange } from "@/app/(portal)/_components/exchange-actions/action-buttons";
import { customerExchangeActionSlots } from "@/app/(portal)/_components/exchange-actions/row-actions";
import { CustomerFundLocks } from "./customer-fund-locks";
import { CustomerHeader } from "./customer-header";
import { CustomerMessages } from "./customer-messages";
import { CustomerNotFound } from "./customer-not-found";
import { CustomerNotes } from "./customer-notes";
import { CustomerOverview } from "./customer-overview";
import { CustomerRebates } from "./customer-rebates";
import { CustomerRisk } from "./customer-risk";
import { CustomerSubaccounts } from "./customer-subaccounts";
import { CustomerTimeline } from "./customer-timeline";
import { CustomerTradingAccounts } from "./customer-trading-accounts";
import { CUSTOMER_TABS, type CustomerPagePermissions, type CustomerTab } from "./types";

export function CustomerView({ id, permissions }: { id: string; permissions: CustomerPagePermissions }) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.customer.get.queryOptions({ id }));
  const [tab, setTab] = useTabParam(permissions);
  const rebates = permissions.granted.includes("rebate.read");
  const exchange = permissions.granted.includes("exchange.read");
  const risk = permissions.granted.includes("risk.read");

  if (query.isPending) return <CustomerSkeleton />;
  if (query.isError) {
    if (describeTrpcError(query.error, t).code === "NOT_FOUND") return <CustomerNotFound />;
    return (
      <LoadError title={t("customers.detail.loadError")} error={query.error} onRetry={() => void query.refetch()} className="mt-6" />
    );
  }
  const customer = query.data;

  return (
    <div className="flex flex-col gap-5">
      <CustomerHeader customer={customer} actions={permissions.manage && <CustomerActions customer={customer} />} canResetBreaker={permissions.granted.includes("risk.manage")} />
      <Tabs value={tab} onValueChange={(value) => setTab(value as CustomerTab)} className="gap-4">
        <div className="-mx-1 overflow-x-auto px-1 pb-1">
          <TabsList aria-label={t("customers.detail.sections")}>
            <TabsTrigger value="overview">{t("customers.tabs.overview")}</TabsTrigger>
            {permissions.kyc && <TabsTrigger value="kyc">{t("customers.tabs.kyc")}</TabsTrigger>}
            <TabsTrigger value="timeline">{t("customers.tabs.timeline")}</TabsTrigger>
            <TabsTrigger value="notes">{t("customers.tabs.notes")}</TabsTrigger>
            <TabsTrigger value="trading-accounts">{t("customers.tabs.tradingAccounts")}</TabsTrigger>
            <TabsTrigger value="sub-accounts">{t("customers.tabs.subAccounts")}</TabsTrigger>
            {exchange && <TabsTrigger value="exchange">{t("exchangeAccounts.tab")}</TabsTrigger>}
            <TabsTrigger value="api-keys">{t("customers.tabs.apiKeys")}</TabsTrigger>
            <TabsTrigger value="bonuses">{t("customers.tabs.bonuses")}</TabsTrigger>
            <TabsTrigger value="fund-locks">{t("customers.tabs.fundLocks")}</TabsTrigger>
            <TabsTrigger value="messages">{t("customers.tabs.messages")}</TabsTrigger>
            {rebates && <TabsTrigger value="rebates">{t("rebateReports.customerTab.tab")}</TabsTrigger>}
            {risk && <TabsTrigger value="risk">{t("risk.customer.tab")}</TabsTrigger>}
          </TabsList>
        </div>
        <TabsContent value="overview">
          <CustomerOverview customer={customer} canSeeKyc={permissions.kyc} />
        </TabsContent>
        {permissions.kyc && (
          <TabsContent value="kyc">
            <CustomerKycPanel customerId={customer.id} canSubmit={permissions.kycSubmit} />
          </TabsContent>
        )}
        <TabsContent value="timeline">
          <CustomerTimeline customerId={customer.id} />
        </TabsContent>
        <TabsContent value="notes">
          <CustomerNotes customerId={customer.id} canNote={permissions.note} />
        </TabsContent>
        <TabsContent value="trading-accounts">
          <CustomerTradingAccounts customer={customer} granted={permissions.granted} />
        </TabsContent>
        <TabsContent value="sub-accounts">
          <CustomerSubaccounts customer={customer} granted={permissions.granted} />
          <WithdrawalAddressBook customerId={customer.id} granted={permissions.granted} />
        </TabsContent>
        {exchange && (
          <TabsContent value="exchange">
            <CustomerExchange customerId={customer.id} granted={permissions.granted} slots={canActOnExchange(permissions.granted) ? customerExchangeActionSlots(customer.id) : undefined} />
          </TabsContent>
        )}
        <TabsContent value="api-keys">
          <CustomerApiKeys customer={customer} granted={permissions.granted} />
        </TabsContent>
        <TabsContent value="bonuses">
          <CustomerBonuses customer={customer} granted={permissions.granted} />
        </TabsContent>
        <TabsContent value="fund-locks">
          <CustomerFundLocks customer={customer} granted={permissions.granted} />
        </TabsContent>
        <TabsContent value="messages">
          <CustomerMessages customer={customer} granted={permissions.granted} />
        </TabsContent>
        {rebates && (
          <TabsContent value="rebates">
            <CustomerRebates customer={customer} />
          </TabsContent>
        )}
        {risk && (
          <TabsContent value="risk">
            <CustomerRisk customerId={customer.id} canHandle={permissions.granted.includes("risk.handle")} />
          </TabsContent>
        )}
      </Tabs>
    </div>
  );
}

/**
 * The open tab from `?tab=`; an unknown tab, or one this role may not see, falls back to the overview.
 * Written with history.replaceState (which Next's router follows) so switching tabs needs no server round
 * trip and Back leaves the customer instead of stepping through tabs.
 */
function useTabParam(permissions: CustomerPagePermissions): [CustomerTab, (tab: CustomerTab) => void] {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const requested = searchParams.get("tab");
  const visible = (candidate: CustomerTab) =>
    (candidate !== "kyc" || permissions.kyc) &&
    (candidate !== "rebates" || permissions.granted.includes("rebate.read")) &&
    (candidate !== "exchange" || permissions.granted.includes("exchange.read")) &&
    (candidate !== "risk" || permissions.granted.includes("risk.read"));
  const tab = CUSTOMER_TABS.find((candidate) => candidate === requested && visible(candidate)) ?? "overview";
  const setTab = useCallback(
    (next: CustomerTab) => {
      const params = new URLSearchParams(window.location.search);
      if (next === "overview") params.delete("tab");
      else params.set("tab", next);
      const qs = params.toString();
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );
  return [tab, setTab];
}

function CustomerSkeleton() {
  const t = useT();
  return (
    <div className="flex flex-col gap-5" aria-busy="true">
      <span className="sr-only" role="status">
        {t("common.loading")}
      </span>
      <Skeleton className="h-8 w-28" />
      <div className="grid gap-2">
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-4 w-80" />
      </div>
      <Skeleton className="h-9 w-full max-w-3xl" />
      <div className="grid gap-4 lg:grid-cols-3">
        <Skeleton className="h-72 lg:col-span-2" />
        <Skeleton className="h-72" />
      </div>
    </div>
  );
}
