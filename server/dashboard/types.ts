/**
 * What a domain plugs into the dashboard: tiles (one figure that says what needs attention, linking to
 * the filtered list behind it) and charts (a series per day). Each domain lists its own in
 * server/<domain>/dashboard.ts; server/dashboard/registry.ts only collects those arrays.
 */
import "server-only";
import type { Permission, Role } from "@/lib/auth/permissions";
import type { MessageKey, TranslateVars } from "@/lib/i18n/translate";
import type { TenantContext } from "@/server/actor";

/** How loudly a tile asks for attention. */
export type TileTone = "default" | "warning" | "danger";

/** A translated line under the figure ("oldest waits 3 days"). */
export interface TileDetail {
  key: MessageKey;
  params?: TranslateVars;
}

/** The same figure over the previous period, so the page can show the direction. */
export interface TileTrend {
  previous: number;
  /** Rising is bad for a queue, good for sign-ups. */
  upIsGood?: boolean;
  /** What the previous period was ("yesterday", "last week"). */
  label: MessageKey;
}

/** What a tile's load() returns: one figure. */
export interface TileFigure {
  /** A count, or a decimal string for money ("12345.67"); null when there is nothing to show (e.g. never synced). */
  value: number | string | null;
  /** The count reached its cap: shown as "1,000+". */
  capped?: boolean;
  /** How the value reads: a count (default), money (a decimal string, with `unit`), or an age in seconds. */
  format?: "count" | "money" | "age";
  /** For money: the unit shown after the figure ("USDT"). */
  unit?: string;
  detail?: TileDetail;
  trend?: TileTrend;
  /** Defaults to "default"; a tile turns warning/danger only when there is something to do. */
  tone?: TileTone;
  /** Overrides the tile's href when the figure points somewhere more precise. */
  href?: string;
}

export interface DashboardTile {
  /** Unique across the registry ("kyc.queue"); also the test id on the page. */
  id: string;
  /** The dashboards that show this tile. */
  roles: readonly Role[];
  /** The permission a viewer needs; checked again when the tile loads. */
  permission: Permission;
  title: MessageKey;
  /** The filtered list the figure comes from; that list reads the same filter from its URL. */
  href: string;
  /** One query, fast at a million customers: capped or index-backed, never an exact count over a big table. */
  load(ctx: TenantContext): Promise<TileFigure>;
}

/** One day of a chart: `date` is YYYY-MM-DD in UTC, the rest are the series' values (numbers). */
export type ChartPoint = Record<string, number | string> & { date: string };

export interface ChartSeries {
  key: string;
  label: MessageKey;
  /** A CSS colour, usually a theme variable ("var(--chart-1)"). */
  color: string;
}

export interface ChartData {
  points: ChartPoint[];
  /** For money series: the unit in the tooltip. */
  unit?: string;
}

export interface DashboardChart {
  id: string;
  roles: readonly Role[];
  permission: Permission;
  title: MessageKey;
  description?: MessageKey;
  kind: "bar" | "area";
  series: readonly ChartSeries[];
  href?: string;
  /** Daily figures for the last `days` days (today included), oldest first, every day present. */
  load(ctx: TenantContext, days: number): Promise<ChartData>;
}
