"use client";
/** "Edit API key": label, trade/withdraw and bound IPs, sent to the exchange with the version the row was loaded at. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { OPTIONAL_API_KEY_PERMS, type OptionalApiKeyPerm } from "@/lib/api-key-rules";
import { applyServerErrors } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { ApiKeyRow } from "@/server/apikeys/types";
import { IpsField, LabelField, PermsField } from "./api-key-fields";
import { EDIT_MESSAGES, editKeyFormSchema, type EditKeyFormValues } from "./api-key-form";

export function EditApiKeyDialog({ row, onClose }: { row: ApiKeyRow; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(() => editKeyFormSchema(t, row.ips.length > 0), [t, row.ips.length]);
  const form = useForm<EditKeyFormValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      label: row.label,
      perms: OPTIONAL_API_KEY_PERMS.filter((p): p is OptionalApiKeyPerm => row.perms.includes(p)),
      ips: row.ips.join("\n"),
    },
  });
  const modify = useMutation(
    trpc.apiKey.modify.mutationOptions({
      onSuccess: (updated) => {
        toast.success(t("apiKeys.toast.updated", { label: updated.label }));
        void queryClient.invalidateQueries(trpc.apiKey.pathFilter());
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, EDIT_MESSAGES, t)),
    }),
  );
  const busy = modify.isPending;

  return (
    <Dialog open onOpenChange={(open) => !open && !busy && onClose()}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{t("apiKeys.edit.title")}</DialogTitle>
          <DialogDescription>{t("apiKeys.edit.description", { key: row.apiKeyMasked, subAcct: row.subAcct })}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            noValidate
            className="grid gap-4"
            onSubmit={form.handleSubmit((values) => {
              setFormError(null);
              modify.mutate({ id: row.id, version: row.version, ...values });
            })}
          >
            <LabelField autoFocus />
            <PermsField />
            <IpsField />
            {formError && (
              <Alert variant="destructive" role="alert">
                <TriangleAlert aria-hidden />
                <AlertDescription>{formError}</AlertDescription>
              </Alert>
            )}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose} disabled={busy}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" pending={busy}>
                {t("apiKeys.edit.submit")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
