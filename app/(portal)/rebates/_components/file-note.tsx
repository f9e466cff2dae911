"use client";
/**
 * The line under a file, across the table: why it failed or waits (the translated reason and what the
 * exchange or the file said), or that it duplicated an imported file. A failed file's actions sit at its
 * end: the error report when rows were refused, and Retry for those who may.
 */
import { CircleAlert, Clock, Copy, FileDown, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useLocale, useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import { cn } from "@/lib/utils";
import type { RebateFileRow } from "@/server/rebates/files";
import { fileNames } from "./rebate-file-parts";

/** Whether a file has a line under it. */
export const hasNote = (row: RebateFileRow) => row.state === "failed" || Boolean(row.errorKey && row.state !== "imported") || row.duplicate;

export interface FileNoteActions {
  /** Null for readers without rebate.manage: no Retry. */
  onRetry: ((row: RebateFileRow) => void) | null;
  onReport: (row: RebateFileRow) => void;
  /** The file whose error report is being made. */
  reportPendingId: string | null;
}

export function FileNote({ row, onRetry, onReport, reportPendingId }: { row: RebateFileRow } & FileNoteActions) {
  const t = useT();
  const locale = useLocale();
  const failed = row.state === "failed";
  const error = row.errorKey && row.state !== "imported" ? translateDynamic(t, row.errorKey, t("common.error")) : null;
  const Icon = failed ? CircleAlert : error ? Clock : Copy;
  const names = fileNames(t, locale, row);
  const reportPending = reportPendingId === row.id;

  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
      <p className="flex min-w-0 items-start gap-1.5 text-xs">
        <Icon aria-hidden className={cn("mt-px size-3.5 shrink-0", failed ? "text-destructive" : "text-muted-foreground")} />
        <span className="flex min-w-0 flex-wrap gap-x-2">
          {error && <span className={failed ? "text-destructive" : "text-muted-foreground"}>{error}</span>}
          {error && row.errorDetail && <span className="break-all text-muted-foreground">{row.errorDetail}</span>}
          {row.duplicate && <span className="text-muted-foreground">{t("rebates.duplicateOf")}</span>}
        </span>
      </p>
      {failed && (
        <span className="flex shrink-0 items-center gap-1">
          {row.rowsRefused > 0 && (
            <Button variant="ghost" size="sm" className="h-7" pending={reportPending} aria-label={t("rebates.errorReportLabel", names)} onClick={() => onReport(row)}>
              {!reportPending && <FileDown />}
              {t("rebates.errorReport")}
            </Button>
          )}
          {onRetry && (
            <Button variant="outline" size="sm" className="h-7" aria-label={t("rebates.retryConfirm.label", names)} onClick={() => onRetry(row)}>
              <RotateCcw />
              {t("rebates.retry")}
            </Button>
          )}
        </span>
      )}
    </div>
  );
}
