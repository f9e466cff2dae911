/** One risk event: the rule, the numbers, the actions and their per-item results; acknowledge, resolve, undo. */
import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { EventDetail } from "../_components/event-detail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("risk.events.title") };
}

export default async function RiskEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { shell, allowed } = await requirePermission("risk.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  if (!shell.brand) return <NoBrand hint={t("risk.events.description")} />;
  return <EventDetail id={id} canHandle={shell.permissions.includes("risk.handle")} canUndo={shell.permissions.includes("risk.manage")} />;
}
