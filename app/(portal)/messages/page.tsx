/** The brand's in-app messages (admins, marketing, support): the list, and for writers "New message". */
import type { Metadata } from "next";
import { Suspense } from "react";
import { MessagesHeaderActions } from "@/components/messages/messages-header-actions";
import { MessagesTable } from "@/components/messages/messages-table";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("messages.title") };
}

export default async function MessagesPage() {
  const { shell, allowed } = await requirePermission("message.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  const canManage = shell.permissions.includes("message.manage");
  return (
    <>
      <PageHeader
        className="mb-4"
        title={t("messages.title")}
        description={t("messages.description")}
        actions={shell.brand && <MessagesHeaderActions t={t} canManage={canManage} />}
      />
      {shell.brand ? (
        // useSearchParams needs a boundary; the table renders its own skeleton.
        <Suspense>
          <MessagesTable canManage={canManage} />
        </Suspense>
      ) : (
        <NoBrand hint={t("messages.description")} />
      )}
    </>
  );
}
