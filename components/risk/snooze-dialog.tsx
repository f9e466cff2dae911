"use client";
/**
 * "Snooze this rule for this customer": until when (the date picker, at most 30 days ahead) and why. The
 * form runs the procedure's own schema (checkedBy); the server's refusals land on their field or above the buttons.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { DateField, FormDialog, TextareaField } from "@/components/form-dialog";
import { formatDateValue } from "@/components/ui/date-picker";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { RISK_SNOOZE_MAX_DAYS, ZRiskSnoozeInput } from "@/lib/risk/schemas";
import { useTRPC } from "@/lib/trpc/client";

const ZBoxes = z.object({ limitId: z.string(), customerId: z.string(), until: z.string(), reason: z.string() });
const ZForm = checkedBy(ZBoxes, ZRiskSnoozeInput);
type Values = z.input<typeof ZForm>;
const MESSAGES: FieldMessages<Values> = {
  invalid: { until: "risk.snooze.errors.until", reason: "risk.snooze.errors.reason" },
  vars: { days: RISK_SNOOZE_MAX_DAYS },
};

const DAY_MS = 86_400_000;

export function SnoozeDialog({ limitId, customer, onClose }: { limitId: string; customer: { id: string; name: string }; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  const form = useForm<Values, unknown, z.output<typeof ZForm>>({
    resolver: useLocalizedResolver(zodResolver(ZForm), MESSAGES),
    // A week from now, to the minute, as the picker writes it.
    defaultValues: { limitId, customerId: customer.id, until: formatDateValue(new Date(now + 7 * DAY_MS), "datetime"), reason: "" },
  });
  const snooze = useMutation(
    trpc.risk.snooze.mutationOptions({
      onSuccess: () => {
        toast.success(t("risk.snooze.done"));
        void queryClient.invalidateQueries(trpc.risk.pathFilter());
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );
  return (
    <FormDialog
      form={form}
      title={t("risk.snooze.title")}
      description={t("risk.snooze.description", { name: customer.name, days: RISK_SNOOZE_MAX_DAYS })}
      pending={snooze.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("risk.snooze.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        snooze.mutate(values);
      })}
    >
      <DateField
        control={form.control}
        name="until"
        label={t("risk.snooze.until")}
        hint={t("risk.snooze.untilHint", { days: RISK_SNOOZE_MAX_DAYS })}
        picker={{ mode: "datetime", min: formatDateValue(new Date(now), "date"), max: formatDateValue(new Date(now + RISK_SNOOZE_MAX_DAYS * DAY_MS), "date"), disabled: snooze.isPending }}
      />
      <TextareaField control={form.control} name="reason" label={t("risk.snooze.reason")} hint={t("risk.snooze.reasonHint")} textarea={{ rows: 3, disabled: snooze.isPending }} />
    </FormDialog>
  );
}
