/** One message: status, text, audience, progress, statistics and the actions the caller may take. */
import type { Metadata } from "next";
import { z } from "zod";
import { MessageView } from "@/components/messages/message-view";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { EmptyState } from "@/components/ui/empty-state";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("messages.title") };
}

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { shell, allowed } = await requirePermission("message.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  if (!shell.brand) return <NoBrand hint={t("messages.description")} />;
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return <EmptyState title={t("messages.detail.notFound")} />;
  const has = (p: "message.manage" | "message.approve") => shell.permissions.includes(p);
  return <MessageView id={id} selfId={shell.user.id} canManage={has("message.manage")} canApprove={has("message.approve")} />;
}
