/** The brand's message settings: default language, approval threshold, names of the message types. */
import type { Metadata } from "next";
import { BackToMessages } from "@/components/messages/back-to-messages";
import { MessageSettingsForm } from "@/components/messages/settings-form";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("messages.settings.title") };
}

export default async function MessageSettingsPage() {
  const { shell, allowed } = await requirePermission("message.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <BackToMessages label={t("messages.header.back")} />
      <PageHeader className="mb-4" title={t("messages.settings.title")} description={t("messages.settings.description")} />
      {shell.brand ? <MessageSettingsForm canManage={shell.permissions.includes("message.manage")} canApprove={shell.permissions.includes("message.approve")} /> : <NoBrand hint={t("messages.settings.description")} />}
    </>
  );
}
