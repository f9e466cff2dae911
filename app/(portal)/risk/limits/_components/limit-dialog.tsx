"use client";
/**
 * Create or edit a risk limit: scope (a group picked from the brand's groups, a customer found by a
 * server-side search), kind, threshold, window, severity, actions. The form runs the procedure's own schema (checkedBy); the server's field errors land on their field.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog, SelectField, TextField } from "@/components/form-dialog";
import { CustomerPicker, type PickedCustomer } from "@/components/subaccounts/customer-picker";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, FormItem, FormMessage } from "@/components/ui/form";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { DEFAULT_WINDOW_MINUTES, RISK_ACTIONS, RISK_KIND_UNIT, RISK_KINDS, RISK_KINDS_BELOW, RISK_SCOPES, RISK_SEVERITIES, ZCreateRiskLimitInput, type RiskUnit } from "@/lib/risk/schemas";
import { useTRPC } from "@/lib/trpc/client";
import type { RiskLimitRow } from "@/server/risk/types";

const ZBoxes = z.object({
  scope: z.string(),
  scopeId: z.string(),
  kind: z.string(),
  threshold: z.string(),
  windowMinutes: z.string(),
  severity: z.string(),
  actions: z.array(z.string()),
});
const ZForm = checkedBy(ZBoxes, ZCreateRiskLimitInput);
type Values = z.input<typeof ZForm>;
/** The field messages, the threshold's in the chosen kind's unit (a count is a whole number, a percentage…). */
const messagesFor = (unit: RiskUnit): FieldMessages<Values> => ({
  invalid: {
    scopeId: "risk.form.errors.scopeId",
    threshold: `risk.form.errors.thresholdIn.${unit}`,
    windowMinutes: "risk.form.errors.window",
    actions: "risk.form.errors.actions",
  },
  refused: { scopeId: "risk.form.errors.scopeId" },
});
const initialKind = (limit: RiskLimitRow | null) => limit?.kind ?? "withdrawal_daily";

/** The limit's customer as the picker shows it; the row's label is "uid · name". */
function pickedOf(limit: RiskLimitRow | null): PickedCustomer | null {
  if (limit?.scope !== "customer" || !limit.scopeId || !limit.scopeLabel) return null;
  const [uid = "", ...name] = limit.scopeLabel.split(" · ");
  return { id: limit.scopeId, uid, name: name.join(" · "), status: "active" };
}

export function LimitDialog({ limit, onClose }: { limit: RiskLimitRow | null; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [unit, setUnit] = useState<RiskUnit>(RISK_KIND_UNIT[initialKind(limit)]);
  const messages = messagesFor(unit);
  const form = useForm<Values, unknown, z.output<typeof ZForm>>({
    resolver: useLocalizedResolver(zodResolver(ZForm), messages),
    defaultValues: {
      scope: limit?.scope ?? "brand",
      scopeId: limit?.scopeId ?? "",
      kind: initialKind(limit),
      threshold: limit?.threshold ?? "",
      windowMinutes: String(limit?.windowMinutes ?? DEFAULT_WINDOW_MINUTES[initialKind(limit)]),
      severity: limit?.severity ?? "medium",
      actions: limit?.actions ?? ["alert"],
    },
  });
  const scope = useWatch({ control: form.control, name: "scope" });
  const [picked, setPicked] = useState<PickedCustomer | null>(() => pickedOf(limit));
  const groups = useQuery(trpc.customerGroup.list.queryOptions(undefined, { enabled: scope === "group", staleTime: 60_000 }));
  const kind = useWatch({ control: form.control, name: "kind" }) as (typeof RISK_KINDS)[number];
  // The threshold's unit follows the kind (state, because the form's resolver is made before the kind is watched).
  const kindUnit = RISK_KIND_UNIT[kind] ?? "USDT";
  if (kindUnit !== unit) setUnit(kindUnit);
  const shownKind = useRef(kind);
  useEffect(() => {
    if (shownKind.current === kind) return;
    shownKind.current = kind;
    // When the kind changes, a window nobody typed follows it (an hour for deposits withdrawn again, a day for the sums).
    if (!form.getFieldState("windowMinutes").isDirty && DEFAULT_WINDOW_MINUTES[kind]) form.setValue("windowMinutes", String(DEFAULT_WINDOW_MINUTES[kind]));
  }, [kind, form]);
  const done = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries(trpc.risk.listLimits.pathFilter());
    onClose();
  };
  const onError = (error: unknown) => setFormError(applyServerErrors(form.setError, error, messages, t));
  const create = useMutation(trpc.risk.createLimit.mutationOptions({ onSuccess: () => done(t("risk.limits.created")), onError }));
  const update = useMutation(trpc.risk.updateLimit.mutationOptions({ onSuccess: () => done(t("risk.limits.updated")), onError }));

  return (
    <FormDialog
      form={form}
      title={limit ? t("risk.form.editTitle") : t("risk.form.createTitle")}
      pending={create.isPending || update.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={limit ? t("risk.form.save") : t("risk.form.create")}
      contentClassName="sm:max-w-xl"
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        if (limit) update.mutate({ ...values, id: limit.id, version: limit.version, enabled: true });
        else create.mutate(values);
      })}
    >
      <SelectField
        control={form.control}
        name="scope"
        label={t("risk.form.scope")}
        options={RISK_SCOPES.map((s) => ({ value: s, label: t(`risk.scopes.${s}`) }))}
        // A group's id means nothing as a customer's and the reverse: a new scope starts unpicked.
        onValueChange={() => {
          form.setValue("scopeId", "");
          setPicked(null);
        }}
      />
      {scope === "group" && (
        <SelectField
          control={form.control}
          name="scopeId"
          label={t("risk.form.group")}
          placeholder={t("risk.form.groupPlaceholder")}
          hint={groups.data?.length === 0 ? t("risk.form.noGroups") : undefined}
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        />
      )}
      {scope === "customer" && (
        <FormField
          control={form.control}
          name="scopeId"
          render={() => (
            <FormItem>
              <fieldset className="grid gap-2">
                <legend className="mb-1 text-sm font-medium">{t("risk.form.customer")}</legend>
                <CustomerPicker
                  value={picked}
                  onChange={(c) => {
                    setPicked(c);
                    form.setValue("scopeId", c.id, { shouldValidate: form.formState.isSubmitted });
                  }}
                />
              </fieldset>
              <FormMessage />
            </FormItem>
          )}
        />
      )}
      <SelectField
        control={form.control}
        name="kind"
        label={t("risk.form.kind")}
        options={RISK_KINDS.map((k) => ({ value: k, label: t(`risk.kinds.${k}`) }))}
        hint={t(`risk.kindHints.${kind}`)}
      />
      <TextField
        control={form.control}
        name="threshold"
        label={t(`risk.form.thresholdIn.${unit}`)}
        hint={RISK_KINDS_BELOW.includes(kind) ? t("risk.form.thresholdHintBelow") : t("risk.form.thresholdHint")}
        input={{ inputMode: unit === "count" ? "numeric" : "decimal" }}
      />
      <TextField control={form.control} name="windowMinutes" label={t("risk.form.window")} hint={t("risk.form.windowHint")} input={{ inputMode: "numeric" }} />
      <SelectField control={form.control} name="severity" label={t("risk.form.severity")} options={RISK_SEVERITIES.map((s) => ({ value: s, label: t(`risk.severities.${s}`) }))} />
      <FormField
        control={form.control}
        name="actions"
        render={({ field }) => (
          <FormItem>
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">{t("risk.form.actions")}</legend>
              {RISK_ACTIONS.map((a) => (
                <div key={a} className="grid gap-0.5">
                  <label className="flex items-center gap-2 text-sm">
                    <Checkbox
                      aria-describedby={`risk-action-hint-${a}`}
                      checked={(field.value as string[]).includes(a)}
                      onCheckedChange={(on) => field.onChange(on ? [...(field.value as string[]), a] : (field.value as string[]).filter((x) => x !== a))}
                    />
                    {t(`risk.actions.${a}`)}
                  </label>
                  <p id={`risk-action-hint-${a}`} className="pl-6 text-xs text-muted-foreground">
                    {t(`risk.actionHints.${a}`)}
                  </p>
                </div>
              ))}
            </fieldset>
            <FormMessage />
          </FormItem>
        )}
      />
    </FormDialog>
  );
}
