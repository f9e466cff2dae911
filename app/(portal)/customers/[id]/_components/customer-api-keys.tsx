"use client";
/**
 * The customer page's "API keys" tab: for each of the customer's sub-accounts still on the exchange, its
 * key panel — the same one as on the sub-account's page (create, edit, delete, reveal, unbound warnings).
 */
import { useQuery } from "@tanstack/react-query";
import { KeyRound, Lock } from "lucide-react";
import { LoadError } from "@/components/load-error";
import { SubaccountApiKeys } from "@/components/api-keys/subaccount-api-keys";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { Permission } from "@/lib/auth/permissions";
import type { CustomerDetail } from "@/server/customers/types";

/** More sub-accounts than any customer is expected to have. */
const PAGE_SIZE = 100;

export function CustomerApiKeys({ customer, granted }: { customer: CustomerDetail; granted: readonly Permission[] }) {
  const t = useT();
  if (!granted.includes("apikey.read") || !granted.includes("subaccount.read")) {
    return <EmptyState icon={Lock} title={t("apiKeys.customerTab.noAccess")} />;
  }
  return <KeysOfCustomer customer={customer} canManage={granted.includes("apikey.manage")} />;
}

function KeysOfCustomer({ customer, canManage }: { customer: CustomerDetail; canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(
    trpc.subaccount.list.queryOptions({ customerId: customer.id, status: ["active", "frozen"], page: 1, pageSize: PAGE_SIZE, sort: "exchangeCreatedAt", dir: "asc" }),
  );
  if (query.isPending) return <Skeleton className="h-40 w-full" />;
  if (query.isError) {
    return (
      <LoadError title={t("apiKeys.customerTab.loadError")} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  if (query.data.rows.length === 0) {
    return <EmptyState icon={KeyRound} title={t("apiKeys.customerTab.empty")} description={t("apiKeys.customerTab.emptyHint")} />;
  }
  return (
    <div className="flex flex-col gap-4">
      {query.data.rows.map((sub) => (
        <SubaccountApiKeys key={sub.id} subaccountId={sub.id} subAcct={sub.subAcct} canManage={canManage} />
      ))}
    </div>
  );
}
