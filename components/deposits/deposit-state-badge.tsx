"use client";
/** A deposit's state (seed 001) as a badge: green when it succeeded, amber while it can still move, red when held or refused. */
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import { DEPOSIT_STATE_TONE, type DepositStateCode } from "@/lib/deposits/schemas";

const VARIANT = { success: "success", pending: "warning", blocked: "destructive" } as const;

export function DepositStateBadge({ state, className }: { state: DepositStateCode; className?: string }) {
  const t = useT();
  const tone = DEPOSIT_STATE_TONE[state];
  const label = translateDynamic(t, `deposits.states.${state}`, t("deposits.unknownState", { state }));
  const hint = translateDynamic(t, `deposits.stateHints.${state}`, label);
  return (
    <Badge variant={tone ? VARIANT[tone] : "outline"} className={className} title={hint}>
      {label}
    </Badge>
  );
}
