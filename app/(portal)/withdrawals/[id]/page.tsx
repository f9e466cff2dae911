/** One withdrawal: its summary, its history, and Approve / Reject / Cancel for those who may. */
import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { WithdrawalDetail } from "../_components/withdrawal-detail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("withdrawals.title") };
}

export default async function WithdrawalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { shell, allowed } = await requirePermission("withdrawal.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  if (!shell.brand) return <NoBrand hint={t("withdrawals.description")} />;
  return (
    <WithdrawalDetail
      id={id}
      me={shell.user.id}
      canApprove={shell.permissions.includes("withdrawal.approve")}
      canCancel={shell.permissions.includes("withdrawal.request")}
    />
  );
}
