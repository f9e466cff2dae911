"use client";
/**
 * A new key's access key and secret, shown once: after "New partner key" or a rotation. The secret is
 * never fetched again, so the dialog closes only through its button (not Escape or a click outside), and
 * the caller drops it from state on close.
 */
import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SecretFields } from "@/components/ui/secret-fields";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n/client";
import type { PartnerKeyRow } from "@/server/partner/types";

export interface IssuedSecret {
  key: PartnerKeyRow;
  secret: string;
  mode: "created" | "rotated";
}

export function PartnerKeySecretDialog({ issued, onClose }: { issued: IssuedSecret; onClose: () => void }) {
  const t = useT();
  const fields = [
    { id: "accessKey", label: t("partnerApi.secret.accessKey"), copy: t("partnerApi.secret.copyAccessKey"), value: issued.key.accessKey },
    { id: "secret", label: t("partnerApi.secret.secret"), copy: t("partnerApi.secret.copySecret"), value: issued.secret },
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
          <DialogTitle>{issued.mode === "created" ? t("partnerApi.secret.createdTitle") : t("partnerApi.secret.rotatedTitle")}</DialogTitle>
          <DialogDescription>{t("partnerApi.secret.description", { label: issued.key.label })}</DialogDescription>
        </DialogHeader>
        <SecretFields fields={fields} testIdPrefix="partner" />
        <Alert variant="warning">
          <TriangleAlert aria-hidden />
          <AlertTitle>{t("partnerApi.secret.onceTitle")}</AlertTitle>
          <AlertDescription className="text-foreground">{t("partnerApi.secret.onceBody")}</AlertDescription>
        </Alert>
        <DialogFooter>
          <Button onClick={onClose}>{t("partnerApi.secret.saved")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
