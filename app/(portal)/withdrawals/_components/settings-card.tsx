"use client";
/**
 * The brand's withdrawal rules (limits, approval threshold, cooling-off) and the fixed limits per KYC
 * level; admins (brand.manage) edit the brand's part in a dialog.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog, TextField } from "@/components/form-dialog";
import { LoadError } from "@/components/load-error";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ZWithdrawalSettingsInput } from "@/lib/withdrawals/schemas";
import type { WithdrawalSettingsView } from "@/server/withdrawals/types";

export function WithdrawalSettingsCard({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.withdrawal.settings.queryOptions());
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <Skeleton className="h-40 w-full" />;
  if (query.isError) return <LoadError title={t("withdrawals.settings.title")} error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  const limit = (v: string | null, none: string) => (v === null ? none : `${v} USDT`);
  const rows: [string, string][] = [
    [t("withdrawals.settings.perWithdrawalLimit"), limit(s.perWithdrawalLimit, t("withdrawals.settings.noLimit"))],
    [t("withdrawals.settings.dailyLimit"), limit(s.dailyLimit, t("withdrawals.settings.noLimit"))],
    [t("withdrawals.settings.approvalThreshold"), limit(s.approvalThreshold, t("withdrawals.settings.everything"))],
    [t("withdrawals.settings.coolingOffHours"), String(s.coolingOffHours)],
  ];
  return (
    <Card data-testid="withdrawal-settings">
      <CardHeader>
        <CardTitle>{t("withdrawals.settings.title")}</CardTitle>
        <CardDescription>
          {t("withdrawals.settings.description")}
          {!s.custom && ` ${t("withdrawals.settings.defaults")}`}
        </CardDescription>
        {canEdit && (
          <CardAction>
            <Button size="sm" variant="outline" onClick={() => setEditing(true)}>
              {t("withdrawals.settings.edit")}
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="grid gap-6 md:grid-cols-2">
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted-foreground">{k}</dt>
              <dd className="text-right tabular-nums">{v}</dd>
            </div>
          ))}
        </dl>
        <div className="text-sm">
          <p className="mb-1.5 font-medium">{t("withdrawals.settings.kycTitle")}</p>
          <table className="w-full">
            <thead className="text-muted-foreground">
              <tr>
                <th className="text-left font-normal" />
                <th className="text-right font-normal">{t("withdrawals.settings.perWithdrawal")}</th>
                <th className="text-right font-normal">{t("withdrawals.settings.perDay")}</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {s.kycLimits.map((l) => (
                <tr key={l.level}>
                  <td>{t("withdrawals.settings.kycLevel", { level: l.level })}</td>
                  {l.perWithdrawal === "0" ? (
                    <td colSpan={2} className="text-right text-muted-foreground">
                      {t("withdrawals.settings.notAllowed")}
                    </td>
                  ) : (
                    <>
                      <td className="text-right">{l.perWithdrawal} USDT</td>
                      <td className="text-right">{l.perDay} USDT</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </CardContent>
      {editing && <EditSettingsDialog settings={s} onClose={() => setEditing(false)} />}
    </Card>
  );
}

const ZForm = checkedBy(z.object({ perWithdrawalLimit: z.string(), dailyLimit: z.string(), approvalThreshold: z.string(), coolingOffHours: z.string() }), ZWithdrawalSettingsInput);
type Values = z.input<typeof ZForm>;
const MESSAGES: FieldMessages<Values> = {
  invalid: { perWithdrawalLimit: "withdrawals.settings.blankHint", dailyLimit: "withdrawals.settings.blankHint", approvalThreshold: "withdrawals.settings.blankHint", coolingOffHours: "withdrawals.settings.coolingOffHours" },
};

function EditSettingsDialog({ settings, onClose }: { settings: WithdrawalSettingsView; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof ZForm>>({
    resolver: useLocalizedResolver(zodResolver(ZForm), MESSAGES),
    defaultValues: {
      perWithdrawalLimit: settings.perWithdrawalLimit ?? "",
      dailyLimit: settings.dailyLimit ?? "",
      approvalThreshold: settings.approvalThreshold ?? "",
      coolingOffHours: String(settings.coolingOffHours),
    },
  });
  const save = useMutation(
    trpc.withdrawal.setSettings.mutationOptions({
      onSuccess: () => {
        toast.success(t("withdrawals.settings.saved"));
        void queryClient.invalidateQueries(trpc.withdrawal.settings.pathFilter());
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );
  return (
    <FormDialog
      form={form}
      title={t("withdrawals.settings.title")}
      description={t("withdrawals.settings.blankHint")}
      pending={save.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("withdrawals.settings.save")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      })}
    >
      <TextField control={form.control} name="perWithdrawalLimit" label={t("withdrawals.settings.perWithdrawalLimit")} input={{ inputMode: "decimal" }} />
      <TextField control={form.control} name="dailyLimit" label={t("withdrawals.settings.dailyLimit")} input={{ inputMode: "decimal" }} />
      <TextField control={form.control} name="approvalThreshold" label={t("withdrawals.settings.approvalThreshold")} input={{ inputMode: "decimal" }} />
      <TextField control={form.control} name="coolingOffHours" label={t("withdrawals.settings.coolingOffHours")} input={{ inputMode: "numeric" }} />
    </FormDialog>
  );
}
