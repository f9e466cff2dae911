"use client";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";

/** Ends every session of the user (this one too), then leaves for the sign-in page. */
export function SignOutEverywhereCard() {
  const t = useT();
  const trpc = useTRPC();
  const mutation = useMutation(
    trpc.account.logoutEverywhere.mutationOptions({
      onSuccess: () => signOut({ callbackUrl: "/login" }),
      onError: () => toast.error(t("account.genericError")),
    }),
  );
  // Stays busy after success: signOut navigates away.
  const busy = mutation.isPending || mutation.isSuccess;

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("account.sessions.title")}</CardTitle>
        <CardDescription>{t("account.sessions.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <ConfirmDialog
          destructive
          trigger={<Button variant="outline">{t("account.sessions.button")}</Button>}
          title={t("account.sessions.confirmTitle")}
          description={t("account.sessions.confirmDescription")}
          confirmLabel={t("account.sessions.confirm")}
          cancelLabel={t("common.cancel")}
          pending={busy}
          onConfirm={() => mutation.mutate()}
        />
      </CardContent>
    </Card>
  );
}
