/** One announcement: when it runs, for whom, each language as customers see it; publish, unpublish, delete a draft. */
import type { Metadata } from "next";
import { z } from "zod";
import { Forbidden } from "@/components/shell/forbidden";
import { EmptyState } from "@/components/ui/empty-state";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { AnnouncementView } from "../_components/announcement-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("announcements.title") };
}

export default async function AnnouncementPage({ params }: { params: Promise<{ id: string }> }) {
  const { shell, allowed } = await requirePermission("message.read");
  if (!allowed) return <Forbidden />;
  const { id } = await params;
  const t = await getT();
  if (!z.uuid().safeParse(id).success) return <EmptyState title={t("announcements.notFound")} />;
  return <AnnouncementView id={id} canManage={shell.permissions.includes("message.manage")} />;
}
