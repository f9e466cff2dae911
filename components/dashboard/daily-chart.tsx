"use client";
/**
 * A per-day chart (bars or stacked areas) in the chart frame's style. Dates arrive as "YYYY-MM-DD" (UTC
 * days) and are shown in the reader's locale; values in the tooltip are the full figures.
 */
import { Area, AreaChart, Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart";
import { useLocale } from "@/lib/i18n/client";

export interface DailySeries {
  key: string;
  label: string;
  color: string;
}

export interface DailyChartProps {
  kind: "bar" | "area";
  series: DailySeries[];
  points: ({ date: string } & Record<string, number | string>)[];
  /** Shown after values in the tooltip ("USDT"). */
  unit?: string;
  /** Accessible name of the chart. */
  label: string;
  className?: string;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayLabel(date: string, locale: string, long = false) {
  const key = `${locale}|${long}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, long ? { dateStyle: "medium", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" });
    dayFormats.set(key, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

export function DailyChart({ kind, series, points, unit, label, className }: DailyChartProps) {
  const locale = useLocale();
  const config: ChartConfig = Object.fromEntries(series.map((s) => [s.key, { label: s.label, color: s.color }]));
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  const full = new Intl.NumberFormat(locale, { maximumFractionDigits: 18 });
  const common = {
    data: points,
    margin: { top: 8, right: 8, bottom: 0, left: 0 },
    accessibilityLayer: true,
  };
  const axes = (
    <>
      <CartesianGrid vertical={false} />
      <XAxis
        dataKey="date"
        tickLine={false}
        axisLine={false}
        tickMargin={8}
        minTickGap={24}
        tickFormatter={(value: string) => dayLabel(value, locale)}
      />
      <YAxis tickLine={false} axisLine={false} width={44} allowDecimals={false} tickFormatter={(value: number) => compact.format(value)} />
      <ChartTooltip
        cursor={kind === "bar" ? { fill: "var(--muted)" } : true}
        content={
          <ChartTooltipContent
            labelFormatter={(value) => dayLabel(String(value), locale, true)}
            valueFormatter={(value) => `${full.format(Number(value))}${unit ? ` ${unit}` : ""}`}
          />
        }
      />
      {series.length > 1 && <ChartLegend content={<ChartLegendContent />} />}
    </>
  );
  return (
    <figure aria-label={label} className={className}>
      <ChartContainer config={config} className="aspect-auto h-56 w-full">
        {kind === "bar" ? (
          <BarChart {...common} maxBarSize={40}>
            {axes}
            {series.map((s) => (
              <Bar key={s.key} isAnimationActive={false} dataKey={s.key} fill={`var(--color-${s.key})`} radius={[3, 3, 0, 0]} stackId={series.length > 2 ? undefined : "a"} />
            ))}
          </BarChart>
        ) : (
          <AreaChart {...common}>
            {axes}
            {series.map((s) => (
              <Area
                key={s.key}
                dataKey={s.key}
                type="monotone"
                stroke={`var(--color-${s.key})`}
                fill={`var(--color-${s.key})`}
                fillOpacity={0.25}
                strokeWidth={2}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        )}
      </ChartContainer>
    </figure>
  );
}
