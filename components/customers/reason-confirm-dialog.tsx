"use client";
/**
 * A confirmation that needs a written reason (freeze, unfreeze, close): the same look and rules as
 * components/ui/confirm-dialog (stays open while the request runs, cannot be dismissed mid-request)
 * plus a required reason, checked by the procedure's own rule. A refusal from the server (e.g. a stale
 * version, or close refused) shows inside the dialog so the reason is not lost.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ReasonForm } from "@/components/ui/reason-form";
import { RefusalAlert } from "@/components/ui/refusal-alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { ZCustomerStatusChangeInput } from "@/lib/customers/schemas";

const ZReasonForm = ZCustomerStatusChangeInput.pick({ reason: true });
type ReasonValues = z.input<typeof ZReasonForm>;
const MESSAGES: FieldMessages<ReasonValues> = { invalid: { reason: "customers.statusChange.reasonInvalid" } };

export interface ReasonRefusal {
  /** The server's own words. */
  message: string;
  /** Whether the page's data was reloaded because of it (a stale version). */
  refreshed: boolean;
}

interface ReasonConfirmDialogProps {
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  pending: boolean;
  refusal: ReasonRefusal | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

export function ReasonConfirmDialog({
  title,
  description,
  confirmLabel,
  destructive = false,
  pending,
  refusal,
  onConfirm,
  onClose,
}: ReasonConfirmDialogProps) {
  const t = useT();
  const formId = useId();
  const form = useForm<ReasonValues, unknown, z.output<typeof ZReasonForm>>({
    resolver: useLocalizedResolver(zodResolver(ZReasonForm), MESSAGES),
    defaultValues: { reason: "" },
  });
  const submit = form.handleSubmit(({ reason }) => onConfirm(reason));

  return (
    <AlertDialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <ReasonForm
          id={formId}
          form={form}
          submit={submit}
          label={t("customers.statusChange.reason")}
          placeholder={t("customers.statusChange.reasonPlaceholder")}
          rows={3}
          pending={pending}
        >
          {refusal && <RefusalAlert title={t("customers.statusChange.refusedTitle")} refusal={refusal} refreshedText={t("customers.statusChange.refreshed")} />}
        </ReasonForm>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{t("common.cancel")}</AlertDialogCancel>
          <Button type="submit" form={formId} variant={destructive ? "destructive" : "default"} pending={pending}>
            {confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
