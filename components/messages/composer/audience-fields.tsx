"use client";
/**
 * Who receives the message: one customer (searched by UID, name, email or phone), a CSV of uids, a
 * customer group, a saved segment or every customer. The kind is a native radio group (arrow keys move
 * through it); the choice for that kind appears under it.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormContext, useFormState, useWatch } from "react-hook-form";
import { CustomerPicker, type PickedCustomer } from "@/components/subaccounts/customer-picker";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import type { ComposerValues } from "@/lib/messages/form";
import { AUDIENCE_KINDS } from "@/lib/messages/schemas";
import { useTRPC } from "@/lib/trpc/client";
import { UidCsvField } from "./uid-csv-field";

interface AudienceFieldsProps {
  customer: PickedCustomer | null;
  onCustomer: (customer: PickedCustomer) => void;
  disabled?: boolean;
}

export function AudienceFields({ customer, onCustomer, disabled }: AudienceFieldsProps) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const form = useFormContext<ComposerValues>();
  const kind = useWatch({ control: form.control, name: "audience.kind" });
  const { errors } = useFormState({ control: form.control, name: "audience" });
  const groups = useQuery({ ...trpc.customerGroup.list.queryOptions(undefined, { staleTime: 60_000 }), enabled: kind === "group" });
  const segments = useQuery({ ...trpc.message.segments.queryOptions(undefined, { staleTime: 30_000 }), enabled: kind === "segment" });
  const audienceError = errors.audience?.message ?? errors.audience?.kind?.message;

  return (
    <div className="grid gap-4">
      <FormField
        control={form.control}
        name="audience.kind"
        render={({ field }) => (
          <FormItem>
            <fieldset className="grid gap-2" disabled={disabled} aria-invalid={Boolean(audienceError)}>
              <legend className="mb-2 text-sm font-medium leading-none">{t("messages.composer.audienceKind")}</legend>
              <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
                {AUDIENCE_KINDS.map((value, index) => (
                  <label key={value} className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50">
                    <input
                      type="radio"
                      name={field.name}
                      value={value}
                      checked={field.value === value}
                      onChange={() => {
                        field.onChange(value);
                        form.clearErrors("audience");
                      }}
                      onBlur={field.onBlur}
                      ref={index === 0 ? field.ref : undefined}
                      className="accent-primary"
                    />
                    {t(`messages.audience.kinds.${value}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            {audienceError && (
              <p className="text-sm text-destructive" role="alert">
                {String(audienceError)}
              </p>
            )}
          </FormItem>
        )}
      />

      {kind === "customer" && (
        <FormField
          control={form.control}
          name="audience.customerId"
          render={() => (
            <FormItem>
              <FormLabel>{t("messages.composer.customer")}</FormLabel>
              <CustomerPicker
                value={customer}
                disabled={disabled}
                onChange={(picked) => {
                  onCustomer(picked);
                  form.setValue("audience.customerId", picked.id, { shouldValidate: form.formState.isSubmitted });
                }}
              />
              <FormMessage />
            </FormItem>
          )}
        />
      )}

      {kind === "uids" && (
        <UidCsvField
          disabled={disabled}
          error={errors.audience?.uids?.message}
          onChange={(uids) => form.setValue("audience.uids", uids, { shouldValidate: form.formState.isSubmitted })}
        />
      )}

      {kind === "group" && (
        <FormField
          control={form.control}
          name="audience.groupId"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("messages.composer.group")}</FormLabel>
              <Select value={field.value} onValueChange={field.onChange} disabled={disabled}>
                <FormControl>
                  <SelectTrigger className="w-full sm:w-96" ref={field.ref} onBlur={field.onBlur}>
                    <SelectValue placeholder={t("messages.composer.groupPlaceholder")} />
                  </SelectTrigger>
                </FormControl>
                <SelectContent>
                  {(groups.data ?? []).map((g) => (
                    <SelectItem key={g.id} value={g.id}>
                      {t("messages.composer.groupCount", { name: g.name, count: f.number(g.customerCount) })}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              <FormMessage />
            </FormItem>
          )}
        />
      )}

      {kind === "segment" && (
        <FormField
          control={form.control}
          name="audience.segmentId"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("messages.composer.segment")}</FormLabel>
              {segments.data && segments.data.length === 0 ? (
                <p className="text-sm text-muted-foreground">
                  {t("messages.composer.segmentsEmpty")}{" "}
                  <Link href="/customers" className="font-medium text-primary underline-offset-4 hover:underline">
                    {t("messages.composer.customersLink")}
                  </Link>
                </p>
              ) : (
                <div className="flex flex-wrap items-center gap-3">
                  <Select value={field.value} onValueChange={field.onChange} disabled={disabled}>
                    <FormControl>
                      <SelectTrigger className="w-full sm:w-96" ref={field.ref} onBlur={field.onBlur}>
                        <SelectValue placeholder={t("messages.composer.segmentPlaceholder")} />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      {(segments.data ?? []).map((s) => (
                        <SelectItem key={s.id} value={s.id}>
                          {s.name}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <Link href="/messages/templates?tab=segments" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
                    {t("messages.composer.segmentsManage")}
                  </Link>
                </div>
              )}
              <FormMessage />
            </FormItem>
          )}
        />
      )}

      {kind === "everyone" && <p className="text-sm text-muted-foreground">{t("messages.composer.everyoneHint")}</p>}
    </div>
  );
}
