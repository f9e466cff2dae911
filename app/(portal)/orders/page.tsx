/** Every customer's open orders on the exchange (exchange.read), newest first, with CSV export. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { BrandOpenOrders } from "./_components/brand-open-orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("exchangeAccounts.ordersPage.title") };
}

export default async function OpenOrdersPage() {
  const { shell, allowed } = await requirePermission("exchange.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("exchangeAccounts.ordersPage.title")} description={t("exchangeAccounts.ordersPage.description")} />
      {shell.brand ? (
        <Suspense>
          <BrandOpenOrders canAct={shell.permissions.includes("exchange.act")} />
        </Suspense>
      ) : (
        <NoBrand hint={t("exchangeAccounts.ordersPage.description")} />
      )}
    </>
  );
}
