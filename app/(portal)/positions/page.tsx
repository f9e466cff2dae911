/** Every customer's open positions on the exchange (exchange.read), largest exposure first, with CSV export. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { BrandPositions } from "./_components/brand-positions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("exchangeAccounts.positionsPage.title") };
}

export default async function PositionsPage() {
  const { shell, allowed } = await requirePermission("exchange.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("exchangeAccounts.positionsPage.title")} description={t("exchangeAccounts.positionsPage.description")} />
      {shell.brand ? (
        // useSearchParams needs a boundary; the table renders its own skeleton.
        <Suspense>
          <BrandPositions canAct={shell.permissions.includes("exchange.act")} />
        </Suspense>
      ) : (
        <NoBrand hint={t("exchangeAccounts.positionsPage.description")} />
      )}
    </>
  );
}
