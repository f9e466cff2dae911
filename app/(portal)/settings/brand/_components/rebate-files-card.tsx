"use client";
/**
 * Settings → Brand → Exchange files: which files the brand fetches from the exchange every day (yesterday's)
 * and may request on demand — DMA trading details, FD rebates, both or none. FD rows must carry the brand's
 * broker code, so FD is offered only with one. Loads and saves on its own; read-only without brand.manage.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FileStack } from "lucide-react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { LoadError } from "@/components/load-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Form, FormDescription, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/skeleton";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { ZRebateFileKindsInput } from "@/lib/rebates/schemas";
import { useTRPC } from "@/lib/trpc/client";
import type { RebateFileSettings } from "@/server/rebates/settings";

type Values = { kinds: RebateFileSettings["kinds"] };
const MESSAGES: FieldMessages<Values> = { invalid: { kinds: "rebates.request.invalid.kind" } };

export function RebateFilesCard({ canManage }: { canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.rebate.fileKinds.queryOptions());

  let body: React.ReactNode;
  if (query.data) {
    body = <RebateFilesForm key={query.data.kinds.join(",")} settings={query.data} canManage={canManage} />;
  } else if (query.isError && !query.isFetching) {
    body = <LoadError title={t("fdReports.settings.loadError")} error={query.error} onRetry={() => void query.refetch()} />;
  } else {
    body = (
      <div className="grid gap-3" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-5 w-64" />
        <Skeleton className="h-5 w-64" />
      </div>
    );
  }

  return (
    <Card data-testid="rebate-files-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <FileStack aria-hidden className="size-4 text-muted-foreground" />
          {t("fdReports.settings.title")}
        </CardTitle>
        <CardDescription>{t("fdReports.settings.description")}</CardDescription>
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}

function RebateFilesForm({ settings, canManage }: { settings: RebateFileSettings; canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    resolver: useLocalizedResolver(zodResolver(ZRebateFileKindsInput), MESSAGES),
    defaultValues: { kinds: settings.kinds },
  });
  const save = useMutation(
    trpc.rebate.setFileKinds.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.rebate.fileKinds.queryKey(), next);
        toast.success(t("fdReports.settings.saved"));
      },
      onError: (error) => {
        const unplaced = applyServerErrors(form.setError, error, MESSAGES, t);
        if (unplaced) toast.error(unplaced);
      },
    }),
  );

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate className="grid gap-4" aria-label={t("fdReports.settings.title")}>
        <FormField
          control={form.control}
          name="kinds"
          render={({ field }) => (
            <FormItem>
              <fieldset className="grid gap-3">
                <legend className="mb-1 text-sm font-medium">{t("fdReports.settings.kinds")}</legend>
                {settings.available.map((kind) => {
                  const id = `rebate-kind-${kind}`;
                  return (
                    <div key={kind} className="flex items-start gap-3">
                      <Checkbox
                        id={id}
                        checked={field.value.includes(kind)}
                        disabled={!canManage || save.isPending}
                        aria-describedby={`${id}-hint`}
                        onCheckedChange={(on) => field.onChange(on ? [...field.value, kind] : field.value.filter((k) => k !== kind))}
                      />
                      <div className="grid gap-1 leading-none">
                        <label htmlFor={id} className="text-sm font-medium">
                          {t(`rebates.kinds.${kind}`)}
                        </label>
                        <span id={`${id}-hint`} className="text-sm text-muted-foreground">
                          {t(`fdReports.settings.kindHints.${kind}`)}
                        </span>
                      </div>
                    </div>
                  );
                })}
              </fieldset>
              <FormDescription>
                {settings.brokerCode ? t("fdReports.settings.brokerCode", { code: settings.brokerCode }) : t("fdReports.settings.noBrokerCode")}
              </FormDescription>
              {field.value.length === 0 && <p className="text-sm text-muted-foreground">{t("fdReports.settings.none")}</p>}
              <FormMessage />
            </FormItem>
          )}
        />
        {canManage && (
          <div>
            <Button type="submit" pending={save.isPending} disabled={!form.formState.isDirty}>
              {t("fdReports.settings.save")}
            </Button>
          </div>
        )}
      </form>
    </Form>
  );
}
