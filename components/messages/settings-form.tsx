"use client";
/**
 * The brand's message settings: the default language (what a customer without theirs reads), the number
 * of recipients above which a message waits for an admin, and the brand's names for the message types in
 * both languages (an empty box keeps the default, shown as its placeholder). Read-only without message.manage.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { SelectField, TextField } from "@/components/form-dialog";
import { LoadError } from "@/components/load-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { DEFAULT_TYPE_LABELS, type TypeLabels } from "@/lib/messages/labels";
import { MESSAGE_TYPES, ZMessageSettingsInput } from "@/lib/messages/schemas";
import { MESSAGE_LOCALES } from "@/lib/messages/template";
import { useTRPC } from "@/lib/trpc/client";

const zLabels = z.object({ en: z.string(), "zh-CN": z.string() });
const zBoxes = z.object({
  defaultLanguage: z.string(),
  messageApprovalThreshold: z.string(),
  typeLabels: z.object(Object.fromEntries(MESSAGE_TYPES.map((type) => [type, zLabels])) as Record<(typeof MESSAGE_TYPES)[number], typeof zLabels>),
});
type Values = z.input<typeof zBoxes>;
const ZSettingsForm = checkedBy(zBoxes, ZMessageSettingsInput);

const label = "messages.settings.invalid.label" as const;
const MESSAGES: FieldMessages<Values> = {
  invalid: {
    defaultLanguage: "messages.settings.invalid.defaultLanguage",
    messageApprovalThreshold: "messages.settings.invalid.threshold",
    ...Object.fromEntries(MESSAGE_TYPES.flatMap((type) => MESSAGE_LOCALES.map((locale) => [`typeLabels.${type}.${locale}`, label]))),
  },
};

const boxesOf = (s: { defaultLanguage: string; messageApprovalThreshold: number; typeLabels: TypeLabels }): Values => ({
  defaultLanguage: s.defaultLanguage,
  messageApprovalThreshold: String(s.messageApprovalThreshold),
  typeLabels: Object.fromEntries(MESSAGE_TYPES.map((type) => [type, { en: s.typeLabels?.[type]?.en ?? "", "zh-CN": s.typeLabels?.[type]?.["zh-CN"] ?? "" }])) as Values["typeLabels"],
});

export function MessageSettingsForm({ canManage, canApprove }: { canManage: boolean; canApprove: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const settings = useQuery(trpc.message.settings.queryOptions());
  if (settings.isPending) return <Skeleton className="h-96 w-full max-w-3xl" />;
  if (settings.isError) return <LoadError title={t("messages.settings.loadError")} error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm initial={boxesOf(settings.data)} canManage={canManage} canApprove={canApprove} />;
}

function SettingsForm({ initial, canManage, canApprove }: { initial: Values; canManage: boolean; canApprove: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof ZSettingsForm>>({ resolver: useLocalizedResolver(zodResolver(ZSettingsForm), MESSAGES), defaultValues: initial });
  const save = useMutation(
    trpc.message.updateSettings.mutationOptions({
      onSuccess: (saved) => {
        toast.success(t("messages.settings.saved"));
        form.reset(boxesOf({ ...saved, typeLabels: saved.messageTypeLabels as TypeLabels }));
        void queryClient.invalidateQueries(trpc.message.settings.queryFilter());
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );
  const disabled = !canManage || save.isPending;

  return (
    <Form {...form}>
      <form
        noValidate
        className="grid max-w-3xl gap-4"
        onSubmit={form.handleSubmit((input) => {
          setFormError(null);
          save.mutate(input);
        })}
      >
        {!canManage && <p className="text-sm text-muted-foreground">{t("messages.settings.readOnly")}</p>}
        <Card className="gap-4 py-4">
          <CardContent className="grid gap-4 px-4 sm:grid-cols-2">
            <SelectField
              control={form.control}
              name="defaultLanguage"
              label={t("messages.settings.defaultLanguage")}
              hint={t("messages.settings.defaultLanguageHint")}
              options={MESSAGE_LOCALES.map((value) => ({ value, label: t(`messages.languages.${value}`) }))}
              disabled={disabled}
            />
            <TextField
              control={form.control}
              name="messageApprovalThreshold"
              label={t("messages.settings.threshold")}
              hint={t("messages.settings.thresholdHint")}
              input={{ inputMode: "numeric", disabled: disabled || !canApprove, className: "w-48" }}
            />
          </CardContent>
        </Card>
        <Card className="gap-3 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-sm">{t("messages.settings.typeLabels")}</CardTitle>
            <CardDescription>{t("messages.settings.typeLabelsHint")}</CardDescription>
          </CardHeader>
          <CardContent className="px-4">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("messages.settings.typeColumn")}</TableHead>
                  {MESSAGE_LOCALES.map((locale) => (
                    <TableHead key={locale}>{t(`messages.languages.${locale}`)}</TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {MESSAGE_TYPES.map((type) => (
                  <TableRow key={type}>
                    <TableCell className="font-medium">{t(`messages.types.${type}`)}</TableCell>
                    {MESSAGE_LOCALES.map((locale) => (
                      <TableCell key={locale}>
                        <FormField
                          control={form.control}
                          name={`typeLabels.${type}.${locale}`}
                          render={({ field }) => (
                            <FormItem>
                              <FormControl>
                                <Input
                                  {...field}
                                  lang={locale}
                                  maxLength={40}
                                  disabled={disabled}
                                  placeholder={DEFAULT_TYPE_LABELS[type][locale]}
                                  aria-label={`${t(`messages.types.${type}`)} · ${t(`messages.languages.${locale}`)}`}
                                />
                              </FormControl>
                              <FormMessage />
                            </FormItem>
                          )}
                        />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
        {formError && (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        )}
        {canManage && (
          <div>
            <Button type="submit" pending={save.isPending} disabled={!form.formState.isDirty}>
              {t("messages.settings.save")}
            </Button>
          </div>
        )}
      </form>
    </Form>
  );
}
