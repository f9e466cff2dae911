"use client";
/** The top of the customer page: name, UID (copyable), status, KYC level, group, the actions, and a tripped risk breaker. */
import { ArrowLeft, Ban, Snowflake } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { CustomerStatusBadge, KycLevelBadge } from "@/components/customers/customer-badges";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { useT } from "@/lib/i18n/client";
import type { CustomerDetail } from "@/server/customers/types";
import { CustomerBreakerBadge, CustomerBreakerNotice } from "./customer-breaker";

export function CustomerHeader({ customer, actions, canResetBreaker = false }: { customer: CustomerDetail; actions?: ReactNode; canResetBreaker?: boolean }) {
  const t = useT();
  return (
    <header className="flex flex-col gap-3">
      <Button asChild variant="ghost" size="sm" className="-ml-2 w-fit text-muted-foreground">
        <Link href="/customers">
          <ArrowLeft />
          {t("customers.detail.backToList")}
        </Link>
      </Button>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid min-w-0 gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="truncate text-xl font-semibold tracking-tight">{customer.name}</h1>
            <CustomerStatusBadge status={customer.status} />
            <KycLevelBadge level={customer.kycLevel} />
            <CustomerBreakerBadge customerId={customer.id} />
          </div>
          <dl className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm text-muted-foreground">
            <div className="flex items-center gap-1.5">
              <dt>{t("customers.columns.uid")}</dt>
              <dd className="flex items-center gap-1 font-mono text-foreground tabular-nums">
                {customer.uid}
                <CopyButton value={customer.uid} variant="ghost" className="size-6" aria-label={t("customers.detail.copyUid")} />
              </dd>
            </div>
            <div className="flex items-center gap-1.5">
              <dt>{t("customers.columns.group")}</dt>
              <dd className="text-foreground">{customer.groupName ?? t("customers.noGroup")}</dd>
            </div>
          </dl>
        </div>
        {actions}
      </div>
      <StatusNotice customer={customer} />
      <CustomerBreakerNotice customerId={customer.id} canReset={canResetBreaker} />
    </header>
  );
}

/** Frozen or closed: say since when and why, right under the name. */
function StatusNotice({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  if (customer.status === "active") return null;
  const frozen = customer.status === "frozen";
  const since = customer.statusChangedAt ? dateTime.format(customer.statusChangedAt) : null;
  return (
    <Alert variant={frozen ? "warning" : "default"}>
      {frozen ? <Snowflake aria-hidden /> : <Ban aria-hidden />}
      <AlertTitle>
        {since
          ? t(frozen ? "customers.detail.frozenSince" : "customers.detail.closedSince", { date: since })
          : t(frozen ? "customers.detail.frozen" : "customers.detail.closed")}
      </AlertTitle>
      {customer.statusReason && (
        <AlertDescription>{t("customers.detail.statusReason", { reason: customer.statusReason })}</AlertDescription>
      )}
    </Alert>
  );
}
