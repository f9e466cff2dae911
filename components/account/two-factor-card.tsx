"use client";
/** TOTP status, enrolment (QR + setup key + first code) and, where allowed, turning it off. */
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TotpSetupKey } from "@/components/auth/totp-setup-key";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { TotpCodeForm } from "./totp-code-form";

interface Enrolment {
  qrDataUrl: string;
  secret: string;
}

export function TwoFactorCard({ enabled, required }: { enabled: boolean; required: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [disableOpen, setDisableOpen] = useState(false);
  const [codeError, setCodeError] = useState<string | null>(null);

  // The shell and dashboard read the same flag on the server, hence the refresh.
  async function refreshAccount() {
    await queryClient.invalidateQueries(trpc.account.me.queryFilter());
    router.refresh();
  }

  function onCodeError(error: unknown) {
    const { field } = describeTrpcError(error, t);
    if (field === "code") setCodeError(t("account.totp.errors.codeInvalid"));
    else {
      toast.error(t("account.genericError"));
      void refreshAccount();
    }
  }

  const start = useMutation(
    trpc.account.startTotpEnrolment.mutationOptions({
      onSuccess: (data) => {
        setCodeError(null);
        setEnrolment({ qrDataUrl: data.qrDataUrl, secret: data.secret });
      },
      onError: () => {
        toast.error(t("account.genericError"));
        void refreshAccount();
      },
    }),
  );
  const confirm = useMutation(
    trpc.account.confirmTotpEnrolment.mutationOptions({
      onSuccess: async () => {
        setEnrolment(null);
        toast.success(t("account.totp.enabled"));
        await refreshAccount();
      },
      onError: onCodeError,
    }),
  );
  const disable = useMutation(
    trpc.account.disableTotp.mutationOptions({
      onSuccess: async () => {
        setDisableOpen(false);
        toast.success(t("account.totp.disabled"));
        await refreshAccount();
      },
      onError: onCodeError,
    }),
  );

  return (
    <Card data-testid="two-factor-card">
      <CardHeader>
        <CardTitle>{t("account.totp.title")}</CardTitle>
        <CardDescription>{t("account.totp.description")}</CardDescription>
        <CardAction>
          <Badge variant={enabled ? "success" : "outline"} data-testid="totp-status">
            {enabled ? t("account.totp.on") : t("account.totp.off")}
          </Badge>
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-4">
        {enabled ? (
          <>
            <p className="text-sm text-muted-foreground">{t("account.totp.enabledHint")}</p>
            {required ? (
              <p className="text-sm text-muted-foreground">{t("account.totp.required")}</p>
            ) : (
              <div>
                <Button
                  variant="outline"
                  onClick={() => {
                    setCodeError(null);
                    setDisableOpen(true);
                  }}
                >
                  {t("account.totp.disable")}
                </Button>
              </div>
            )}
          </>
        ) : enrolment ? (
          <div className="grid gap-4">
            <p className="text-sm">{t("account.totp.scan")}</p>
            <TotpSetupKey
              layout="side"
              qrDataUrl={enrolment.qrDataUrl}
              secret={enrolment.secret}
              qrAlt={t("account.totp.qrAlt")}
              manualLabel={t("account.totp.manual")}
            />
            <TotpCodeForm
              submitLabel={t("account.totp.confirm")}
              pending={confirm.isPending}
              serverError={codeError}
              onSubmit={(code) => {
                setCodeError(null);
                confirm.mutate({ code });
              }}
            >
              <Button type="button" variant="ghost" onClick={() => setEnrolment(null)} disabled={confirm.isPending}>
                {t("account.totp.cancel")}
              </Button>
            </TotpCodeForm>
          </div>
        ) : (
          <>
            {required ? (
              <Alert variant="warning">
                <AlertDescription>{t("account.totp.requiredNotEnabled")}</AlertDescription>
              </Alert>
            ) : (
              <p className="text-sm text-muted-foreground">{t("account.totp.disabledHint")}</p>
            )}
            <div>
              <Button onClick={() => start.mutate()} pending={start.isPending}>
                {t("account.totp.start")}
              </Button>
            </div>
          </>
        )}
      </CardContent>

      <Dialog open={disableOpen} onOpenChange={(open) => !disable.isPending && setDisableOpen(open)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t("account.totp.disableTitle")}</DialogTitle>
            <DialogDescription>{t("account.totp.disableDescription")}</DialogDescription>
          </DialogHeader>
          <TotpCodeForm
            submitLabel={t("account.totp.disable")}
            variant="destructive"
            pending={disable.isPending}
            serverError={codeError}
            onSubmit={(code) => {
              setCodeError(null);
              disable.mutate({ code });
            }}
          />
        </DialogContent>
      </Dialog>
    </Card>
  );
}
