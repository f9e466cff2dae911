/** Customers of the current brand: find, filter, export; operations also register customers. */
import { FolderTree } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { CustomersTable } from "./_components/customers-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("customers.title") };
}

export default async function CustomersPage() {
  const { shell, allowed } = await requirePermission("customer.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader
        className="mb-4"
        title={t("customers.title")}
        description={t("customers.description")}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/customers/groups">
              <FolderTree />
              {t("customers.groups.title")}
            </Link>
          </Button>
        }
      />
      {/* useSearchParams needs a boundary; the table renders its own skeleton. */}
      <Suspense>
        <CustomersTable canManage={shell.permissions.includes("customer.manage")} canSaveSegment={shell.permissions.includes("message.manage")} />
      </Suspense>
    </>
  );
}
