"use client";
/**
 * "Request files": a kind and a range of UTC days, up to yesterday (a day's file exists once the day has
 * ended). The form is `ZRebateRequestInput` itself; the server's range rules (order, future, older than three
 * years, a kind the brand does not fetch) come back as field errors and show on their field. On success the
 * files list reloads and shows the new rows.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FilePlus } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { DateField, FormDialog, SelectField } from "@/components/form-dialog";
import { Button } from "@/components/ui/button";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { MAX_DAYS_PER_FILE, REBATE_FILE_KINDS, ZRebateRequestInput } from "@/lib/rebates/schemas";

const ZRequestForm = checkedBy(z.object({ kind: z.string(), begin: z.string(), end: z.string() }), ZRebateRequestInput);
type RequestValues = z.input<typeof ZRequestForm>;
const MESSAGES: FieldMessages<RequestValues> = {
  invalid: { kind: "rebates.request.invalid.kind", begin: "rebates.request.invalid.day", end: "rebates.request.invalid.day" },
};

/** Yesterday as a UTC day ("2026-12-06"): the last day a file can be asked for. */
export function yesterdayUtc(now = new Date()): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** The header's button; the dialog is mounted while open, so each opening starts from the defaults. */
export function RequestFilesButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        <FilePlus />
        {t("rebates.request.open")}
      </Button>
      {open && <RequestFilesDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function RequestFilesDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [latest] = useState(yesterdayUtc);
  const form = useForm<RequestValues, unknown, z.output<typeof ZRequestForm>>({
    resolver: useLocalizedResolver(zodResolver(ZRequestForm), MESSAGES),
    defaultValues: { kind: "dma_trades", begin: latest, end: latest },
  });
  const begin = useWatch({ control: form.control, name: "begin" });

  const request = useMutation(
    trpc.rebate.request.mutationOptions({
      onSuccess: ({ ids }) => {
        toast.success(t("rebates.request.done", { count: ids.length }));
        onClose();
        return queryClient.invalidateQueries(trpc.rebate.files.pathFilter());
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("rebates.request.title")}
      description={t("rebates.request.description", { max: MAX_DAYS_PER_FILE })}
      pending={request.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={request.isPending ? t("rebates.request.submitting") : t("rebates.request.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        request.mutate(values);
      })}
    >
      <SelectField
        control={form.control}
        name="kind"
        label={t("rebates.request.kind")}
        options={REBATE_FILE_KINDS.map((kind) => ({ value: kind, label: t(`rebates.kinds.${kind}`) }))}
        disabled={request.isPending}
        autoFocus
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <DateField control={form.control} name="begin" label={t("rebates.request.begin")} picker={{ max: latest, disabled: request.isPending }} />
        <DateField
          control={form.control}
          name="end"
          label={t("rebates.request.end")}
          picker={{ min: typeof begin === "string" && begin ? begin : undefined, max: latest, disabled: request.isPending }}
        />
        <p className="text-sm text-muted-foreground sm:col-span-2">{t("rebates.request.utcHint")}</p>
      </div>
    </FormDialog>
  );
}
