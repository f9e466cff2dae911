"use client";
/**
 * A message's read rate over time: the share of its delivered copies read by the end of each hour
 * (cumulative), from 0 when sending started up to now. The tooltip gives the rate and how many that is.
 */
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartTooltip, type ChartConfig } from "@/components/ui/chart";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import type { MessageStats } from "./types";

const HOUR = 3_600_000;

/** `asOf`: when the statistics were read (the end of the hour under way). */
export function ReadRateChart({ stats, startedAt, asOf }: { stats: MessageStats; startedAt: Date | null; asOf: number }) {
  const t = useT();
  const f = useFormat();
  if (stats.overTime.length === 0) return <p className="text-sm text-muted-foreground">{t("messages.stats.chartEmpty")}</p>;
  const config: ChartConfig = { rate: { label: t("messages.stats.chartRate"), color: "var(--chart-1)" } };
  // Each hour's total counts at its end (or now, for the hour under way); the line starts at 0 when sending
  // started, so reads within the first hour are a rise rather than a lone dot.
  const points = stats.overTime.map((p) => ({ at: Math.min(new Date(p.at).getTime() + HOUR, asOf), rate: p.rate, read: p.read }));
  if (startedAt && startedAt.getTime() < points[0]!.at) points.unshift({ at: startedAt.getTime(), rate: 0, read: 0 });
  const short = f.dateFormatter("dateTime");
  const percent = (rate: number) => f.number(rate, { style: "percent", maximumFractionDigits: 1 });
  return (
    <figure className="grid gap-1" aria-label={t("messages.stats.chartTitle")}>
      <ChartContainer config={config} className="aspect-auto h-56 w-full">
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="at" type="number" scale="time" domain={["dataMin", "dataMax"]} tickLine={false} axisLine={false} tickMargin={8} minTickGap={32} tickFormatter={(at: number) => short.format(at)} />
          <YAxis domain={[0, 1]} tickLine={false} axisLine={false} width={44} tickFormatter={(v: number) => percent(v)} />
          <ChartTooltip
            content={({ active, payload }) => {
              const point = payload?.[0]?.payload as (typeof points)[number] | undefined;
              if (!active || !point) return null;
              return (
                <div className="grid min-w-40 gap-1 rounded-lg border border-border/50 bg-background px-2.5 py-1.5 text-xs shadow-xl">
                  <div className="font-medium">{short.format(point.at)}</div>
                  <div className="flex gap-2">
                    <span className="text-muted-foreground">{t("messages.stats.chartRate")}</span>
                    <span className="ml-auto font-mono tabular-nums">{percent(point.rate)}</span>
                  </div>
                  <div className="flex gap-2">
                    <span className="text-muted-foreground">{t("messages.stats.chartRead")}</span>
                    <span className="ml-auto font-mono tabular-nums">{f.number(point.read)}</span>
                  </div>
                </div>
              );
            }}
          />
          <Line type="linear" dataKey="rate" stroke="var(--color-rate)" strokeWidth={2} dot={points.length < 30} isAnimationActive={false} />
        </LineChart>
      </ChartContainer>
      <figcaption className="sr-only">{t("messages.stats.chartTitle")}</figcaption>
    </figure>
  );
}
