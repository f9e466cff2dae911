"use client";
/**
 * A new key's access key and secret, shown once: after "New partner key" or a rotation. The secret is
 * never fetched again, so the dialog closes only through its button (not Escape or a click outside), and
 * the caller drops it from state on close.
 */
import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
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
        <dl className="grid gap-3 text-sm">
          {fields.map((field) => (
            <div key={field.id} className="grid gap-1">
              <dt className="text-muted-foreground">{field.label}</dt>
              <dd className="flex items-center gap-2">
                <output
                  aria-label={field.label}
                  data-testid={`partner-${field.id}`}
                  className="flex min-h-10 min-w-0 flex-1 items-center rounded-md border bg-muted/50 px-3 py-2 font-mono text-xs break-all select-all"
                >
                  {field.value}
                </output>
                <CopyButton value={field.value} label={field.copy} />
              </dd>
            </div>
          ))}
        </dl>
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
