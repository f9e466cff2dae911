/** Customer groups of the current brand (later issues attach risk limits and bonus eligibility to them). */
import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { GroupsTable } from "./_components/groups-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("customers.groups.title") };
}

export default async function CustomerGroupsPage() {
  const { shell, allowed } = await requirePermission("customer.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="-ml-2 mb-2 text-muted-foreground">
        <Link href="/customers">
          <ArrowLeft />
          {t("customers.title")}
        </Link>
      </Button>
      <PageHeader className="mb-4" title={t("customers.groups.title")} description={t("customers.groups.description")} />
      <GroupsTable canManage={shell.permissions.includes("customer.manage")} />
    </>
  );
}
