"use client";
/**
 * The 403 panel a page renders instead of its content when the role lacks the permission. The page
 * fetches nothing in that case (see server/auth/require-permission.ts).
 */
import Link from "next/link";
import { ShieldOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

export function Forbidden() {
  const t = useT();
  return (
    <section
      data-testid="forbidden"
      aria-labelledby="forbidden-title"
      className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center"
    >
      <div className="flex size-12 items-center justify-center rounded-xl border bg-muted/50 text-muted-foreground">
        <ShieldOff className="size-6" aria-hidden />
      </div>
      <p className="font-mono text-sm text-muted-foreground">{t("shell.forbidden.code")}</p>
      <h1 id="forbidden-title" className="text-xl font-semibold tracking-tight">
        {t("shell.forbidden.title")}
      </h1>
      <p className="text-sm text-muted-foreground">{t("shell.forbidden.description")}</p>
      <Button asChild variant="outline" className="mt-2">
        <Link href="/">{t("shell.forbidden.back")}</Link>
      </Button>
    </section>
  );
}
