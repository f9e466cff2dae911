"use client";
/**
 * Shows a temporary password exactly once (after create or reset). It is never fetched again, so the
 * dialog does not close on an outside click or Escape: only the explicit "I have copied it".
 */
import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n/client";

interface TemporaryPasswordDialogProps {
  reason: "created" | "reset";
  user: { name: string; email: string };
  password: string;
  onClose: () => void;
}

export function TemporaryPasswordDialog({ reason, user, password, onClose }: TemporaryPasswordDialogProps) {
  const t = useT();
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        showCloseButton={false}
        onInteractOutside={(event) => event.preventDefault()}
        onEscapeKeyDown={(event) => event.preventDefault()}
      >
        <DialogHeader>
          <DialogTitle>{t("staff.password.title")}</DialogTitle>
          <DialogDescription>
            {t(reason === "created" ? "staff.password.createdFor" : "staff.password.resetFor", { name: user.name, email: user.email })}
          </DialogDescription>
        </DialogHeader>
        <div className="flex items-center gap-2">
          <output
            aria-label={t("staff.password.label")}
            className="flex h-10 min-w-0 flex-1 items-center rounded-md border bg-muted/50 px-3 font-mono text-sm tracking-wide break-all select-all"
            data-testid="temporary-password"
          >
            {password}
          </output>
          <CopyButton value={password} label={t("staff.password.copy")} />
        </div>
        <Alert variant="warning">
          <TriangleAlert aria-hidden />
          <AlertDescription className="text-foreground">{t("staff.password.warning")}</AlertDescription>
        </Alert>
        <DialogFooter>
          <Button onClick={onClose}>{t("staff.password.done")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
