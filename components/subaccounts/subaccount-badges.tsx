"use client";
/** How a sub-account's status, account level and frozen functions look everywhere: list, page, customer tab. */
import { Archive, CircleCheck, Snowflake } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import { translateDynamic, type Translate } from "@/lib/i18n/translate";
import { cn } from "@/lib/utils";
import type { SubaccountStatus } from "@/lib/subaccounts/schemas";

const STATUS_LOOK = {
  active: { variant: "success", icon: CircleCheck, className: undefined },
  frozen: { variant: "warning", icon: Snowflake, className: undefined },
  removed: { variant: "outline", icon: Archive, className: "text-muted-foreground" },
} as const;

export function SubaccountStatusBadge({ status, className }: { status: SubaccountStatus; className?: string }) {
  const t = useT();
  const look = STATUS_LOOK[status];
  const Icon = look.icon;
  return (
    <Badge variant={look.variant} className={cn(look.className, className)}>
      <Icon aria-hidden />
      {t(`subaccounts.status.${status}`)}
    </Badge>
  );
}

/** The account level's name ("Spot and futures"); an unknown level shows its number. */
export const levelName = (t: Translate, level: number) => translateDynamic(t, `subaccounts.levels.${level}`, String(level));

/** "Lv2 · Spot and futures", read out as "Account level 2: Spot and futures". */
export function AccountLevelBadge({ level, className, compact = false }: { level: number; className?: string; compact?: boolean }) {
  const t = useT();
  const name = levelName(t, level);
  return (
    <Badge variant="outline" className={cn("font-normal", className)} title={t("subaccounts.level.label", { level, name })}>
      <span aria-hidden className="font-mono tabular-nums">
        {t("subaccounts.level.short", { level })}
      </span>
      {!compact && <span aria-hidden>· {name}</span>}
      <span className="sr-only">{t("subaccounts.level.label", { level, name })}</span>
    </Badge>
  );
}

/** The frozen functions' names, comma-separated; "—" (or `none`) when nothing is frozen. */
export function frozenFunctionNames(t: Translate, functions: readonly string[]): string {
  return functions.map((f) => translateDynamic(t, `subaccounts.frozenFunctions.${f}`, f)).join(", ");
}

export function FrozenFunctions({ functions, none }: { functions: readonly string[]; none?: string }) {
  const t = useT();
  if (functions.length === 0) return <span className="text-muted-foreground">{none ?? t("subaccounts.none")}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {functions.map((f) => (
        <Badge key={f} variant="warning" className="font-normal">
          {translateDynamic(t, `subaccounts.frozenFunctions.${f}`, f)}
        </Badge>
      ))}
    </span>
  );
}
