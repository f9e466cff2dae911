"use client";
/**
 * The campaign page's chart: cumulative amount granted per day, as an inline SVG (no chart library in the
 * project). Amounts are decimal strings; they are turned into numbers only to place points on screen.
 */
import { useT } from "@/lib/i18n/client";
import type { CampaignStats } from "@/server/bonuses/types";

const W = 640;
const H = 180;
const PAD = 28;

export function GrantedChart({ series, currency }: { series: CampaignStats["series"]; currency: string }) {
  const t = useT();
  if (series.length === 0) return <p className="text-sm text-muted-foreground">{t("bonuses.campaign.chartEmpty")}</p>;
  // Screen positions only: never used as money.
  const values = series.map((p) => Number.parseFloat(p.cumulativeGranted));
  const max = Math.max(...values, 1);
  const x = (i: number) => PAD + (series.length === 1 ? (W - 2 * PAD) / 2 : (i * (W - 2 * PAD)) / (series.length - 1));
  const y = (v: number) => H - PAD - (v / max) * (H - 2 * PAD);
  const path = values.map((v, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const last = series[series.length - 1];
  return (
    <figure className="grid gap-1">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-44 w-full" role="img" aria-label={t("bonuses.campaign.chartLabel")}>
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} className="stroke-border" />
        <path d={path} fill="none" className="stroke-primary" strokeWidth={2} />
        {values.map((v, i) => (
          <circle key={series[i].day} cx={x(i)} cy={y(v)} r={3} className="fill-primary">
            <title>{`${series[i].day}: +${series[i].granted} / −${series[i].clawedBack} (${series[i].cumulativeGranted} ${currency})`}</title>
          </circle>
        ))}
        <text x={PAD} y={H - 8} className="fill-muted-foreground text-[10px]">
          {series[0].day}
        </text>
        <text x={W - PAD} y={H - 8} textAnchor="end" className="fill-muted-foreground text-[10px]">
          {last.day}
        </text>
        <text x={PAD} y={PAD - 10} className="fill-muted-foreground text-[10px]">
          {`${last.cumulativeGranted} ${currency}`}
        </text>
      </svg>
      <figcaption className="sr-only">{t("bonuses.campaign.chartLabel")}</figcaption>
    </figure>
  );
}
