"use client";
/**
 * The 403 panel a page renders instead of its content when the role lacks the permission. The page
 * fetches nothing in that case (see server/auth/require-permission.ts).
 */
import Link from "next/link";
import { ShieldOff } from "lucide-react";
import { StatusPanel } from "@/components/shell/status-panel";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

export function Forbidden() {
  const t = useT();
  return (
    <StatusPanel
      data-testid="forbidden"
      aria-labelledby="forbidden-title"
      titleId="forbidden-title"
      className="gap-3 py-16"
      icon={ShieldOff}
      code={t("shell.forbidden.code")}
      title={t("shell.forbidden.title")}
      description={t("shell.forbidden.description")}
    >
      <Button asChild variant="outline" className="mt-2">
        <Link href="/">{t("shell.forbidden.back")}</Link>
      </Button>
    </StatusPanel>
  );
}
