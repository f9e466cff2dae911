"use client";
/**
 * The customer page's "Bonuses" tab: bonus balances per trading account, every grant to the customer, and for
 * bonus.manage "Grant bonus" and "Release"; approvers get approve / reject on pending grants (never their own:
 * the server refuses that).
 */
import { useQuery } from "@tanstack/react-query";
import { Gift } from "lucide-react";
import { useState } from "react";
import { LoadError } from "@/components/load-error";
import { GrantDialog } from "@/components/bonuses/grant-dialog";
import { GrantsTable } from "@/components/bonuses/grants-table";
import { ReleaseDialog } from "@/components/bonuses/release-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { Permission } from "@/lib/auth/permissions";
import type { CustomerDetail } from "@/server/customers/types";
import { accountLabel } from "@/components/trading-accounts/account-label";

export function CustomerBonuses({ customer, granted }: { customer: CustomerDetail; granted: readonly Permission[] }) {
  const t = useT();
  if (!granted.includes("bonus.read")) return <EmptyState icon={Gift} title={t("bonuses.noAccess")} />;
  return <BonusesOfCustomer customer={customer} canManage={granted.includes("bonus.manage")} canApprove={granted.includes("bonus.approve")} />;
}

function BonusesOfCustomer({ customer, canManage, canApprove }: { customer: CustomerDetail; canManage: boolean; canApprove: boolean }) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const [granting, setGranting] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const data = useQuery(trpc.bonus.grant.forCustomer.queryOptions({ customerId: customer.id }));

  let body;
  if (data.isPending) {
    body = (
      <div className="grid gap-3" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-12 w-full" />
        <Skeleton className="h-32 w-full" />
      </div>
    );
  } else if (data.isError) {
    body = (
      <LoadError title={t("bonuses.loadError")} error={data.error} onRetry={() => void data.refetch()} className="border-0" />
    );
  } else {
    body = (
      <div className="grid gap-6">
        {data.data.accounts.length > 0 && (
          <section aria-labelledby="bonus-balances" className="grid gap-2">
            <h3 id="bonus-balances" className="text-sm font-medium">
              {t("bonuses.customerTab.accounts")}
            </h3>
            <ul className="grid gap-1.5 sm:grid-cols-2">
              {data.data.accounts.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm">
                  <span>{accountLabel(t, a)}</span>
                  <span className="font-mono text-xs tabular-nums text-muted-foreground">
                    {t("bonuses.customerTab.withdrawableBalance", { amount: f.decimal(a.bonusWithdrawable) })} · {t("bonuses.customerTab.nonWithdrawableBalance", { amount: f.decimal(a.bonusNonWithdrawable) })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {data.data.grants.length === 0 ? (
          <EmptyState icon={Gift} className="border-0" title={t("bonuses.customerTab.empty")} />
        ) : (
          <GrantsTable caption={t("bonuses.customerTab.title")} rows={data.data.grants} canManage={canManage} canApprove={canApprove} showCustomer={false} showCampaign />
        )}
      </div>
    );
  }

  return (
    <Card className="gap-4 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("bonuses.customerTab.title")}</CardTitle>
        <CardDescription>{t("bonuses.customerTab.description")}</CardDescription>
        {canManage && data.data && (
          <CardAction className="flex flex-wrap items-center gap-2">
            <Button size="sm" variant="outline" onClick={() => setReleasing(true)}>
              {t("bonuses.release.button")}
            </Button>
            <Button size="sm" onClick={() => setGranting(true)}>
              <Gift />
              {t("bonuses.grant.button")}
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="px-4">{body}</CardContent>
      {granting && data.data && <GrantDialog customer={customer} accounts={data.data.accounts} onClose={() => setGranting(false)} />}
      {releasing && data.data && <ReleaseDialog accounts={data.data.accounts} onClose={() => setReleasing(false)} />}
    </Card>
  );
}
