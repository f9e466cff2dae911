"use client";
/**
 * "Reveal secret": a step-up with the caller's own authenticator code. A caller without two-factor
 * authentication is sent to their account page instead (the server refuses them too). The answer goes
 * to the caller's credentials dialog; the mutation is not kept in the query cache.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { ShieldAlert, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { TotpCodeForm } from "@/components/account/totp-code-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import type { ApiKeyCredentials, ApiKeyRow } from "@/server/api-keys/types";

interface RevealApiKeyDialogProps {
  row: ApiKeyRow;
  onClose: () => void;
  onRevealed: (credentials: ApiKeyCredentials) => void;
}

export function RevealApiKeyDialog({ row, onClose, onRevealed }: RevealApiKeyDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<{ message: string; noTotp: boolean } | null>(null);
  const reveal = useMutation(
    trpc.apiKey.reveal.mutationOptions({
      gcTime: 0,
      onSuccess: (credentials) => onRevealed(credentials),
      onError: (error) => {
        const { message, field, reason } = describeTrpcError(error, t);
        const noTotp = reason === "apiKeys.errors.totpNotEnrolled";
        if (field === "totpCode" && !noTotp) setFieldError(message);
        else setFormError({ message, noTotp });
      },
    }),
  );
  const totpOff = me.data?.totpEnabled === false || formError?.noTotp === true;

  return (
    <Dialog open onOpenChange={(open) => !open && !reveal.isPending && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("apiKeys.reveal.title")}</DialogTitle>
          <DialogDescription>{t("apiKeys.reveal.description", { key: row.apiKeyMasked, label: row.label })}</DialogDescription>
        </DialogHeader>
        {me.isPending ? (
          <Skeleton className="h-20 w-full" />
        ) : totpOff ? (
          <Alert variant="warning">
            <ShieldAlert aria-hidden />
            <AlertTitle>{t("apiKeys.reveal.noTotpTitle")}</AlertTitle>
            <AlertDescription className="text-foreground">
              <p>{t("apiKeys.reveal.noTotp")}</p>
              <Button asChild size="sm" variant="outline" className="mt-2">
                <Link href="/account">{t("apiKeys.reveal.accountLink")}</Link>
              </Button>
            </AlertDescription>
          </Alert>
        ) : (
          <div className="grid gap-4">
            {formError && (
              <Alert variant="destructive" role="alert">
                <TriangleAlert aria-hidden />
                <AlertDescription>{formError.message}</AlertDescription>
              </Alert>
            )}
            <TotpCodeForm
              submitLabel={t("apiKeys.reveal.submit")}
              pending={reveal.isPending}
              serverError={fieldError}
              onSubmit={(totpCode) => {
                setFieldError(null);
                setFormError(null);
                reveal.mutate({ id: row.id, totpCode });
              }}
            >
              <Button type="button" variant="outline" onClick={onClose} disabled={reveal.isPending}>
                {t("common.cancel")}
              </Button>
            </TotpCodeForm>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
