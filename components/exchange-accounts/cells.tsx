"use client";
/** Small cells the exchange-account tables share: decimals, signed PnL, times, sides and holders. */
import Link from "next/link";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Amount } from "@/components/ui/amount";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

export function None() {
  const t = useT();
  return <span className="text-muted-foreground">{t("exchangeAccounts.none")}</span>;
}

/** A right-aligned exact decimal (rounded for reading, every digit on hover); "—" when absent. */
export function Dec({ value, currency, decimals = 0 }: { value: string | null; currency?: string; decimals?: number }) {
  if (value === null) return <None />;
  return <Amount value={value} currency={currency} minDecimals={decimals} className="block text-right font-mono text-xs" />;
}

/** Profit green, loss red, signed. */
export function Pnl({ value }: { value: string | null }) {
  if (value === null) return <None />;
  const tone = value.startsWith("-") ? "text-red-600 dark:text-red-400" : /[1-9]/.test(value) ? "text-emerald-600 dark:text-emerald-400" : "";
  return <Amount value={value} signed minDecimals={2} maxDecimals={8} className={cn("block text-right font-mono text-xs", tone)} />;
}

/** A ratio as a percentage ("0.0523" → "5.23 %"). */
export function Ratio({ value }: { value: string | null }) {
  if (value === null) return <None />;
  const pct = Number(value) * 100;
  return <span className="block text-right font-mono text-xs tabular-nums">{Number.isFinite(pct) ? `${pct.toFixed(2)} %` : value}</span>;
}

export function Time({ value }: { value: Date }) {
  const dateTime = useDateTimeFormat("dateTimeSeconds");
  return (
    <time dateTime={value.toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">
      {dateTime.format(value)}
    </time>
  );
}

/** buy / long green, sell / short red. */
export function SideBadge({ side }: { side: string }) {
  const t = useT();
  const known = side === "buy" || side === "sell" ? t(`exchangeAccounts.sides.${side}`) : side === "long" || side === "short" ? t(`exchangeAccounts.directions.${side}`) : side;
  const up = side === "buy" || side === "long";
  return (
    <Badge variant="outline" className={cn("font-normal", up ? "border-emerald-600/40 text-emerald-700 dark:text-emerald-400" : "border-red-600/40 text-red-700 dark:text-red-400")}>
      {known}
    </Badge>
  );
}

export function Mono({ value }: { value: string }) {
  return value ? <span className="font-mono text-xs">{value}</span> : <None />;
}

/** The customer (linked) and their sub-account beneath, for the brand-wide tables. */
export function Holder({ customerId, customerName, customerUid, subAcct }: { customerId: string | null; customerName: string | null; customerUid: string | null; subAcct: string }) {
  return (
    <div className="flex min-w-0 flex-col">
      {customerId ? (
        <Link href={`/customers/${customerId}?tab=exchange`} className="block max-w-44 truncate underline-offset-4 hover:underline">
          {customerName}
        </Link>
      ) : (
        <None />
      )}
      <span className="font-mono text-xs text-muted-foreground">
        {customerUid ? `${customerUid} · ` : ""}
        {subAcct}
      </span>
    </div>
  );
}
