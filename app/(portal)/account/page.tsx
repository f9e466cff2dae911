import type { Metadata } from "next";
import { AccountOverview } from "@/components/account/account-overview";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("account.title") };
}

export default async function AccountPage() {
  const { allowed } = await requirePermission("account.self");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader title={t("account.title")} description={t("account.description")} />
      <AccountOverview />
    </>
  );
}
