"use client";
/**
 * "Reconcile": a range of UTC days up to yesterday, compared again by the next run of the reconciliation
 * job. The form is `ZReconcileInput` itself; the server's rules (order, length, not today) come back as field
 * errors on their field. On success the page shows the range as waiting.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Scale } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { DateField, FormDialog } from "@/components/form-dialog";
import { Button } from "@/components/ui/button";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { lastFullDays } from "@/lib/rebates/report-query";
import { MAX_RECONCILE_DAYS, ZReconcileInput } from "@/lib/rebates/reconciliation-schemas";
import { useTRPC } from "@/lib/trpc/client";

const ZReconcileForm = checkedBy(z.object({ from: z.string(), to: z.string() }), ZReconcileInput);
type ReconcileValues = z.input<typeof ZReconcileForm>;
const MESSAGES: FieldMessages<ReconcileValues> = {
  invalid: { from: "rebateReconciliation.reconcile.invalid.day", to: "rebateReconciliation.reconcile.invalid.day" },
};

/** The header's button; the dialog is mounted while open, so each opening starts from the defaults. */
export function ReconcileButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        <Scale />
        {t("rebateReconciliation.reconcile.open")}
      </Button>
      {open && <ReconcileDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ReconcileDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  // The last 7 full days by default; yesterday is the last day that can be reconciled.
  const [range] = useState(() => lastFullDays(7));
  const form = useForm<ReconcileValues, unknown, z.output<typeof ZReconcileForm>>({
    resolver: useLocalizedResolver(zodResolver(ZReconcileForm), MESSAGES),
    defaultValues: range,
  });
  const from = useWatch({ control: form.control, name: "from" });

  const reconcile = useMutation(
    trpc.rebateReconciliation.reconcile.mutationOptions({
      onSuccess: ({ duplicate }) => {
        toast.success(t(duplicate ? "rebateReconciliation.reconcile.duplicate" : "rebateReconciliation.reconcile.done"));
        onClose();
        return queryClient.invalidateQueries(trpc.rebateReconciliation.runs.pathFilter());
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("rebateReconciliation.reconcile.title")}
      description={t("rebateReconciliation.reconcile.description", { max: MAX_RECONCILE_DAYS })}
      pending={reconcile.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={reconcile.isPending ? t("rebateReconciliation.reconcile.submitting") : t("rebateReconciliation.reconcile.submit")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        reconcile.mutate(values);
      })}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <DateField control={form.control} name="from" label={t("rebateReconciliation.reconcile.from")} picker={{ max: range.to, disabled: reconcile.isPending }} />
        <DateField
          control={form.control}
          name="to"
          label={t("rebateReconciliation.reconcile.to")}
          picker={{ min: typeof from === "string" && from ? from : undefined, max: range.to, disabled: reconcile.isPending }}
        />
        <p className="text-sm text-muted-foreground sm:col-span-2">{t("rebateReconciliation.reconcile.utcHint")}</p>
      </div>
    </FormDialog>
  );
}
