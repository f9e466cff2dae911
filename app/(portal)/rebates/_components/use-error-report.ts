"use client";
/**
 * "Download the error report" of a failed file: its refused rows (`rebate.fileErrors`, at most 10,000 kept)
 * written as a CSV in the browser — line, field, value as the file had it, and the reason in the reader's
 * language. Cells go through lib/csv.ts, so a value that looks like a formula stays text in a spreadsheet.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import { csvText } from "@/lib/csv";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { RebateFileRow } from "@/server/rebates/files";

function save(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file to the browser's download.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `download(row)` fetches and saves the report; `pendingId` is the file whose report is being made. */
export function useErrorReport() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pendingId, setPendingId] = useState<string | null>(null);

  const download = useCallback(
    async (row: RebateFileRow) => {
      setPendingId(row.id);
      try {
        const errors = await queryClient.fetchQuery(trpc.rebate.fileErrors.queryOptions({ id: row.id }, { staleTime: 0 }));
        const header = [t("rebates.errorReportColumns.line"), t("rebates.errorReportColumns.field"), t("rebates.errorReportColumns.value"), t("rebates.errorReportColumns.reason")];
        const lines = errors.map((e) => [e.line, e.field, e.value, translateDynamic(t, `rebates.reasons.${e.reason}`, e.reason)]);
        const days = row.beginDay === row.endDay ? row.beginDay : `${row.beginDay}_${row.endDay}`;
        save(`rebate-errors-${row.kind}-${days}.csv`, csvText(header, lines));
      } catch (error) {
        toast.error(describeTrpcError(error, t).message);
      } finally {
        setPendingId(null);
      }
    },
    [queryClient, trpc, t],
  );

  return { download, pendingId };
}
