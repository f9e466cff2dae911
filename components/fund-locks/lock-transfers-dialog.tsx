"use client";
/**
 * "Lock transfers" on one of a customer's trading accounts: the account, the direction (transfer in, out
 * or both), a required reason and an optional expiry in the reader's local time. Checked in the browser by
 * the procedure's own input schema (plus "the expiry is in the future", which the service checks again);
 * a refusal (e.g. the same direction already locked) lands on its field in the server's words.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { DateField, FormDialog, SelectField, TextareaField } from "@/components/form-dialog";
import { FormField, FormItem, FormMessage } from "@/components/ui/form";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { FUND_LOCK_DIRECTIONS, ZLockInput, type FundLockDirection } from "@/lib/fund-locks/schemas";
import type { CustomerTradingAccount } from "@/server/fund-locks/types";
import { accountName } from "./fund-lock-badges";

/** The form's own rule on top of the procedure's: an expiry, when given, is in the future. */
const ZLockChecked = ZLockInput.refine((v) => !v.expiresAt || v.expiresAt.getTime() > Date.now(), {
  error: "The expiry must be in the future",
  path: ["expiresAt"],
});
const ZLockForm = checkedBy(
  z.object({ tradingAccountId: z.string(), direction: z.string(), reason: z.string(), expiresAt: z.string() }),
  ZLockChecked,
);
type LockValues = z.input<typeof ZLockForm>;

const MESSAGES: FieldMessages<LockValues> = {
  invalid: {
    tradingAccountId: "fundLocks.lock.invalid.tradingAccountId",
    direction: "fundLocks.lock.invalid.direction",
    reason: "fundLocks.lock.invalid.reason",
    expiresAt: "fundLocks.lock.invalid.expiresAt",
  },
};

interface LockTransfersDialogProps {
  customer: { id: string; name: string };
  /** The customer's accounts; closed ones are not offered. */
  accounts: CustomerTradingAccount[];
  onClose: () => void;
}

export function LockTransfersDialog({ customer, accounts, onClose }: LockTransfersDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const open = accounts.filter((a) => a.status !== "closed");
  const form = useForm<LockValues, unknown, z.output<typeof ZLockForm>>({
    resolver: useLocalizedResolver(zodResolver(ZLockForm), MESSAGES),
    defaultValues: { tradingAccountId: open.length === 1 ? open[0].id : "", direction: "", reason: "", expiresAt: "" },
  });
  const lock = useMutation(
    trpc.fundLock.lock.mutationOptions({
      onSuccess: (created) => {
        toast.success(t("fundLocks.lock.done", { locked: t(`fundLocks.locked.${created.direction}`), customer: customer.name, account: accountName(t, created.account) }));
        void queryClient.invalidateQueries(trpc.fundLock.pathFilter());
        // The trading-account list shows lock badges.
        void queryClient.invalidateQueries(trpc.tradingAccount.pathFilter());
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("fundLocks.lock.title")}
      description={t("fundLocks.lock.description", { customer: customer.name })}
      contentClassName="sm:max-w-md"
      pending={lock.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("fundLocks.lock.submit")}
      submitVariant="destructive"
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        lock.mutate(values);
      })}
      empty={open.length === 0 && <p className="text-sm text-muted-foreground">{t("fundLocks.lock.noAccounts", { customer: customer.name })}</p>}
    >
      <SelectField
        control={form.control}
        name="tradingAccountId"
        label={t("fundLocks.lock.account")}
        options={open.map((a) => ({
          value: a.id,
          label: (
            <>
              {accountName(t, a)}
              {a.activeLocks.length > 0 && (
                <span className="text-xs text-muted-foreground">
                  {" "}
                  ({a.activeLocks.map((l) => t(`fundLocks.locked.${l.direction}`)).join(", ")})
                </span>
              )}
            </>
          ),
        }))}
        placeholder={t("fundLocks.lock.accountPlaceholder")}
        disabled={lock.isPending}
        autoFocus={open.length > 1}
      />
      <FormField
        control={form.control}
        name="direction"
        render={({ field, fieldState }) => (
          <FormItem>
            {/* Native radios: arrow keys move between them, each is labelled, no extra component. */}
            <fieldset aria-invalid={Boolean(fieldState.error)} className="grid gap-2" disabled={lock.isPending}>
              <legend className="mb-2 text-sm font-medium leading-none">{t("fundLocks.lock.direction")}</legend>
              <div className="flex flex-wrap gap-2">
                {FUND_LOCK_DIRECTIONS.map((d, i) => (
                  <label
                    key={d}
                    className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50"
                  >
                    <input
                      type="radio"
                      name={field.name}
                      value={d}
                      checked={field.value === d}
                      onChange={() => field.onChange(d)}
                      onBlur={field.onBlur}
                      ref={i === 0 ? field.ref : undefined}
                      autoFocus={open.length === 1 && i === 0}
                      className="accent-primary"
                    />
                    {t(`fundLocks.directions.${d}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            {field.value && (
              <p className="text-sm text-muted-foreground">
                {t("fundLocks.lock.blocksHint", { blocks: t(`fundLocks.lock.blocks.${field.value as FundLockDirection}`) })}
              </p>
            )}
            <FormMessage />
          </FormItem>
        )}
      />
      <TextareaField control={form.control} name="reason" label={t("fundLocks.lock.reason")} textarea={{ rows: 3, maxLength: 500, placeholder: t("fundLocks.lock.reasonPlaceholder"), disabled: lock.isPending }} />
      <DateField
        control={form.control}
        name="expiresAt"
        label={t("fundLocks.lock.expiresAt")}
        hint={t("fundLocks.lock.expiresAtHint")}
        picker={{ mode: "datetime", min: localNow(), disabled: lock.isPending }}
      />
    </FormDialog>
  );
}

/** Now as the picker's value ("2026-11-22T10:05") in the browser's time zone. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
