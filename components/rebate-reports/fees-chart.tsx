"use client";
/**
 * Fees paid per UTC day, maker and taker stacked (a maker rebate larger than the fees goes below zero).
 * Every day of the range has a bar slot, so quiet days read as gaps. Amounts are decimal strings: turned
 * into numbers only to size the bars; the tooltip shows them with every decimal the server sent.
 */
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, type ChartConfig } from "@/components/ui/chart";
import { useFormat } from "@/lib/hooks/use-format";
import { useLocale, useT } from "@/lib/i18n/client";
import { eachDay } from "@/lib/rebates/report-query";
import type { ReportDay } from "@/server/rebates/reports";

const UNIT = "USDT";
const SERIES = ["taker", "maker"] as const;

interface Point {
  day: string;
  maker: number;
  taker: number;
  raw: ReportDay | null;
}

const dayFormat = (locale: string, long: boolean) =>
  new Intl.DateTimeFormat(locale, long ? { dateStyle: "medium", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function FeesChart({ days, from, to }: { days: ReportDay[]; from: string; to: string }) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  if (days.length === 0) return <p className="py-16 text-center text-sm text-muted-foreground">{t("rebateReports.chart.empty")}</p>;
  const config: ChartConfig = {
    taker: { label: t("rebateReports.chart.taker"), color: "var(--chart-1)" },
    maker: { label: t("rebateReports.chart.maker"), color: "var(--chart-2)" },
  };
  const byDay = new Map(days.map((d) => [d.day, d]));
  const data: Point[] = eachDay(from, to).map((day) => {
    const raw = byDay.get(day) ?? null;
    return { day, maker: raw ? Number.parseFloat(raw.makerFeesPaid) : 0, taker: raw ? Number.parseFloat(raw.takerFeesPaid) : 0, raw };
  });
  const short = dayFormat(locale, false);
  const long = dayFormat(locale, true);
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  const zero = "0";

  return (
    <figure className="grid gap-1" aria-label={t("rebateReports.chart.label")}>
      <ChartContainer config={config} className="aspect-auto h-64 w-full">
        <BarChart data={data} stackOffset="sign" margin={{ top: 8, right: 8, bottom: 0, left: 0 }} maxBarSize={40} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="day" tickLine={false} axisLine={false} tickMargin={8} minTickGap={24} tickFormatter={(day: string) => short.format(asDate(day))} />
          <YAxis tickLine={false} axisLine={false} width={48} tickFormatter={(v: number) => compact.format(v)} />
          <ChartTooltip
            cursor={{ fill: "var(--muted)" }}
            content={({ active, payload }) => {
              const point = payload?.[0]?.payload as Point | undefined;
              if (!active || !point) return null;
              const rows = [
                { key: "maker", label: config.maker.label, value: point.raw?.makerFeesPaid ?? zero },
                { key: "taker", label: config.taker.label, value: point.raw?.takerFeesPaid ?? zero },
              ];
              return (
                <div className="grid min-w-52 gap-1 rounded-lg border border-border/50 bg-background px-2.5 py-1.5 text-xs shadow-xl">
                  <div className="font-medium">{long.format(asDate(point.day))}</div>
                  {rows.map((row) => (
                    <div key={row.key} className="flex items-center gap-2">
                      <span className="size-2.5 rounded-[2px]" style={{ background: `var(--color-${row.key})` }} aria-hidden />
                      <span className="text-muted-foreground">{row.label}</span>
                      <span className="ml-auto font-mono tabular-nums">{f.moneyFull(row.value, UNIT)}</span>
                    </div>
                  ))}
                  <div className="flex gap-2 border-t pt-1 text-muted-foreground">
                    <span>{t("rebateReports.chart.total")}</span>
                    <span className="ml-auto font-mono tabular-nums text-foreground">{f.moneyFull(point.raw?.feesPaid ?? zero, UNIT)}</span>
                  </div>
                  <div className="flex gap-2 text-muted-foreground">
                    <span>{t("rebateReports.chart.trades")}</span>
                    <span className="ml-auto font-mono tabular-nums text-foreground">{f.number(point.raw?.trades ?? 0)}</span>
                  </div>
                </div>
              );
            }}
          />
          <ChartLegend content={<ChartLegendContent />} />
          {SERIES.map((key) => (
            <Bar key={key} dataKey={key} stackId="fees" fill={`var(--color-${key})`} isAnimationActive={false} />
          ))}
        </BarChart>
      </ChartContainer>
      <figcaption className="sr-only">{t("rebateReports.chart.description")}</figcaption>
    </figure>
  );
}
