"use client";
import { useRouter } from "next/navigation";
import { KeyRound } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useT } from "@/lib/i18n/client";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password";
import { ChangePasswordForm } from "./change-password-form";

/** The only thing a user with a reset password can do: choose their own, then go to the dashboard. */
export function ForcedPasswordChange() {
  const t = useT();
  const router = useRouter();
  return (
    <div className="mx-auto grid max-w-lg gap-6 py-6">
      <Card>
        <CardHeader>
          <div className="mb-2 flex size-10 items-center justify-center rounded-lg border bg-muted/50 text-muted-foreground">
            <KeyRound className="size-5" aria-hidden />
          </div>
          <CardTitle>
            <h1 className="text-lg font-semibold">{t("account.forced.title")}</h1>
          </CardTitle>
          <CardDescription>
            {t("account.forced.description")} {t("account.password.description", { min: PASSWORD_MIN_LENGTH })}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm
            successMessage={t("account.forced.success")}
            onChanged={() => {
              router.replace("/");
              router.refresh();
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
