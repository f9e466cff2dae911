import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { Wordmark } from "@/components/shell/logo";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { getT } from "@/lib/i18n/server";
import { getCurrentStaff } from "@/server/auth/next-auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.title") };
}

/** The sign-in page. Afterwards it goes back only to a path on this site (lib/auth/callback-url.ts). */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getCurrentStaff()) redirect("/");
  const params = await searchParams;
  const t = await getT();

  return (
    <div className="relative flex min-h-svh flex-col items-center justify-center bg-muted/40 px-4 py-12">
      <div className="absolute top-3 right-3 flex items-center gap-1">
        <LocaleSwitch />
        <ThemeToggle />
      </div>
      <main className="flex w-full max-w-sm flex-col items-center gap-6">
        <div className="flex flex-col items-center gap-1 text-center">
          <Wordmark />
          <p className="text-sm text-muted-foreground">{t("auth.subtitle")}</p>
        </div>
        <LoginForm
          callbackUrl={safeCallbackUrl(params.callbackUrl)}
          expired={params.reason === "expired"}
          // next-auth sends its own failures here as ?error=…; they are shown as the one generic message.
          initialError={typeof params.error === "string"}
        />
      </main>
    </div>
  );
}
