"use client";
/** A withdrawal's state, and OKX's own state beside it while the exchange holds it. */
import { useCallback } from "react";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import type { WithdrawalState } from "@/lib/withdrawals/schemas";

const VARIANT: Record<WithdrawalState, "default" | "secondary" | "destructive" | "outline" | "success" | "warning"> = {
  pending_approval: "warning",
  rejected: "outline",
  queued: "secondary",
  sending: "secondary",
  sent: "secondary",
  completed: "success",
  failed: "destructive",
  cancelled: "outline",
  refused: "destructive",
};

export function WithdrawalStateBadge({ state }: { state: WithdrawalState }) {
  const t = useT();
  return (
    <Badge variant={VARIANT[state]} className="whitespace-nowrap">
      {t(`withdrawals.states.${state}`)}
    </Badge>
  );
}

const KNOWN = ["-3", "-2", "-1", "0", "1", "2"] as const;

/** OKX's state in words: its named states, or "in review (n)" for its review stages. */
export function useOkxStateLabel() {
  const t = useT();
  return useCallback(
    (state: string | null) => {
      if (state === null) return null;
      const known = KNOWN.find((k) => k === state);
      return known ? t(`withdrawals.okxStates.${known}`) : t("withdrawals.okxStates.review", { state });
    },
    [t],
  );
}
