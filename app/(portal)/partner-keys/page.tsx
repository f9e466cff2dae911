/** The brand's partner REST API keys (admins): list, create, edit, rotate, revoke; a link to the API reference. */
import type { Metadata } from "next";
import { BookOpen } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { PartnerKeysTable } from "./_components/partner-keys-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("partnerApi.title") };
}

export default async function PartnerKeysPage() {
  const { shell, allowed } = await requirePermission("partnerkey.manage");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader
        className="mb-4"
        title={t("partnerApi.title")}
        description={t("partnerApi.description")}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/partner-keys/reference">
              <BookOpen />
              {t("partnerApi.referenceLink")}
            </Link>
          </Button>
        }
      />
      {shell.brand ? (
        // useSearchParams needs a boundary; the table renders its own skeleton.
        <Suspense>
          <PartnerKeysTable />
        </Suspense>
      ) : (
        <NoBrand hint={t("partnerApi.description")} />
      )}
    </>
  );
}
