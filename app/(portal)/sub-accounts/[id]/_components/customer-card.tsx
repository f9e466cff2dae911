"use client";
/**
 * Who the sub-account belongs to. Operations link it to a customer (a server-side customer search),
 * move it to another one, or unlink it behind a confirmation; each sends the version shown.
 */
import { useMutation } from "@tanstack/react-query";
import { ExternalLink, Link2, Link2Off, TriangleAlert, UserRoundPen } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { CustomerStatusBadge } from "@/components/customers/customer-badges";
import { CustomerPicker, type PickedCustomer } from "@/components/subaccounts/customer-picker";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { SubaccountDetail } from "@/lib/subaccounts/schemas";
import { isConflict, useSubaccountCache } from "./use-subaccount-cache";

export function CustomerCard({ subaccount, canManage, canOpenCustomer }: { subaccount: SubaccountDetail; canManage: boolean; canOpenCustomer: boolean }) {
  const t = useT();
  const [dialog, setDialog] = useState<"link" | "unlink" | null>(null);
  const customer = subaccount.customer;

  return (
    <Card className="gap-4 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("subaccounts.customer.title")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 px-4">
        {customer ? (
          <div className="grid gap-1">
            <div className="flex flex-wrap items-center gap-2">
              {canOpenCustomer ? (
                <Link href={`/customers/${customer.id}`} className="font-medium underline-offset-4 hover:underline focus-visible:underline">
                  {customer.name}
                </Link>
              ) : (
                <span className="font-medium">{customer.name}</span>
              )}
              <CustomerStatusBadge status={customer.status} />
            </div>
            <span className="font-mono text-xs text-muted-foreground tabular-nums">UID {customer.uid}</span>
          </div>
        ) : (
          <div className="grid gap-1 text-sm">
            <p>{t("subaccounts.customer.none")}</p>
            {canManage && <p className="text-muted-foreground">{t("subaccounts.customer.noneHint")}</p>}
          </div>
        )}
        <div className="flex flex-wrap gap-2">
          {customer && canOpenCustomer && (
            <Button asChild variant="ghost" size="sm" className="-ml-2">
              <Link href={`/customers/${customer.id}`}>
                <ExternalLink />
                {t("subaccounts.customer.open")}
              </Link>
            </Button>
          )}
          {canManage &&
            (customer ? (
              <>
                <Button variant="outline" size="sm" onClick={() => setDialog("link")}>
                  <UserRoundPen />
                  {t("subaccounts.customer.change")}
                </Button>
                <Button variant="outline" size="sm" onClick={() => setDialog("unlink")}>
                  <Link2Off />
                  {t("subaccounts.customer.unlink")}
                </Button>
              </>
            ) : (
              <Button size="sm" onClick={() => setDialog("link")}>
                <Link2 />
                {t("subaccounts.customer.link")}
              </Button>
            ))}
        </div>
      </CardContent>
      {dialog === "link" && <LinkCustomerDialog subaccount={subaccount} onClose={() => setDialog(null)} />}
      {dialog === "unlink" && <UnlinkDialog subaccount={subaccount} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function useLink(subaccount: SubaccountDetail, onDone: (updated: SubaccountDetail) => void) {
  const trpc = useTRPC();
  const t = useT();
  const cache = useSubaccountCache(subaccount.id);
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.subaccount.link.mutationOptions({
      onSuccess: (updated) => {
        cache.applied(updated);
        onDone(updated);
      },
      onError: async (failure) => {
        const message = describeTrpcError(failure, t).message;
        const reloaded = isConflict(failure) && (await cache.reload());
        setError(reloaded ? `${message} ${t("subaccounts.detail.reloaded")}` : message);
      },
    }),
  );
  return { mutation, error, setError };
}

function LinkCustomerDialog({ subaccount, onClose }: { subaccount: SubaccountDetail; onClose: () => void }) {
  const t = useT();
  const [picked, setPicked] = useState<PickedCustomer | null>(null);
  const { mutation, error, setError } = useLink(subaccount, (updated) => {
    toast.success(t("subaccounts.link.done", { name: updated.subAcct, customer: updated.customer?.name ?? "" }));
    onClose();
  });
  const changing = subaccount.customer !== null;

  return (
    <Dialog open onOpenChange={(open) => !open && !mutation.isPending && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t(changing ? "subaccounts.link.changeTitle" : "subaccounts.link.title")}</DialogTitle>
          <DialogDescription>{t("subaccounts.link.description")}</DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            setError(null);
            if (!picked) {
              setError(t("subaccounts.link.chooseFirst"));
              return;
            }
            mutation.mutate({ id: subaccount.id, customerId: picked.id, version: subaccount.version });
          }}
        >
          <CustomerPicker value={picked} onChange={setPicked} excludeId={subaccount.customer?.id} disabled={mutation.isPending} autoFocus />
          {error && (
            <Alert variant="destructive" role="alert">
              <TriangleAlert aria-hidden />
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose} disabled={mutation.isPending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" pending={mutation.isPending} disabled={!picked}>
              {t("subaccounts.link.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function UnlinkDialog({ subaccount, onClose }: { subaccount: SubaccountDetail; onClose: () => void }) {
  const t = useT();
  const customerName = subaccount.customer?.name ?? "";
  const { mutation, error } = useLink(subaccount, (updated) => {
    toast.success(t("subaccounts.unlink.done", { name: updated.subAcct, customer: customerName }));
    onClose();
  });
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("subaccounts.unlink.title")}
      description={
        <>
          {t("subaccounts.unlink.description", { name: subaccount.subAcct, customer: customerName })}
          {error && (
            <span role="alert" className="mt-2 block text-destructive">
              {error}
            </span>
          )}
        </>
      }
      confirmLabel={t("subaccounts.unlink.confirm")}
      cancelLabel={t("common.cancel")}
      pending={mutation.isPending}
      destructive
      onConfirm={() => mutation.mutate({ id: subaccount.id, customerId: null, version: subaccount.version })}
    />
  );
}
