"use client";
/**
 * Chart frame in shadcn's chart style, over recharts: a config maps each series to a label and colour,
 * exposed as CSS variables (--color-<key>) that the series and the tooltip read, so charts follow the
 * theme. Client components only (recharts measures the DOM).
 */
import * as React from "react";
import * as RechartsPrimitive from "recharts";
import type { LegendPayload } from "recharts/types/component/DefaultLegendContent";
import type { Payload as TooltipPayload } from "recharts/types/component/DefaultTooltipContent";
import { cn } from "@/lib/utils";

export type ChartConfig = Record<string, { label: React.ReactNode; color: string }>;

const ChartContext = React.createContext<{ config: ChartConfig } | null>(null);

function useChart() {
  const context = React.useContext(ChartContext);
  if (!context) throw new Error("useChart must be used within a <ChartContainer />");
  return context;
}

/** The frame: sizes the chart, sets the colour variables and styles recharts' SVG with theme colours. */
export function ChartContainer({
  config,
  className,
  children,
  ...props
}: React.ComponentProps<"div"> & { config: ChartConfig; children: React.ComponentProps<typeof RechartsPrimitive.ResponsiveContainer>["children"] }) {
  const style = Object.fromEntries(Object.entries(config).map(([key, item]) => [`--color-${key}`, item.color])) as React.CSSProperties;
  return (
    <ChartContext.Provider value={{ config }}>
      <div
        data-slot="chart"
        style={style}
        className={cn(
          "flex aspect-video justify-center text-xs",
          "[&_.recharts-cartesian-axis-tick_text]:fill-muted-foreground [&_.recharts-cartesian-grid_line[stroke='#ccc']]:stroke-border/50",
          "[&_.recharts-curve.recharts-tooltip-cursor]:stroke-border [&_.recharts-rectangle.recharts-tooltip-cursor]:fill-muted",
          "[&_.recharts-dot[stroke='#fff']]:stroke-transparent [&_.recharts-layer]:outline-hidden [&_.recharts-surface]:outline-hidden",
          className,
        )}
        {...props}
      >
        <RechartsPrimitive.ResponsiveContainer>{children}</RechartsPrimitive.ResponsiveContainer>
      </div>
    </ChartContext.Provider>
  );
}

export const ChartTooltip = RechartsPrimitive.Tooltip;

type TooltipContentProps = {
  active?: boolean;
  payload?: readonly TooltipPayload<number | string, string>[];
  label?: React.ReactNode;
  /** The heading from the point's label (e.g. its date). */
  labelFormatter?: (label: React.ReactNode) => React.ReactNode;
  /** A value as text (locale-formatted, full precision). */
  valueFormatter?: (value: number | string) => React.ReactNode;
  className?: string;
};

/** The shadcn tooltip: a heading, then one row per series with its colour, label and value. */
export function ChartTooltipContent({ active, payload, label, labelFormatter, valueFormatter, className }: TooltipContentProps) {
  const { config } = useChart();
  if (!active || !payload?.length) return null;
  return (
    <div className={cn("grid min-w-32 gap-1.5 rounded-lg border border-border/50 bg-background px-2.5 py-1.5 text-xs shadow-xl", className)}>
      <div className="font-medium">{labelFormatter ? labelFormatter(label) : label}</div>
      <div className="grid gap-1">
        {payload.map((item) => {
          const key = String(item.dataKey ?? item.name);
          return (
            <div key={key} className="flex items-center gap-2">
              <span className="size-2.5 shrink-0 rounded-[2px]" style={{ background: `var(--color-${key})` }} aria-hidden />
              <span className="text-muted-foreground">{config[key]?.label ?? item.name}</span>
              <span className="ml-auto font-mono font-medium tabular-nums text-foreground">
                {item.value === undefined ? "" : valueFormatter ? valueFormatter(item.value) : item.value}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

export const ChartLegend = RechartsPrimitive.Legend;

/** The shadcn legend: a colour chip and the series' label, centred under the chart. */
export function ChartLegendContent({ payload, className }: { payload?: readonly LegendPayload[]; className?: string }) {
  const { config } = useChart();
  if (!payload?.length) return null;
  return (
    <div className={cn("flex items-center justify-center gap-4 pt-3", className)}>
      {payload.map((item) => {
        const key = String(item.dataKey ?? item.value);
        return (
          <div key={key} className="flex items-center gap-1.5">
            <span className="size-2 shrink-0 rounded-[2px]" style={{ background: `var(--color-${key})` }} aria-hidden />
            <span>{config[key]?.label ?? item.value}</span>
          </div>
        );
      })}
    </div>
  );
}
