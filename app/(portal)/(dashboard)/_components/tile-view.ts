/** A tile's figure as the page shows it: numbers in the reader's locale, the full figure for hover. */
import type { Locale } from "@/lib/i18n/config";
import type { Translate, TranslateVars } from "@/lib/i18n/translate";
import type { TileView } from "@/components/dashboard/tile-card";
import type { DashboardTile, TileFigure } from "@/server/dashboard/types";

const number = (locale: Locale, value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value);

/** Numbers in a detail line read like the figure: grouped in the reader's locale. */
const formatParams = (locale: Locale, params: TranslateVars = {}) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "number" ? number(locale, v) : v]));

function age(seconds: number, t: Translate, locale: Locale): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t("dashboard.age.minutes", { count: number(locale, minutes) });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("dashboard.age.hours", { count: number(locale, hours) });
  return t("dashboard.age.days", { count: number(locale, Math.floor(hours / 24)) });
}

function figureText(figure: TileFigure, t: Translate, locale: Locale, now: Date): { figure: string; title: string } {
  const { value } = figure;
  if (value === null) return { figure: "—", title: t("dashboard.never") };
  if (figure.format === "age") {
    const since = new Date(now.getTime() - Number(value) * 1000);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(since);
    return { figure: age(Number(value), t, locale), title: t("dashboard.since", { date }) };
  }
  if (figure.format === "money") {
    const unit = figure.unit ? ` ${figure.unit}` : "";
    // Rounded for reading; the hover shows every digit the database holds.
    const rounded = number(locale, Number(value), { maximumFractionDigits: 2, minimumFractionDigits: 2 });
    const [int, frac = ""] = String(value).replace(/^-/, "").split(".");
    const digits = frac.replace(/0+$/, "");
    const decimal = new Intl.NumberFormat(locale).formatToParts(1.1).find((p) => p.type === "decimal")?.value ?? ".";
    const full = `${String(value).startsWith("-") ? "−" : ""}${new Intl.NumberFormat(locale).format(BigInt(int || "0"))}${digits ? decimal + digits : ""}`;
    return { figure: `${rounded}${unit}`, title: `${full}${unit}` };
  }
  const count = number(locale, Number(value));
  if (figure.capped) return { figure: `${count}+`, title: t("dashboard.capped", { count }) };
  return { figure: count, title: count };
}

export function toTileView(tile: DashboardTile, figure: TileFigure, t: Translate, locale: Locale, now = new Date()): TileView {
  const text = figureText(figure, t, locale, now);
  const trend = figure.trend;
  let trendView: TileView["trend"];
  if (trend && typeof figure.value === "number") {
    const direction = figure.value > trend.previous ? "up" : figure.value < trend.previous ? "down" : "same";
    const label = t(trend.label);
    const previous = number(locale, trend.previous);
    trendView = {
      direction,
      good: direction !== "same" && (direction === "up") === Boolean(trend.upIsGood),
      text: direction === "same" ? t("dashboard.trendSame", { label }) : t(direction === "up" ? "dashboard.trendUp" : "dashboard.trendDown", { previous, label }),
    };
  }
  return {
    id: tile.id,
    title: t(tile.title),
    href: figure.href ?? tile.href,
    figure: text.figure,
    figureTitle: text.title,
    detail: figure.detail ? t(figure.detail.key, formatParams(locale, figure.detail.params)) : undefined,
    trend: trendView,
    tone: figure.tone ?? "default",
  };
}
