"use client";
/**
 * Active snoozes (of one rule for one customer on the event page, of every rule on the customer page): until
 * when, why, who; "Cancel snooze" after a confirmation for those who handle risk events.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { RiskSnoozeRow } from "@/server/risk/types";

export function SnoozeList({ snoozes, canHandle, showRule = false, empty }: { snoozes: RiskSnoozeRow[]; canHandle: boolean; showRule?: boolean; empty: string }) {
  const t = useT();
  const trpc = useTRPC();
  const dateTime = useDateTimeFormat();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState<RiskSnoozeRow | null>(null);
  const cancel = useMutation(
    trpc.risk.cancelSnooze.mutationOptions({
      onSuccess: () => {
        toast.success(t("risk.snooze.cancelled"));
        setCancelling(null);
        void queryClient.invalidateQueries(trpc.risk.pathFilter());
      },
      onError: (error) => {
        toast.error(describeTrpcError(error, t).message);
        setCancelling(null);
        void queryClient.invalidateQueries(trpc.risk.pathFilter());
      },
    }),
  );
  if (snoozes.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <>
      <ul className="grid gap-3 text-sm" data-testid="risk-snoozes">
        {snoozes.map((s) => (
          <li key={s.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
            <div className="grid min-w-0 gap-0.5">
              <span className="font-medium tabular-nums">
                {showRule && `${t(`risk.kinds.${s.kind}`)} · ${t(`risk.scopes.${s.scope}`)} — `}
                {t("risk.snooze.untilAt", { until: dateTime.format(s.until) })}
              </span>
              <span className="break-words">{s.reason}</span>
              <span className="text-xs text-muted-foreground">{t("risk.snooze.byLine", { by: s.createdBy, at: dateTime.format(s.createdAt) })}</span>
            </div>
            {canHandle && (
              <Button size="sm" variant="outline" onClick={() => setCancelling(s)}>
                {t("risk.snooze.cancel")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={!!cancelling}
        onOpenChange={(open) => !open && !cancel.isPending && setCancelling(null)}
        title={t("risk.snooze.cancelTitle")}
        description={t("risk.snooze.cancelBody")}
        confirmLabel={t("risk.snooze.cancel")}
        cancelLabel={t("risk.snooze.keep")}
        pending={cancel.isPending}
        destructive
        onConfirm={() => cancelling && cancel.mutate({ id: cancelling.id })}
      />
    </>
  );
}
