/** The brand's announcements (admins, marketing, support): filter by status, search titles; admins and marketing write and publish. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { AnnouncementsTable } from "./_components/announcements-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("announcements.title") };
}

export default async function AnnouncementsPage() {
  const { shell, allowed } = await requirePermission("message.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("announcements.title")} description={t("announcements.description")} />
      {shell.brand ? (
        // useSearchParams needs a boundary; the table renders its own skeleton.
        <Suspense>
          <AnnouncementsTable canManage={shell.permissions.includes("message.manage")} />
        </Suspense>
      ) : (
        <NoBrand hint={t("announcements.description")} />
      )}
    </>
  );
}
