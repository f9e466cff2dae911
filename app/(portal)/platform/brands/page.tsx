/** Platform → Brands: every brand (tenant) of the installation, for platform admins only. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { BrandsTable } from "./_components/brands-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("platformBrands.title") };
}

export default async function PlatformBrandsPage() {
  const { allowed } = await requirePermission("platform.brands");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold tracking-tight">{t("platformBrands.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("platformBrands.description")}</p>
      </header>
      {/* useSearchParams needs a boundary; the table renders its own skeleton. */}
      <Suspense>
        <BrandsTable />
      </Suspense>
    </div>
  );
}
