"use client";
/**
 * A key's credentials, shown once: right after creation, or after a step-up reveal. The secrets are never
 * fetched again by this page, so the dialog closes only through its button (not Escape or a click
 * outside), and the caller drops them from memory on close (it resets the mutation that carried them).
 */
import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SecretFields } from "@/components/ui/secret-fields";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n/client";
import type { ApiKeyCredentials } from "@/server/api-keys/types";

interface ApiKeyCredentialsDialogProps {
  credentials: ApiKeyCredentials;
  /** "created": the first and only automatic showing; "revealed": after a step-up. */
  mode: "created" | "revealed";
  onClose: () => void;
}

export function ApiKeyCredentialsDialog({ credentials, mode, onClose }: ApiKeyCredentialsDialogProps) {
  const t = useT();
  const { key } = credentials;
  const vars = { label: key.label, subAcct: key.subAcct };
  const fields = [
    { id: "apiKey", label: t("apiKeys.credentials.apiKey"), copy: t("apiKeys.credentials.copyApiKey"), value: credentials.apiKey },
    { id: "secretKey", label: t("apiKeys.credentials.secretKey"), copy: t("apiKeys.credentials.copySecretKey"), value: credentials.secretKey },
    { id: "passphrase", label: t("apiKeys.credentials.passphrase"), copy: t("apiKeys.credentials.copyPassphrase"), value: credentials.passphrase },
  ] as const;

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        showCloseButton={false}
        onInteractOutside={(event) => event.preventDefault()}
        onEscapeKeyDown={(event) => event.preventDefault()}
        className="sm:max-w-xl"
      >
        <DialogHeader>
          <DialogTitle>{mode === "created" ? t("apiKeys.credentials.createdTitle") : t("apiKeys.credentials.revealedTitle", vars)}</DialogTitle>
          <DialogDescription>{mode === "created" ? t("apiKeys.credentials.createdDescription", vars) : t("apiKeys.credentials.revealedDescription", vars)}</DialogDescription>
        </DialogHeader>
        <SecretFields fields={fields} testIdPrefix="credential" />
        <Alert variant="warning">
          <TriangleAlert aria-hidden />
          {mode === "created" && <AlertTitle>{t("apiKeys.credentials.onceTitle")}</AlertTitle>}
          <AlertDescription className="text-foreground">{mode === "created" ? t("apiKeys.credentials.onceBody") : t("apiKeys.credentials.revealedBody")}</AlertDescription>
        </Alert>
        <DialogFooter>
          <Button onClick={onClose}>{mode === "created" ? t("apiKeys.credentials.saved") : t("apiKeys.credentials.done")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
