"use client";
/** How a customer's status and KYC level look everywhere: the list, the customer page, dialogs. */
import { Ban, CircleCheck, Snowflake } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";
import type { CustomerStatus } from "@/lib/customers/schemas";

const STATUS_LOOK = {
  active: { variant: "success", icon: CircleCheck, className: undefined },
  frozen: { variant: "warning", icon: Snowflake, className: undefined },
  closed: { variant: "outline", icon: Ban, className: "text-muted-foreground" },
} as const;

export function CustomerStatusBadge({ status, className }: { status: CustomerStatus; className?: string }) {
  const t = useT();
  const look = STATUS_LOOK[status];
  const Icon = look.icon;
  return (
    <Badge variant={look.variant} className={cn(look.className, className)}>
      <Icon aria-hidden />
      {t(`customers.status.${status}`)}
    </Badge>
  );
}

/** "L2", read out as "KYC level 2"; level 0 (nothing verified) is muted. */
export function KycLevelBadge({ level, className }: { level: number; className?: string }) {
  const t = useT();
  return (
    <Badge
      variant="outline"
      className={cn("font-mono tabular-nums", level === 0 && "text-muted-foreground", className)}
      title={t("customers.kycLevel.label", { level })}
    >
      <span aria-hidden>{t("customers.kycLevel.short", { level })}</span>
      <span className="sr-only">{t("customers.kycLevel.label", { level })}</span>
    </Badge>
  );
}
