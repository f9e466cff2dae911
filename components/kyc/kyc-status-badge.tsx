"use client";
/** An application's status as a coloured badge, the same on the queue, the review page and the customer page. */
import { CircleCheck, CircleDashed, CircleX, Clock, MessageCircleQuestion, UsersRound } from "lucide-react";
import type { ComponentProps } from "react";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";
import type { KycStatus } from "@/lib/kyc/schemas";

const LOOK = {
  submitted: { variant: "outline", icon: CircleDashed },
  in_review: { variant: "secondary", icon: Clock },
  more_info_requested: { variant: "warning", icon: MessageCircleQuestion },
  pending_second_approval: { variant: "warning", icon: UsersRound },
  approved: { variant: "success", icon: CircleCheck },
  rejected: { variant: "destructive", icon: CircleX },
} as const satisfies Record<KycStatus, { variant: ComponentProps<typeof Badge>["variant"]; icon: unknown }>;

export function KycStatusBadge({ status, className }: { status: KycStatus; className?: string }) {
  const t = useT();
  const { variant, icon: Icon } = LOOK[status];
  return (
    <Badge variant={variant} className={cn("font-normal", className)} data-status={status}>
      <Icon aria-hidden />
      {t(`kyc.status.${status}`)}
    </Badge>
  );
}
