/** The brand's sub-account API keys: find, filter (including unbound trade/withdraw keys), export; managers act per key. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { ApiKeysTable } from "./_components/api-keys-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("apiKeys.title") };
}

export default async function ApiKeysPage() {
  const { shell, allowed } = await requirePermission("apikey.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("apiKeys.title")} description={t("apiKeys.description")} />
      {/* useSearchParams needs a boundary; the table renders its own skeleton. */}
      <Suspense>
        <ApiKeysTable canManage={shell.permissions.includes("apikey.manage")} />
      </Suspense>
    </>
  );
}
