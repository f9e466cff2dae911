"use client";
/** "Move to group": one of the brand's groups, or none; sent with the version shown, like every change. */
import { useMutation } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { GroupSelect } from "@/components/customers/group-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { CustomerDetail } from "@/server/customers/types";
import { isConflict, useCustomerCache } from "./use-customer-cache";

export function MoveGroupDialog({ customer, onClose }: { customer: CustomerDetail; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const fieldId = useId();
  const cache = useCustomerCache(customer.id);
  const [groupId, setGroupId] = useState<string | null>(customer.groupId);
  const [error, setError] = useState<string | null>(null);
  const move = useMutation(
    trpc.customer.setGroup.mutationOptions({
      onSuccess: (updated) => {
        cache.applied(updated);
        toast.success(
          updated.groupName
            ? t("customers.moveGroup.done", { name: updated.name, group: updated.groupName })
            : t("customers.moveGroup.doneNone", { name: updated.name }),
        );
        onClose();
      },
      onError: async (failure) => {
        const refreshed = isConflict(failure) && (await cache.reload()) !== undefined;
        const message = describeTrpcError(failure, t).message;
        setError(refreshed ? `${message} ${t("customers.statusChange.refreshed")}` : message);
      },
    }),
  );

  return (
    <Dialog open onOpenChange={(open) => !open && !move.isPending && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("customers.moveGroup.title", { name: customer.name })}</DialogTitle>
          <DialogDescription>{t("customers.moveGroup.description")}</DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            setError(null);
            move.mutate({ id: customer.id, version: customer.version, groupId });
          }}
        >
          <div className="grid gap-2">
            <Label htmlFor={fieldId}>{t("customers.form.group")}</Label>
            <GroupSelect id={fieldId} value={groupId} onChange={setGroupId} disabled={move.isPending} />
          </div>
          {error && (
            <Alert variant="destructive" role="alert">
              <TriangleAlert aria-hidden />
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose} disabled={move.isPending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" pending={move.isPending} disabled={groupId === customer.groupId}>
              {t("customers.moveGroup.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
