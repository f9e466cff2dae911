"use client";
/**
 * The campaign page's chart: credit granted and clawed back (expired or revoked) per day with activity,
 * as bars, so a campaign whose grants all fell on one day reads as one labelled day. Amounts are decimal
 * strings: turned into numbers only to size the bars; the tooltip shows them as stored.
 */
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, type ChartConfig } from "@/components/ui/chart";
import { useLocale, useT } from "@/lib/i18n/client";
import type { CampaignStats } from "@/server/bonuses/types";

type Point = CampaignStats["series"][number];

const dayFormat = (locale: string, long: boolean) =>
  new Intl.DateTimeFormat(locale, long ? { dateStyle: "medium", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" });

export function GrantedChart({ series, currency }: { series: CampaignStats["series"]; currency: string }) {
  const t = useT();
  const locale = useLocale();
  if (series.length === 0) return <p className="text-sm text-muted-foreground">{t("bonuses.campaign.chartEmpty")}</p>;
  const config: ChartConfig = {
    granted: { label: t("bonuses.campaign.granted"), color: "var(--chart-1)" },
    clawedBack: { label: t("bonuses.grants.clawedBack"), color: "var(--chart-4)" },
  };
  // Bars are sized by numbers; `raw` keeps the stored decimals for the tooltip.
  const data = series.map((raw) => ({ day: raw.day, granted: Number.parseFloat(raw.granted), clawedBack: Number.parseFloat(raw.clawedBack), raw }));
  const short = dayFormat(locale, false);
  const long = dayFormat(locale, true);
  const label = (day: string) => new Date(`${day}T00:00:00Z`);
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  const grouped = (value: string) => {
    const [int, frac] = value.split(".");
    return `${new Intl.NumberFormat(locale).format(BigInt(int.replace("-", "") || "0"))}${frac ? `.${frac}` : ""}`;
  };
  return (
    <figure className="grid gap-1" aria-label={t("bonuses.campaign.chartTitle")}>
      <ChartContainer config={config} className="aspect-auto h-52 w-full">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} maxBarSize={48} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="day" tickLine={false} axisLine={false} tickMargin={8} minTickGap={24} tickFormatter={(day: string) => short.format(label(day))} />
          <YAxis tickLine={false} axisLine={false} width={48} tickFormatter={(v: number) => compact.format(v)} />
          <ChartTooltip
            cursor={{ fill: "var(--muted)" }}
            content={({ active, payload }) => {
              const point = (payload?.[0]?.payload as { raw: Point } | undefined)?.raw;
              if (!active || !point) return null;
              return (
                <div className="grid min-w-40 gap-1 rounded-lg border border-border/50 bg-background px-2.5 py-1.5 text-xs shadow-xl">
                  <div className="font-medium">{long.format(label(point.day))}</div>
                  {(["granted", "clawedBack"] as const).map((key) => (
                    <div key={key} className="flex items-center gap-2">
                      <span className="size-2.5 rounded-[2px]" style={{ background: `var(--color-${key})` }} aria-hidden />
                      <span className="text-muted-foreground">{config[key].label}</span>
                      <span className="ml-auto font-mono tabular-nums">{`${grouped(point[key])} ${currency}`}</span>
                    </div>
                  ))}
                  <div className="flex gap-2 border-t pt-1 text-muted-foreground">
                    <span>{t("dashboard.charts.bonusCredit.total")}</span>
                    <span className="ml-auto font-mono tabular-nums text-foreground">{`${grouped(point.cumulativeGranted)} ${currency}`}</span>
                  </div>
                </div>
              );
            }}
          />
          <ChartLegend content={<ChartLegendContent />} />
          <Bar dataKey="granted" fill="var(--color-granted)" radius={[3, 3, 0, 0]} />
          <Bar dataKey="clawedBack" fill="var(--color-clawedBack)" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ChartContainer>
      <figcaption className="sr-only">{t("bonuses.campaign.chartLabel")}</figcaption>
    </figure>
  );
}
