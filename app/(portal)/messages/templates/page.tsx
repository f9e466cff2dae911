/** Message templates (readers see them; writers change them): the brand's own, the automatic messages, the segments. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { TemplatesTabs } from "@/components/messages/templates/templates-tabs";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { BackToMessages } from "@/components/messages/back-to-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("messages.templates.title") };
}

export default async function MessageTemplatesPage() {
  const { shell, allowed } = await requirePermission("message.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <BackToMessages label={t("messages.header.back")} />
      <PageHeader className="mb-4" title={t("messages.templates.title")} description={t("messages.templates.description")} />
      {shell.brand ? (
        // useSearchParams (the tab) needs a boundary.
        <Suspense>
          <TemplatesTabs canManage={shell.permissions.includes("message.manage")} />
        </Suspense>
      ) : (
        <NoBrand hint={t("messages.templates.description")} />
      )}
    </>
  );
}
