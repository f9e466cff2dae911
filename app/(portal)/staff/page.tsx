/** Staff of the current brand: list, filter, export; admins also create and manage accounts. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { StaffTable } from "./_components/staff-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("staff.title") };
}

export default async function StaffPage() {
  const { shell, allowed } = await requirePermission("staff.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  const role: Role | null = ROLES.find((r) => r === shell.user.role) ?? null;
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold tracking-tight">{t("staff.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("staff.description")}</p>
      </header>
      {/* useSearchParams needs a boundary; the table renders its own skeleton. */}
      <Suspense>
        <StaffTable role={role} currentUserId={shell.user.id} />
      </Suspense>
    </div>
  );
}
