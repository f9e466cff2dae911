/** A new announcement (admins, marketing): saved as a draft. */
import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { NewAnnouncement } from "../_components/editor-pages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("announcements.create.title") };
}

export default async function NewAnnouncementPage() {
  const { shell, allowed } = await requirePermission("message.manage");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return shell.brand ? <NewAnnouncement /> : <NoBrand hint={t("announcements.description")} />;
}
