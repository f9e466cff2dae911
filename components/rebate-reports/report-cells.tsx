"use client";
/** Cells the reports' row tables share (the DMA trades and the FD orders): a row's time, customer, ids and amounts. */
import Link from "next/link";
import { Amount } from "@/components/ui/amount";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";

/** When the row happened, in the reader's format; the machine-readable instant in `dateTime`. */
export function TimeCell({ value, format }: { value: Date; format: Intl.DateTimeFormat }) {
  return (
    <time dateTime={value.toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">
      {format.format(value)}
    </time>
  );
}

/** The row's customer linked with their UID below, or `unlinked` in words when there is none. */
export function CustomerCell({ id, name, uid, unlinked }: { id: string | null; name: string | null; uid: string | null; unlinked: string }) {
  if (!id) return <span className="text-muted-foreground">{unlinked}</span>;
  return (
    <span className="flex max-w-48 flex-col">
      <Link href={`/customers/${id}`} className="truncate font-medium underline-offset-4 hover:underline" title={name ?? undefined}>
        {name}
      </Link>
      <span className="font-mono text-xs text-muted-foreground">{uid}</span>
    </span>
  );
}

/** An instrument family in words (the exchange's code where there are none). */
export function FamilyCell({ family }: { family: string }) {
  const t = useT();
  return <span className="whitespace-nowrap">{translateDynamic(t, `rebateReports.families.${family}`, family)}</span>;
}

/** An id or code, in the monospaced font on one line. */
export const monoCell = (text: string) => <span className="font-mono text-xs whitespace-nowrap">{text}</span>;
/** A right-aligned column's header. */
export const rightHeader = (title: string) => <span className="block text-right">{title}</span>;
/** A decimal amount, right-aligned and rounded for reading (every decimal on hover). */
export const amountCell = (value: string) => <Amount value={value} className="block text-right font-mono text-xs" />;
