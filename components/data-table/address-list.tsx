"use client";
/** A row's IP addresses or blocks: the first two, "+n more", and the whole list in a tooltip. */
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/lib/utils";

const VISIBLE = 2;

export function AddressList({ ips, empty, more, stacked = false }: { ips: string[]; empty: string; more: (count: number) => string; stacked?: boolean }) {
  if (ips.length === 0) return <span className="whitespace-nowrap text-muted-foreground">{empty}</span>;
  const shown = ips.slice(0, VISIBLE);
  const hidden = ips.length - shown.length;
  const list = (
    <span className={cn("font-mono text-xs", stacked ? "flex flex-col" : "flex flex-wrap items-center gap-x-2")}>
      {shown.map((ip) => (
        <span key={ip}>{ip}</span>
      ))}
      {hidden > 0 && <span className="text-muted-foreground">{more(hidden)}</span>}
    </span>
  );
  if (hidden === 0) return list;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button type="button" className="text-left outline-none focus-visible:underline" aria-label={ips.join(", ")}>
          {list}
        </button>
      </TooltipTrigger>
      <TooltipContent className="max-w-xs font-mono text-xs">{ips.join(", ")}</TooltipContent>
    </Tooltip>
  );
}
