"use client";
/**
 * "Check rebate eligibility": which check (FD broker or affiliate) and which key — pasted, or one of a
 * customer's stored keys (picked by searching the customer, listed masked). The form is
 * `ZRebateEligibilityInput` itself; the exchange's answer shows under the form, so another key can be checked
 * at once. A refusal of the key lands on its field; the exchange's other failures (no answer, rate limiting,
 * 5xx, the brand's own key) show above the buttons in their own words. No field takes autoFocus: the dialog
 * focuses its first field itself and so knows the button to give focus back to on close.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { BadgeCheck } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { useForm, useWatch, type Control } from "react-hook-form";
import { z } from "zod";
import { FormDialog, SelectField, TextField } from "@/components/form-dialog";
import { CustomerPicker, type PickedCustomer } from "@/components/subaccounts/customer-picker";
import { Button } from "@/components/ui/button";
import { FormField, FormItem, FormMessage } from "@/components/ui/form";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { ELIGIBILITY_PROGRAMS, KEY_SOURCES, ZRebateEligibilityInput, type RebateEligibility } from "@/lib/rebates/eligibility";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client";
import { EligibilityAnswer } from "./eligibility-answer";

/** The boxes; only the chosen source's key goes to the procedure, and a stored key needs a customer first. */
const ZBoxes = z
  .object({ program: z.string(), source: z.string(), apiKey: z.string(), customerId: z.string(), apiKeyId: z.string() })
  .superRefine((v, ctx) => {
    if (v.source === "stored" && !v.customerId) ctx.addIssue({ code: "custom", path: ["customerId"], message: "Choose a customer" });
  })
  .transform((v) => ({
    program: v.program,
    source: v.source,
    apiKey: v.source === "pasted" ? v.apiKey : undefined,
    apiKeyId: v.source === "stored" ? v.apiKeyId || undefined : undefined,
  }));
const ZCheckForm = checkedBy(ZBoxes, ZRebateEligibilityInput);
type CheckValues = z.input<typeof ZCheckForm>;
const MESSAGES: FieldMessages<CheckValues> = {
  invalid: {
    program: "rebateEligibility.invalid.program",
    source: "rebateEligibility.invalid.source",
    apiKey: "rebateEligibility.invalid.apiKey",
    customerId: "rebateEligibility.invalid.customer",
    apiKeyId: "rebateEligibility.invalid.apiKeyId",
  },
};

/** The page header's button; the dialog is mounted while open, so each opening starts afresh. */
export function EligibilityButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="outline" onClick={() => setOpen(true)}>
        <BadgeCheck />
        {t("rebateEligibility.open")}
      </Button>
      {open && <EligibilityDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function EligibilityDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const client = useTRPCClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<RebateEligibility | null>(null);
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const form = useForm<CheckValues, unknown, z.output<typeof ZCheckForm>>({
    resolver: useLocalizedResolver(zodResolver(ZCheckForm), MESSAGES),
    defaultValues: { program: "fd", source: "pasted", apiKey: "", customerId: "", apiKeyId: "" },
  });
  const source = useWatch({ control: form.control, name: "source" });
  const preselectKey = useCallback(
    (first: string | undefined) => {
      if (first && !form.getValues("apiKeyId")) form.setValue("apiKeyId", first);
    },
    [form],
  );

  // A query, called when the form is sent (not on every keystroke), and never retried by itself: a rate
  // limit or a time-out is for the person to retry.
  const check = useMutation({
    mutationFn: (input: z.output<typeof ZCheckForm>) => client.rebate.checkEligibility.query(input),
    onSuccess: setAnswer,
    onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
  });
  const pending = check.isPending;

  return (
    <FormDialog
      form={form}
      title={t("rebateEligibility.title")}
      description={t("rebateEligibility.description")}
      pending={pending}
      error={formError}
      onClose={onClose}
      cancelLabel={t("rebateEligibility.close")}
      submitLabel={pending ? t("rebateEligibility.submitting") : t("rebateEligibility.submit")}
      contentClassName="sm:max-w-xl"
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        setAnswer(null);
        check.mutate(values);
      })}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          control={form.control}
          name="program"
          label={t("rebateEligibility.program")}
          options={ELIGIBILITY_PROGRAMS.map((p) => ({ value: p, label: t(`rebateEligibility.programs.${p}`) }))}
          disabled={pending}
        />
        <SelectField
          control={form.control}
          name="source"
          label={t("rebateEligibility.source")}
          options={KEY_SOURCES.map((s) => ({ value: s, label: t(`rebateEligibility.sources.${s}`) }))}
          disabled={pending}
          onValueChange={() => form.clearErrors()}
        />
        <ProgramHint control={form.control} />
      </div>
      {source === "stored" ? (
        <StoredKeyFields
          control={form.control}
          customer={customer}
          disabled={pending}
          onCustomer={(picked) => {
            setCustomer(picked);
            form.setValue("customerId", picked.id, { shouldValidate: form.formState.isSubmitted });
            form.setValue("apiKeyId", "");
          }}
          onKeys={preselectKey}
        />
      ) : (
        <TextField
          control={form.control}
          name="apiKey"
          label={t("rebateEligibility.apiKey")}
          hint={t("rebateEligibility.apiKeyHint")}
          input={{ autoComplete: "off", spellCheck: false, autoCapitalize: "off", disabled: pending, className: "font-mono" }}
        />
      )}
      {answer && <EligibilityAnswer answer={answer} />}
    </FormDialog>
  );
}

function ProgramHint({ control }: { control: Control<CheckValues, unknown, z.output<typeof ZCheckForm>> }) {
  const t = useT();
  const program = useWatch({ control, name: "program" });
  return <p className="text-sm text-muted-foreground sm:col-span-2">{program === "affiliate" ? t("rebateEligibility.programHints.affiliate") : t("rebateEligibility.programHints.fd")}</p>;
}

interface StoredKeyFieldsProps {
  control: Control<CheckValues, unknown, z.output<typeof ZCheckForm>>;
  customer: PickedCustomer | null;
  disabled: boolean;
  onCustomer: (customer: PickedCustomer) => void;
  /** Called with the first key's id once the customer's keys are in (to preselect it). */
  onKeys: (firstId: string | undefined) => void;
}

/** A customer (searched on the server) and one of their keys, masked, from `rebate.customerKeys`. */
function StoredKeyFields({ control, customer, disabled, onCustomer, onKeys }: StoredKeyFieldsProps) {
  const t = useT();
  const trpc = useTRPC();
  const keys = useQuery(trpc.rebate.customerKeys.queryOptions({ customerId: customer?.id ?? "" }, { enabled: Boolean(customer) }));
  const first = keys.data?.[0]?.id;
  useEffect(() => onKeys(first), [first, onKeys]);
  return (
    <>
      <FormField
        control={control}
        name="customerId"
        render={() => (
          <FormItem>
            {/* The search box names itself ("Search customers"); this is the field's visible title. */}
            <p className="text-sm leading-none font-medium">{t("rebateEligibility.customer")}</p>
            <CustomerPicker value={customer} onChange={onCustomer} disabled={disabled} />
            <FormMessage />
          </FormItem>
        )}
      />
      {customer &&
        (keys.isPending ? (
          <p className="text-sm text-muted-foreground" role="status">
            {t("rebateEligibility.keysLoading")}
          </p>
        ) : keys.isError ? (
          <p className="text-sm text-destructive" role="alert">
            {t("rebateEligibility.keysError")}
          </p>
        ) : keys.data.length === 0 ? (
          <p className="text-sm text-muted-foreground" role="status">
            {t("rebateEligibility.noKeys")}
          </p>
        ) : (
          <SelectField
            control={control}
            name="apiKeyId"
            label={t("rebateEligibility.storedKey")}
            placeholder={t("rebateEligibility.storedKeyPlaceholder")}
            options={keys.data.map((k) => ({ value: k.id, label: t("rebateEligibility.keyOption", { subAcct: k.subAcct, label: k.label, key: k.apiKeyMasked }) }))}
            disabled={disabled}
          />
        ))}
    </>
  );
}
