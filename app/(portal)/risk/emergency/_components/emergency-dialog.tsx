"use client";
/**
 * Trigger or reset dialog of the emergency stop: what it will do, a required reason and a fresh code from
 * the caller's authenticator (step-up). Refusals naming a field go under it; others above the buttons.
 * On success the page and the shell (banner) are refreshed.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormDialog, TextareaField, TextField } from "@/components/form-dialog";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, FormItem } from "@/components/ui/form";
import { ZEmergencyTriggerInput, type EmergencyTriggerInput } from "@/lib/emergency/schemas";
import { useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";

const MESSAGES: FieldMessages<EmergencyTriggerInput> = { invalid: { reason: "emergency.form.reasonInvalid", totpCode: "emergency.form.codeInvalid" } };

export type EmergencyChange = "trigger" | "reset" | "triggerGlobal" | "resetGlobal";

const TITLES = {
  trigger: ["emergency.dialog.triggerTitle", "emergency.actions.triggerBrand"],
  triggerGlobal: ["emergency.dialog.triggerTitle", "emergency.actions.triggerGlobal"],
  reset: ["emergency.dialog.resetTitle", "emergency.actions.resetBrand"],
  resetGlobal: ["emergency.dialog.resetTitle", "emergency.actions.resetGlobal"],
} as const;

export function EmergencyDialog({ change, onClose }: { change: EmergencyChange; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  // One form for all four: a reset ignores `cancelOrders` (its input has no such field).
  const form = useForm<EmergencyTriggerInput>({ resolver: useLocalizedResolver(zodResolver(ZEmergencyTriggerInput), MESSAGES), defaultValues: { reason: "", totpCode: "", cancelOrders: false } });
  const triggering = change === "trigger" || change === "triggerGlobal";
  const mutation = useMutation(
    trpc.emergency[change].mutationOptions({
      onSuccess: async () => {
        toast.success(t(triggering ? "emergency.dialog.triggered" : "emergency.dialog.reset"));
        await queryClient.invalidateQueries(trpc.emergency.pathFilter());
        router.refresh();
        onClose();
      },
      onError: (error) => {
        const { message, field } = describeTrpcError(error, t);
        if (field === "reason" || field === "totpCode") form.setError(field, { type: "server", message }, { shouldFocus: true });
        else setFormError(message);
        form.setValue("totpCode", "");
      },
    }),
  );
  const [title, action] = TITLES[change];

  return (
    <FormDialog
      form={form}
      title={`${t(title)} — ${t(action)}`}
      description={t(triggering ? "emergency.dialog.triggerWarning" : "emergency.dialog.resetWarning")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        mutation.mutate(triggering ? values : { reason: values.reason, totpCode: values.totpCode });
      })}
      onClose={onClose}
      pending={mutation.isPending}
      error={formError}
      submitLabel={t(triggering ? "emergency.dialog.confirmTrigger" : "emergency.dialog.confirmReset")}
      submitVariant={triggering ? "destructive" : "default"}
    >
      <TextareaField control={form.control} name="reason" label={t("emergency.dialog.reason")} textarea={{ rows: 3, autoFocus: true }} />
      <TextField
        control={form.control}
        name="totpCode"
        label={t("emergency.dialog.totpCode")}
        input={{ inputMode: "numeric", autoComplete: "one-time-code", maxLength: 6, placeholder: "123456", className: "max-w-40 font-mono tracking-[0.3em]" }}
      />
      {triggering && (
        <FormField
          control={form.control}
          name="cancelOrders"
          render={({ field }) => (
            <FormItem>
              <label className="flex items-start gap-2 text-sm">
                <Checkbox checked={field.value === true} onCheckedChange={(on) => field.onChange(on === true)} className="mt-0.5" />
                <span>
                  {t("emergency.dialog.cancelOrders")}
                  <span className="block text-muted-foreground">{t("emergency.dialog.cancelOrdersHint")}</span>
                </span>
              </label>
            </FormItem>
          )}
        />
      )}
    </FormDialog>
  );
}
