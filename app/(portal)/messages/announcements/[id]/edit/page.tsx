/** Editing a draft or an unpublished announcement (admins, marketing). */
import type { Metadata } from "next";
import { z } from "zod";
import { Forbidden } from "@/components/shell/forbidden";
import { EmptyState } from "@/components/ui/empty-state";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { EditAnnouncement } from "../../_components/editor-pages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("announcements.edit.title") };
}

export default async function EditAnnouncementPage({ params }: { params: Promise<{ id: string }> }) {
  const { allowed } = await requirePermission("message.manage");
  if (!allowed) return <Forbidden />;
  const { id } = await params;
  const t = await getT();
  if (!z.uuid().safeParse(id).success) return <EmptyState title={t("announcements.notFound")} />;
  return <EditAnnouncement id={id} />;
}
