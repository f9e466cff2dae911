/** One chart, loaded on the server and drawn in the browser (recharts measures the DOM). */
import Link from "next/link";
import { DailyChart } from "@/components/dashboard/daily-chart";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getT } from "@/lib/i18n/server";
import type { TenantContext } from "@/server/actor";
import { loadChart } from "@/server/dashboard/service";
import type { DashboardChart } from "@/server/dashboard/types";

export async function ChartSlot({ ctx, chart }: { ctx: TenantContext; chart: DashboardChart }) {
  const [result, t] = await Promise.all([loadChart(ctx, chart), getT()]);
  const title = t(chart.title);
  const empty = result.ok && result.data.points.every((p) => chart.series.every((s) => !p[s.key]));
  return (
    <Card data-testid={`chart-${chart.id}`} className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle>{chart.href ? <Link href={chart.href} className="hover:underline">{title}</Link> : title}</CardTitle>
        {chart.description && <CardDescription>{t(chart.description)}</CardDescription>}
        {result.ok && result.data.unit && (
          <CardAction>
            <Badge variant="outline">{result.data.unit}</Badge>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="px-4">
        {!result.ok ? (
          <p className="py-16 text-center text-sm text-destructive">{t("dashboard.chartError")}</p>
        ) : empty ? (
          <p className="py-16 text-center text-sm text-muted-foreground">{t("dashboard.chartEmpty")}</p>
        ) : (
          <DailyChart
            kind={chart.kind}
            label={title}
            unit={result.data.unit}
            series={chart.series.map((s) => ({ key: s.key, label: t(s.label), color: s.color }))}
            points={result.data.points}
          />
        )}
      </CardContent>
    </Card>
  );
}
