"use client";
/**
 * The last look before a message goes: how many customers it reaches, when, in which languages, and
 * whether an admin approves it first (more recipients than the brand's threshold).
 */
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import type { MessageLocale } from "@/lib/messages/template";

interface SendConfirmDialogProps {
  title: string;
  /** Recipients by the latest preview; null while unknown. */
  count: number | null;
  scheduledAt: Date | undefined;
  threshold: number | undefined;
  locales: readonly MessageLocale[];
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function SendConfirmDialog({ title, count, scheduledAt, threshold, locales, pending, onConfirm, onClose }: SendConfirmDialogProps) {
  const t = useT();
  const f = useFormat();
  const needsApproval = count !== null && threshold !== undefined && count > threshold;
  const at = scheduledAt ? f.date(scheduledAt, "dateTime") : null;
  const confirmLabel = needsApproval ? t("messages.composer.confirm.submitForApproval") : at ? t("messages.composer.confirm.scheduleButton") : t("messages.composer.confirm.send");
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={at ? t("messages.composer.confirm.scheduleTitle") : t("messages.composer.confirm.title")}
      description={
        <span className="grid gap-2">
          <span className="font-medium text-foreground" data-testid="confirm-recipients">
            {t("messages.composer.confirm.recipients", { title, count: count === null ? "…" : f.number(count) })}
          </span>
          <span>{at ? t("messages.composer.confirm.at", { time: at }) : t("messages.composer.confirm.now")}</span>
          <span>{t("messages.composer.confirm.languages", { languages: locales.map((l) => t(`messages.languages.${l}`)).join(" · ") })}</span>
          {/* Unknown until the audience is counted: nothing is claimed about approval before that. */}
          {count !== null && threshold !== undefined && (
            <span className={needsApproval ? "font-medium text-foreground" : undefined}>
              {needsApproval ? t("messages.composer.confirm.approval", { threshold: f.number(threshold) }) : t("messages.composer.confirm.noApproval")}
            </span>
          )}
        </span>
      }
      confirmLabel={confirmLabel}
      cancelLabel={t("common.cancel")}
      pending={pending}
      onConfirm={onConfirm}
    />
  );
}
