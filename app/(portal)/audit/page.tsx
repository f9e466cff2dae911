/** The audit log of the current brand (platform admins can switch to the platform chain). */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { AuditTable } from "./_components/audit-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("audit.title") };
}

export default async function AuditPage() {
  const { shell, allowed } = await requirePermission("audit.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold tracking-tight">{t("audit.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("audit.description")}</p>
      </header>
      {/* useSearchParams needs a boundary; the table renders its own skeleton. */}
      <Suspense>
        <AuditTable canReadPlatform={shell.user.role === "platform_admin"} />
      </Suspense>
    </div>
  );
}
