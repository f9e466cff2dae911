"use client";
/**
 * Add or edit a rejection reason. The code is fixed once created: decided applications refer to it,
 * so renaming it would orphan their history. A code already in use is reported on the code field.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { FormDialog, TextField } from "@/components/form-dialog";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ZKycReasonInput } from "@/lib/kyc/schemas";
import type { KycReasonRow } from "@/server/kyc/types";

const ZReasonForm = ZKycReasonInput.omit({ id: true });
type ReasonValues = z.input<typeof ZReasonForm>;

const MESSAGES: FieldMessages<ReasonValues> = {
  invalid: {
    code: "kyc.settings.reasonDialog.invalid.code",
    label: "kyc.settings.reasonDialog.invalid.label",
    labelZh: "kyc.settings.reasonDialog.invalid.labelZh",
    sortOrder: "kyc.settings.reasonDialog.invalid.sortOrder",
  },
  refused: { code: "kyc.settings.reasonDialog.refused.code" },
};

interface ReasonDialogProps {
  /** null: a new reason. */
  reason: KycReasonRow | null;
  /** The order a new reason starts with: after the last one. */
  nextOrder: number;
  onClose: () => void;
}

export function ReasonDialog({ reason, nextOrder, onClose }: ReasonDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<ReasonValues, unknown, z.output<typeof ZReasonForm>>({
    resolver: useLocalizedResolver(zodResolver(ZReasonForm), MESSAGES),
    defaultValues: reason
      ? { code: reason.code, label: reason.label, labelZh: reason.labelZh ?? "", allowResubmit: reason.allowResubmit, sortOrder: reason.sortOrder }
      : { code: "", label: "", labelZh: "", allowResubmit: true, sortOrder: nextOrder },
  });
  const save = useMutation(
    trpc.kyc.saveReason.mutationOptions({
      onSuccess: (saved) => {
        toast.success(t("kyc.settings.reasonDialog.saved", { code: saved.code }));
        onClose();
        return queryClient.invalidateQueries(trpc.kyc.reasons.queryFilter());
      },
      onError: (error) => {
        const unplaced = applyServerErrors(form.setError, error, MESSAGES, t);
        if (unplaced) form.setError("root.server", { type: "server", message: unplaced });
      },
    }),
  );
  const rootError = form.formState.errors.root?.server?.message;

  return (
    <FormDialog
      form={form}
      title={reason ? t("kyc.settings.reasonDialog.editTitle", { code: reason.code }) : t("kyc.settings.reasonDialog.createTitle")}
      description={t("kyc.settings.reasonDialog.description")}
      pending={save.isPending}
      error={rootError}
      onClose={onClose}
      submitLabel={reason ? t("common.save") : t("kyc.settings.reasonDialog.create")}
      submitDisabled={reason !== null && !form.formState.isDirty}
      onSubmit={form.handleSubmit((values) => save.mutate({ id: reason?.id, ...values }))}
    >
      <TextField
        control={form.control}
        name="code"
        label={t("kyc.settings.reasonDialog.code")}
        hint={reason ? t("kyc.settings.reasonDialog.codeFixed") : t("kyc.settings.reasonDialog.codeHint")}
        input={{
          readOnly: reason !== null,
          autoFocus: reason === null,
          autoComplete: "off",
          spellCheck: false,
          maxLength: 48,
          className: "font-mono read-only:bg-muted/50 read-only:text-muted-foreground",
        }}
      />
      <TextField control={form.control} name="label" label={t("kyc.settings.reasonDialog.label")} input={{ autoFocus: reason !== null, maxLength: 120 }} />
      <TextField
        control={form.control}
        name="labelZh"
        label={t("kyc.settings.reasonDialog.labelZh")}
        hint={t("kyc.settings.reasonDialog.labelZhHint")}
        input={{ lang: "zh-CN", maxLength: 120 }}
      />
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
        <FormField
          control={form.control}
          name="allowResubmit"
          render={({ field }) => (
            <FormItem className="flex flex-row items-start justify-between gap-4 rounded-lg border p-3">
              <div className="grid gap-1">
                <FormLabel className="leading-snug">{t("kyc.settings.reasonDialog.allowResubmit")}</FormLabel>
                <FormDescription className="text-xs">{t("kyc.settings.reasonDialog.allowResubmitHint")}</FormDescription>
              </div>
              <FormControl>
                <Switch ref={field.ref} name={field.name} checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} />
              </FormControl>
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="sortOrder"
          render={({ field: { value, onChange, ...field } }) => (
            <FormItem className="content-start">
              <FormLabel>{t("kyc.settings.reasonDialog.sortOrder")}</FormLabel>
              <FormControl>
                <Input
                  {...field}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={1000}
                  step={1}
                  value={value ?? ""}
                  onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.valueAsNumber)}
                  className="tabular-nums"
                />
              </FormControl>
              <FormDescription className="text-xs">{t("kyc.settings.reasonDialog.sortOrderHint")}</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>
    </FormDialog>
  );
}
