"use client";
/**
 * Small pieces of the rebate files table: the state badge, the days a file covers and its size or download
 * progress.
 */
import { Badge } from "@/components/ui/badge";
import { formatBytes } from "@/components/kyc/kyc-format";
import { dateFormatter } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translate";
import type { RebateFileRow } from "@/server/rebates/files";

type State = RebateFileRow["state"];

/** Imported green, failed red, everything on its way amber. */
const VARIANT: Record<State, "success" | "destructive" | "warning"> = {
  requested: "warning",
  generating: "warning",
  downloading: "warning",
  importing: "warning",
  imported: "success",
  failed: "destructive",
};

export function RebateStateBadge({ state }: { state: State }) {
  const t = useT();
  return <Badge variant={VARIANT[state]}>{t(`rebates.states.${state}`)}</Badge>;
}

/** "6 Dec 2026" or "1–10 Dec 2026": UTC days, so no time zone moves them. */
export function formatDays(locale: string, row: Pick<RebateFileRow, "beginDay" | "endDay">): string {
  const format = dateFormatter(locale, "date", "UTC");
  const begin = new Date(`${row.beginDay}T00:00:00Z`);
  if (row.beginDay === row.endDay) return format.format(begin);
  return format.formatRange(begin, new Date(`${row.endDay}T00:00:00Z`));
}

/** "Trading details (DMA)" and its days, to name a file in a button's label or a dialog. */
export const fileNames = (t: Translate, locale: string, row: RebateFileRow) => ({ kind: t(`rebates.kinds.${row.kind}`), days: formatDays(locale, row) });

export function DaysCell({ row }: { row: RebateFileRow }) {
  const locale = useLocale();
  return (
    <time dateTime={row.beginDay === row.endDay ? row.beginDay : `${row.beginDay}/${row.endDay}`} className="whitespace-nowrap tabular-nums">
      {formatDays(locale, row)}
    </time>
  );
}

/** The file's size; while it downloads or imports, how much has been read so far. */
export function SizeCell({ row }: { row: RebateFileRow }) {
  const t = useT();
  const locale = useLocale();
  if (row.state === "downloading" || row.state === "importing") {
    return <span className="whitespace-nowrap tabular-nums text-muted-foreground">{t("rebates.progress", { size: formatBytes(row.progressBytes, locale) })}</span>;
  }
  if (row.bytes === null) return <span className="text-muted-foreground">{t("rebates.none")}</span>;
  return <span className="whitespace-nowrap tabular-nums">{formatBytes(row.bytes, locale)}</span>;
}
