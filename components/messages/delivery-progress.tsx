"use client";
/** Delivered of recipients as a bar with the numbers beside it; before sending starts, the estimate. */
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

interface DeliveryProgressProps {
  delivered: number;
  /** Null until sending starts (the audience is taken then). */
  recipients: number | null;
  estimated: number;
  className?: string;
  /** The wide bar of the message's page. */
  large?: boolean;
}

export function DeliveryProgress({ delivered, recipients, estimated, className, large }: DeliveryProgressProps) {
  const t = useT();
  const f = useFormat();
  if (recipients === null) {
    return <span className={cn("text-sm whitespace-nowrap text-muted-foreground tabular-nums", className)}>{t("messages.list.estimated", { count: f.number(estimated) })}</span>;
  }
  const percent = recipients > 0 ? Math.min(100, Math.floor((delivered / recipients) * 100)) : 100;
  const numbers = { delivered: f.number(delivered), recipients: f.number(recipients) };
  return (
    <div className={cn("grid gap-1", large ? "w-full" : "w-36", className)}>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
        aria-label={t("messages.list.progressLabel", numbers)}
        className={cn("overflow-hidden rounded-full bg-muted", large ? "h-2.5" : "h-1.5")}
      >
        <div className={cn("h-full rounded-full transition-[width]", percent === 100 ? "bg-success" : "bg-primary")} style={{ width: `${percent}%` }} />
      </div>
      <span className={cn("whitespace-nowrap text-muted-foreground tabular-nums", large ? "text-sm" : "text-xs")}>
        {t("messages.list.progress", numbers)} · {percent}%
      </span>
    </div>
  );
}
