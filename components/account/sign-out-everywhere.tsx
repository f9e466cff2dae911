"use client";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
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
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline">{t("account.sessions.button")}</Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{t("account.sessions.confirmTitle")}</AlertDialogTitle>
              <AlertDialogDescription>{t("account.sessions.confirmDescription")}</AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel disabled={busy}>{t("common.cancel")}</AlertDialogCancel>
              {/* A plain button, not AlertDialogAction: the dialog stays open while the request runs. */}
              <Button variant="destructive" pending={busy} onClick={() => mutation.mutate()}>
                {t("account.sessions.confirm")}
              </Button>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </CardContent>
    </Card>
  );
}
