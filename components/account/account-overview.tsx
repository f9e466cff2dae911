"use client";
/** The account & security page body: profile, password, two-factor, sessions. */
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useLocale, useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import { useTRPC } from "@/lib/trpc/client";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password";
import type { AppRouter } from "@/server/routers/_app";
import { ChangePasswordForm } from "./change-password-form";
import { SignOutEverywhereCard } from "./sign-out-everywhere";
import { TwoFactorCard } from "./two-factor-card";

export function AccountOverview() {
  const t = useT();
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());

  return (
    <div className="grid max-w-3xl gap-6">
      <ProfileCard data={me.data} pending={me.isPending} failed={me.isError} onRetry={() => void me.refetch()} />
      <Card>
        <CardHeader>
          <CardTitle>{t("account.password.title")}</CardTitle>
          <CardDescription>{t("account.password.description", { min: PASSWORD_MIN_LENGTH })}</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      {me.data ? (
        <TwoFactorCard enabled={me.data.totpEnabled} required={me.data.totpRequired} />
      ) : (
        me.isPending && <Skeleton className="h-44 w-full rounded-xl" />
      )}
      <SignOutEverywhereCard />
    </div>
  );
}

type Me = inferRouterOutputs<AppRouter>["account"]["me"];

function ProfileCard({ data, pending, failed, onRetry }: { data: Me | undefined; pending: boolean; failed: boolean; onRetry: () => void }) {
  const t = useT();
  const locale = useLocale();

  let body: React.ReactNode;
  if (failed) {
    body = (
      <Alert variant="destructive" role="alert">
        <AlertDescription className="flex flex-wrap items-center gap-3">
          {t("account.loadError")}
          <Button size="sm" variant="outline" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        </AlertDescription>
      </Alert>
    );
  } else {
    const rows: [string, React.ReactNode][] = [
      [t("account.profile.name"), data?.name],
      [t("account.profile.email"), data?.email],
      [t("account.profile.role"), data && translateDynamic(t, `shell.roles.${data.role}`, data.role)],
      [t("account.profile.brand"), data && (data.brandName ?? t("account.profile.platform"))],
      [
        t("account.profile.lastLogin"),
        data &&
          (data.lastLoginAt
            ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(data.lastLoginAt))
            : t("account.profile.never")),
      ],
    ];
    body = (
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]" aria-busy={pending}>
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 truncate">{pending ? <Skeleton className="h-5 w-48" /> : value}</dd>
          </div>
        ))}
      </dl>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("account.profile.title")}</CardTitle>
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}
