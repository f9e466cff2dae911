/**
 * One dashboard tile: title, figure, a line of detail, the trend, linking to the list behind it. Server-
 * rendered with texts already formatted; the full figure is in the hover title.
 */
import { ArrowDownRight, ArrowRight, ArrowUpRight, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

export interface TileView {
  id: string;
  title: string;
  href: string;
  figure: string;
  /** The full figure, for the hover title and screen readers. */
  figureTitle: string;
  detail?: string;
  trend?: { text: string; direction: "up" | "down" | "same"; good: boolean };
  tone: "default" | "warning" | "danger";
}

const TONES = {
  default: "",
  warning: "border-l-4 border-l-amber-500",
  danger: "border-l-4 border-l-destructive",
} as const;

const FIGURE_TONES = { default: "", warning: "text-amber-700 dark:text-amber-400", danger: "text-destructive" } as const;

const frame =
  "group flex h-full flex-col gap-1 rounded-lg border bg-card p-4 text-card-foreground shadow-xs transition-colors outline-none";

export function TileCard({ tile, openLabel }: { tile: TileView; openLabel: string }) {
  const TrendIcon = tile.trend?.direction === "up" ? ArrowUpRight : tile.trend?.direction === "down" ? ArrowDownRight : null;
  return (
    <Link
      href={tile.href}
      data-testid={`tile-${tile.id}`}
      data-tone={tile.tone}
      aria-label={`${tile.title}: ${tile.figureTitle}. ${openLabel}`}
      className={cn(frame, TONES[tile.tone], "hover:border-foreground/20 hover:bg-accent/40 focus-visible:ring-[3px] focus-visible:ring-ring/50")}
    >
      <span className="flex items-start justify-between gap-2">
        <span className="text-sm font-medium text-muted-foreground">{tile.title}</span>
        <ArrowRight className="size-4 shrink-0 text-muted-foreground opacity-0 transition-opacity group-hover:opacity-100" aria-hidden />
      </span>
      <span data-testid="tile-figure" title={tile.figureTitle} className={cn("text-3xl font-semibold tracking-tight tabular-nums", FIGURE_TONES[tile.tone])}>
        {tile.figure}
      </span>
      {tile.detail && <span className="text-sm text-muted-foreground">{tile.detail}</span>}
      {tile.trend && (
        <span className={cn("flex items-center gap-1 text-xs", tile.trend.good ? "text-emerald-700 dark:text-emerald-400" : "text-muted-foreground")}>
          {TrendIcon && <TrendIcon className="size-3.5" aria-hidden />}
          {tile.trend.text}
        </span>
      )}
    </Link>
  );
}

/** The tile whose figure could not be read: says so, and still links to the list. */
export function TileError({ id, title, href, message, hint }: { id: string; title: string; href: string; message: string; hint: string }) {
  return (
    <Link href={href} data-testid={`tile-${id}`} data-state="error" className={cn(frame, "border-dashed hover:bg-accent/40 focus-visible:ring-[3px] focus-visible:ring-ring/50")}>
      <span className="text-sm font-medium text-muted-foreground">{title}</span>
      <span className="flex items-center gap-2 text-sm font-medium text-destructive">
        <TriangleAlert className="size-4" aria-hidden />
        {message}
      </span>
      <span className="text-xs text-muted-foreground">{hint}</span>
    </Link>
  );
}

export function TileSkeleton() {
  return (
    <div className={cn(frame, "gap-2")} aria-hidden>
      <Skeleton className="h-4 w-32" />
      <Skeleton className="h-8 w-20" />
      <Skeleton className="h-4 w-44" />
    </div>
  );
}

export const TILE_GRID = "grid gap-3 sm:grid-cols-2 xl:grid-cols-4";
