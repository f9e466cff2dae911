"use client";
/**
 * The customer page's "Risk" tab (risk.read): per kind, the limits that apply to this customer and the
 * scope they come from (the narrowest wins, as the evaluator picks them), which of them are snoozed, the
 * active snoozes (cancel for risk.handle), and the customer's open risk events with a link to them.
 */
import { useQuery } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { SnoozeList } from "@/components/risk/snooze-list";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { LoadError } from "@/components/load-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n/client";
import { RISK_KIND_UNIT } from "@/lib/risk/schemas";
import { useTRPC } from "@/lib/trpc/client";
import type { CustomerRisk as Risk, RiskLimitRow } from "@/server/risk/types";

export function CustomerRisk({ customerId, canHandle }: { customerId: string; canHandle: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.risk.forCustomer.queryOptions({ customerId }));
  if (query.isPending) {
    return (
      <div className="grid gap-3" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-24 w-full" />
      </div>
    );
  }
  if (query.isError) return <LoadError title={t("risk.customer.loadError")} error={query.error} onRetry={() => void query.refetch()} />;
  return <RiskCards customerId={customerId} risk={query.data} canHandle={canHandle} />;
}

function RiskCards({ customerId, risk, canHandle }: { customerId: string; risk: Risk; canHandle: boolean }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  const snoozedUntil = new Map(risk.snoozes.map((s) => [s.limitId, s.until]));
  const rule = (l: RiskLimitRow) => {
    const until = snoozedUntil.get(l.id);
    return (
      <li key={l.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 tabular-nums">
        <span className="font-medium">{t(`risk.units.${RISK_KIND_UNIT[l.kind]}`, { value: l.threshold })}</span>
        <span className="text-muted-foreground">{t("risk.limits.windowMinutes", { n: l.windowMinutes })}</span>
        <Badge variant={l.severity === "high" ? "destructive" : "secondary"}>{t(`risk.severities.${l.severity}`)}</Badge>
        <span className="text-muted-foreground">{l.actions.map((a) => t(`risk.actions.${a}`)).join(", ")}</span>
        {until && <Badge variant="outline">{t("risk.customer.snoozedUntil", { until: dateTime.format(until) })}</Badge>}
      </li>
    );
  };
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card className="gap-4 py-4 lg:col-span-2" data-testid="customer-risk-limits">
        <CardHeader className="px-4">
          <CardTitle className="text-sm">{t("risk.customer.title")}</CardTitle>
          <CardDescription>{t("risk.customer.description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 px-4">
          {risk.kinds.map((k) => (
            <section key={k.kind} aria-label={t(`risk.kinds.${k.kind}`)} className="grid gap-1.5 border-t pt-3 text-sm first:border-t-0 first:pt-0">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-medium">{t(`risk.kinds.${k.kind}`)}</h3>
                {k.scope && (
                  <span className="text-xs text-muted-foreground">
                    {t("risk.customer.from", { scope: `${t(`risk.scopes.${k.scope}`)}${k.limits[0]?.scopeLabel ? ` · ${k.limits[0].scopeLabel}` : ""}` })}
                  </span>
                )}
              </div>
              {k.limits.length === 0 ? <p className="text-muted-foreground">{t("risk.customer.noLimit")}</p> : <ul className="grid gap-1">{k.limits.map(rule)}</ul>}
            </section>
          ))}
        </CardContent>
      </Card>
      <div className="grid content-start gap-4">
        <Card className="gap-4 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-sm">{t("risk.customer.openEvents")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-wrap items-center justify-between gap-2 px-4">
            <p className="text-2xl font-semibold tabular-nums" data-testid="customer-risk-open-events">
              {risk.openEvents}
            </p>
            <Button asChild variant="ghost" size="sm">
              <Link href={`/risk/events?customerId=${customerId}&status=open`}>
                <ExternalLink />
                {t("risk.customer.viewEvents")}
              </Link>
            </Button>
          </CardContent>
        </Card>
        <Card className="gap-4 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-sm">{t("risk.customer.snoozes")}</CardTitle>
          </CardHeader>
          <CardContent className="px-4">
            <SnoozeList snoozes={risk.snoozes} canHandle={canHandle} showRule empty={t("risk.customer.noSnoozes")} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
