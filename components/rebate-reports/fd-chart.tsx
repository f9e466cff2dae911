"use client";
/**
 * FD rebates per UTC day: the broker's, the sub-broker's and the users' stacked. Every day of the range has
 * a bar slot, so quiet days read as gaps. Amounts are decimal strings: turned into numbers only to size the
 * bars; the tooltip shows them with every decimal the server sent, and the broker's share on affiliated
 * orders.
 */
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, type ChartConfig } from "@/components/ui/chart";
import { useFormat } from "@/lib/hooks/use-format";
import { useLocale, useT } from "@/lib/i18n/client";
import { eachDay } from "@/lib/rebates/report-query";
import type { FdDay } from "@/server/rebates/fd-reports";

const UNIT = "USDT";
const SERIES = ["broker", "subBroker", "user"] as const;
type Series = (typeof SERIES)[number];
const RAW: Record<Series, "brokerRebate" | "subBrokerRebate" | "userRebate"> = { broker: "brokerRebate", subBroker: "subBrokerRebate", user: "userRebate" };

type Point = { day: string; raw: FdDay | null } & Record<Series, number>;

const dayFormat = (locale: string, long: boolean) =>
  new Intl.DateTimeFormat(locale, long ? { dateStyle: "medium", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function FdChart({ days, from, to }: { days: FdDay[]; from: string; to: string }) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  if (days.length === 0) return <p className="py-16 text-center text-sm text-muted-foreground">{t("fdReports.chart.empty")}</p>;
  const config: ChartConfig = {
    broker: { label: t("fdReports.chart.broker"), color: "var(--chart-1)" },
    subBroker: { label: t("fdReports.chart.subBroker"), color: "var(--chart-4)" },
    user: { label: t("fdReports.chart.user"), color: "var(--chart-2)" },
  };
  const byDay = new Map(days.map((d) => [d.day, d]));
  const data: Point[] = eachDay(from, to).map((day) => {
    const raw = byDay.get(day) ?? null;
    const value = (s: Series) => (raw ? Number.parseFloat(raw[RAW[s]]) : 0);
    return { day, raw, broker: value("broker"), subBroker: value("subBroker"), user: value("user") };
  });
  const short = dayFormat(locale, false);
  const long = dayFormat(locale, true);
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });

  return (
    <figure className="grid gap-1" aria-label={t("fdReports.chart.label")}>
      <ChartContainer config={config} className="aspect-auto h-64 w-full">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} maxBarSize={40} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="day" tickLine={false} axisLine={false} tickMargin={8} minTickGap={24} tickFormatter={(day: string) => short.format(asDate(day))} />
          <YAxis tickLine={false} axisLine={false} width={48} tickFormatter={(v: number) => compact.format(v)} />
          <ChartTooltip
            cursor={{ fill: "var(--muted)" }}
            content={({ active, payload }) => {
              const point = payload?.[0]?.payload as Point | undefined;
              if (!active || !point) return null;
              return (
                <div className="grid min-w-56 gap-1 rounded-lg border border-border/50 bg-background px-2.5 py-1.5 text-xs shadow-xl">
                  <div className="font-medium">{long.format(asDate(point.day))}</div>
                  {SERIES.map((key) => (
                    <div key={key} className="flex items-center gap-2">
                      <span className="size-2.5 rounded-[2px]" style={{ background: `var(--color-${key})` }} aria-hidden />
                      <span className="text-muted-foreground">{config[key].label}</span>
                      <span className="ml-auto font-mono tabular-nums">{f.moneyFull(point.raw?.[RAW[key]] ?? "0", UNIT)}</span>
                    </div>
                  ))}
                  <div className="flex gap-2 border-t pt-1 text-muted-foreground">
                    <span>{t("fdReports.chart.affiliated")}</span>
                    <span className="ml-auto font-mono tabular-nums text-foreground">{f.moneyFull(point.raw?.affiliatedBrokerRebate ?? "0", UNIT)}</span>
                  </div>
                  <div className="flex gap-2 text-muted-foreground">
                    <span>{t("fdReports.chart.orders")}</span>
                    <span className="ml-auto font-mono tabular-nums text-foreground">{f.number(point.raw?.orders ?? 0)}</span>
                  </div>
                </div>
              );
            }}
          />
          <ChartLegend content={<ChartLegendContent />} />
          {SERIES.map((key) => (
            <Bar key={key} dataKey={key} stackId="rebates" fill={`var(--color-${key})`} isAnimationActive={false} />
          ))}
        </BarChart>
      </ChartContainer>
      <figcaption className="sr-only">{t("fdReports.chart.description")}</figcaption>
    </figure>
  );
}
