"use client";
/**
 * The system health page body: PostgreSQL, Redis and the emergency stop as cards, every queue's depth and
 * oldest waiting job, then each visible brand's exchange connectivity and data freshness. Refreshed every
 * 30 s and by the Refresh button; a failed background refresh keeps the last good answer on screen.
 */
import { useQuery } from "@tanstack/react-query";
import { Building2, Database, OctagonAlert, RefreshCw, Server } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import { LoadError } from "@/components/load-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import type { ProbeView, SystemHealth } from "@/lib/health/types";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { BrandFreshness } from "./brand-freshness";
import { QueueTable } from "./queue-table";

const REFRESH_MS = 30_000;

export function HealthDashboard() {
  const t = useT();
  const trpc = useTRPC();
  const dateTime = useDateTimeFormat("dateTimeSeconds");
  const overview = useQuery(trpc.health.overview.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  const data = overview.data;
  const refresh = () => void overview.refetch();

  const toolbar = (
    <div className="flex flex-wrap items-center justify-end gap-3 text-sm text-muted-foreground">
      {data && <Badge variant="outline">{t(`health.scope.${data.scope}`)}</Badge>}
      {data && <span className="tabular-nums" data-testid="health-checked">{t("health.checkedAt", { time: dateTime.format(data.checkedAt) })}</span>}
      <Button variant="outline" size="sm" onClick={refresh}>
        <RefreshCw className={overview.isFetching ? "animate-spin motion-reduce:animate-none" : undefined} />
        {t("health.refresh")}
      </Button>
    </div>
  );

  if (!data && !overview.isError) {
    return (
      <div className="flex flex-col gap-4" aria-busy="true">
        {toolbar}
        <div className="grid gap-4 md:grid-cols-3">
          {[0, 1, 2].map((i) => <Skeleton key={i} className="h-28 rounded-xl" />)}
        </div>
        <Skeleton className="h-64 w-full rounded-xl" />
        <Skeleton className="h-64 w-full rounded-xl" />
      </div>
    );
  }

  if (!data) {
    return (
      <div className="flex flex-col gap-4">
        {toolbar}
        <LoadError title={t("health.loadError")} error={overview.error} onRetry={refresh} />
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      {toolbar}
      <div className="grid gap-4 md:grid-cols-3">
        <ProbeCard icon={Database} title={t("health.dependencies.postgres")} probe={data.postgres} testId="health-postgres" />
        <ProbeCard icon={Server} title={t("health.dependencies.redis")} probe={data.redis} testId="health-redis" />
        <EmergencyCard stop={data.emergency} />
      </div>
      <QueueTable queues={data.queues} checkedAt={data.checkedAt} />
      <section aria-labelledby="health-brands" className="flex flex-col gap-3">
        <div>
          <h2 id="health-brands" className="text-base font-semibold">{t("health.brands.title")}</h2>
          <p className="text-sm text-muted-foreground">{t("health.brands.description")}</p>
        </div>
        {data.brands.length === 0 ? (
          <EmptyState icon={Building2} title={t("health.brands.empty")} />
        ) : (
          data.brands.map((brand) => <BrandFreshness key={brand.brandId} brand={brand} checkedAt={data.checkedAt} />)
        )}
      </section>
    </div>
  );
}

function ProbeCard({ icon: Icon, title, probe, testId }: { icon: LucideIcon; title: string; probe: ProbeView; testId: string }) {
  const t = useT();
  return (
    <Card data-testid={testId} className="gap-3">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-sm">
          <Icon className="size-4 text-muted-foreground" aria-hidden />
          {title}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-1">
        <div className="flex items-center gap-3">
          <Badge variant={probe.up ? "success" : "destructive"}>{t(probe.up ? "health.status.up" : "health.status.down")}</Badge>
          <span className="text-sm tabular-nums text-muted-foreground">
            {probe.latencyMs === null ? t("health.dependencies.noLatency") : t("health.dependencies.latency", { ms: probe.latencyMs })}
          </span>
        </div>
        {probe.error && <p className="break-words text-xs text-destructive">{probe.error}</p>}
      </CardContent>
    </Card>
  );
}

function EmergencyCard({ stop }: { stop: SystemHealth["emergency"] }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  return (
    <Card data-testid="health-emergency" className="gap-3">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-sm">
          <OctagonAlert className="size-4 text-muted-foreground" aria-hidden />
          {t("health.emergency.title")}
        </CardTitle>
        {stop && <CardDescription>{t("health.emergency.active", { time: dateTime.format(stop.triggeredAt) })}</CardDescription>}
      </CardHeader>
      <CardContent>
        {stop ? <Badge variant="destructive">{t("health.emergency.global")}</Badge> : <Badge variant="secondary">{t("health.emergency.none")}</Badge>}
      </CardContent>
    </Card>
  );
}
