"use client";
/**
 * A report's amounts per UTC day as stacked bars (the DMA fee report's fees, the FD report's rebates). Every
 * day of the range has a bar slot, so quiet days read as gaps; a negative amount stacks below zero. Amounts
 * are turned into numbers only to size the bars: the tooltip shows what the caller formats from the day's
 * own row (every decimal the server sent).
 */
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, type ChartConfig } from "@/components/ui/chart";
import { useLocale } from "@/lib/i18n/client";
import { eachDay } from "@/lib/rebates/report-query";

/** A day's tooltip: one line per series (in `series` order or any other), then further figures. */
export interface DayTooltip<S extends string> {
  series: { key: S; value: string }[];
  more: { label: string; value: string }[];
}

interface DailyBarChartProps<D extends { day: string }, S extends string> {
  days: D[];
  from: string;
  to: string;
  /** The figure's name, its screen-reader caption, and what is said when no day has anything. */
  text: { label: string; description: string; empty: string };
  /** Each series' label and colour, drawn bottom-up in `series` order. */
  config: Record<S, { label: string; color: string }>;
  series: readonly S[];
  value: (day: D, series: S) => number;
  /** The tooltip of a day (null: a day without a row). */
  tooltip: (day: D | null) => DayTooltip<S>;
}

type Point<D> = { day: string; raw: D | null } & Record<string, unknown>;

const dayFormat = (locale: string, long: boolean) =>
  new Intl.DateTimeFormat(locale, long ? { dateStyle: "medium", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function DailyBarChart<D extends { day: string }, S extends string>({ days, from, to, text, config, series, value, tooltip }: DailyBarChartProps<D, S>) {
  const locale = useLocale();
  if (days.length === 0) return <p className="py-16 text-center text-sm text-muted-foreground">{text.empty}</p>;
  const byDay = new Map(days.map((d) => [d.day, d]));
  const data: Point<D>[] = eachDay(from, to).map((day) => {
    const raw = byDay.get(day) ?? null;
    return { day, raw, ...Object.fromEntries(series.map((s) => [s, raw ? value(raw, s) : 0])) };
  });
  const short = dayFormat(locale, false);
  const long = dayFormat(locale, true);
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });

  return (
    <figure className="grid gap-1" aria-label={text.label}>
      <ChartContainer config={config satisfies ChartConfig} className="aspect-auto h-64 w-full">
        <BarChart data={data} stackOffset="sign" margin={{ top: 8, right: 8, bottom: 0, left: 0 }} maxBarSize={40} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="day" tickLine={false} axisLine={false} tickMargin={8} minTickGap={24} tickFormatter={(day: string) => short.format(asDate(day))} />
          <YAxis tickLine={false} axisLine={false} width={48} tickFormatter={(v: number) => compact.format(v)} />
          <ChartTooltip
            cursor={{ fill: "var(--muted)" }}
            content={({ active, payload }) => {
              const point = payload?.[0]?.payload as Point<D> | undefined;
              if (!active || !point) return null;
              const { series: lines, more } = tooltip(point.raw);
              return (
                <div className="grid min-w-56 gap-1 rounded-lg border border-border/50 bg-background px-2.5 py-1.5 text-xs shadow-xl">
                  <div className="font-medium">{long.format(asDate(point.day))}</div>
                  {lines.map((line) => (
                    <div key={line.key} className="flex items-center gap-2">
                      <span className="size-2.5 rounded-[2px]" style={{ background: `var(--color-${line.key})` }} aria-hidden />
                      <span className="text-muted-foreground">{config[line.key].label}</span>
                      <span className="ml-auto font-mono tabular-nums">{line.value}</span>
                    </div>
                  ))}
                  {more.map((line, i) => (
                    <div key={line.label} className={i === 0 ? "flex gap-2 border-t pt-1 text-muted-foreground" : "flex gap-2 text-muted-foreground"}>
                      <span>{line.label}</span>
                      <span className="ml-auto font-mono tabular-nums text-foreground">{line.value}</span>
                    </div>
                  ))}
                </div>
              );
            }}
          />
          <ChartLegend content={<ChartLegendContent />} />
          {series.map((key) => (
            <Bar key={key} dataKey={key} stackId="amounts" fill={`var(--color-${key})`} isAnimationActive={false} />
          ))}
        </BarChart>
      </ChartContainer>
      <figcaption className="sr-only">{text.description}</figcaption>
    </figure>
  );
}
