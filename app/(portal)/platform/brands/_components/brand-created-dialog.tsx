"use client";
/**
 * The first admin's sign-in details, shown exactly once after a brand is created: the temporary
 * password is never fetched again, so the dialog closes only through "Done" (not Escape or a click
 * outside), and says that the admin must replace it and set up two-factor authentication.
 */
import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n/client";
import type { CreatedBrand } from "./types";

export function BrandCreatedDialog({ result, onClose }: { result: CreatedBrand; onClose: () => void }) {
  const t = useT();
  const { brand, admin, temporaryPassword } = result;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        showCloseButton={false}
        onInteractOutside={(event) => event.preventDefault()}
        onEscapeKeyDown={(event) => event.preventDefault()}
      >
        <DialogHeader>
          <DialogTitle>{t("platformBrands.created.title", { name: brand.name })}</DialogTitle>
          <DialogDescription>{t("platformBrands.created.description")}</DialogDescription>
        </DialogHeader>
        <dl className="grid gap-3 text-sm">
          <div className="grid gap-1">
            <dt className="text-muted-foreground">{t("platformBrands.created.email")}</dt>
            <dd className="flex items-center gap-2">
              <span className="min-w-0 flex-1 truncate font-mono">{admin.email}</span>
              <CopyButton value={admin.email} />
            </dd>
          </div>
          <div className="grid gap-1">
            <dt className="text-muted-foreground">{t("platformBrands.created.password")}</dt>
            <dd className="flex items-center gap-2">
              <output
                aria-label={t("platformBrands.created.password")}
                data-testid="temporary-password"
                className="flex h-10 min-w-0 flex-1 items-center rounded-md border bg-muted/50 px-3 font-mono tracking-wide break-all select-all"
              >
                {temporaryPassword}
              </output>
              <CopyButton value={temporaryPassword} label={t("platformBrands.created.copyPassword")} />
            </dd>
          </div>
        </dl>
        <Alert variant="warning">
          <TriangleAlert aria-hidden />
          <AlertTitle>{t("platformBrands.created.warningTitle")}</AlertTitle>
          <AlertDescription className="text-foreground">{t("platformBrands.created.warningBody", { name: admin.name })}</AlertDescription>
        </Alert>
        <DialogFooter>
          <Button onClick={onClose}>{t("platformBrands.created.done")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
