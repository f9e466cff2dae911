"use client";
/**
 * A money amount in the reader's locale ("10,000.00 USDT"), rounded for reading; hovering shows every
 * decimal the database holds. Tabular digits so columns of amounts line up.
 */
import { useFormat } from "@/lib/hooks/use-format";
import type { DecimalFormatOptions } from "@/lib/format";
import { cn } from "@/lib/utils";

export function Amount({ value, currency, className, ...options }: { value: string; currency?: string | null; className?: string } & DecimalFormatOptions) {
  const f = useFormat();
  const shown = f.money(value, currency, options);
  const full = f.moneyFull(value, currency, options);
  return (
    <span className={cn("tabular-nums whitespace-nowrap", className)} title={full}>
      {shown}
    </span>
  );
}
