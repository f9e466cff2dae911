import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { LayoutDashboard, ShieldCheck } from "lucide-react";
import { RiskyApiKeysAlert } from "@/components/api-keys/risky-api-keys-alert";
import { TILE_GRID, TileSkeleton } from "@/components/dashboard/tile-card";
import { PageHeader } from "@/components/shell/page-header";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { getT } from "@/lib/i18n/server";
import { translateDynamic } from "@/lib/i18n/translate";
import { redirectToLogin, requirePermission } from "@/server/auth/require-permission";
import { dashboardContext } from "@/server/dashboard/context";
import { visibleCharts, visibleTiles } from "@/server/dashboard/service";
import { ChartSlot } from "./_components/chart-slot";
import { TileSlot } from "./_components/tile-slot";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("dashboard.title") };
}

/** The caller's desk: the figures that need attention (each opening its list), then the trends. */
export default async function DashboardPage() {
  const { shell, allowed } = await requirePermission("dashboard.view");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  const role = translateDynamic(t, `shell.roles.${shell.user.role}`, shell.user.role);
  const ctx = shell.brand ? await dashboardContext(shell.brand.id) : null;
  if (shell.brand && !ctx) return redirectToLogin();
  const tiles = ctx ? visibleTiles(ctx) : [];
  const charts = ctx ? visibleCharts(ctx) : [];

  return (
    <>
      <PageHeader
        title={t("dashboard.greeting", { name: shell.user.name })}
        description={shell.brand ? t("dashboard.signedInAs", { role, brand: shell.brand.name }) : t("dashboard.signedInAsNoBrand", { role })}
      />

      {!shell.user.totpEnabled && (
        <Alert variant="warning" className="mb-6">
          <ShieldCheck aria-hidden />
          <AlertTitle>{t("dashboard.totpTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("dashboard.totpDescription")}</p>
            <Button asChild size="sm" variant="outline" className="mt-2">
              <Link href="/account">{t("dashboard.totpAction")}</Link>
            </Button>
          </AlertDescription>
        </Alert>
      )}

      {shell.brand && shell.permissions.includes("apikey.read") && <RiskyApiKeysAlert />}

      {!ctx ? (
        <NoBrand hint={t("dashboard.noBrandHint")} />
      ) : tiles.length === 0 && charts.length === 0 ? (
        <EmptyState icon={LayoutDashboard} title={t("dashboard.noTiles")} description={t("dashboard.noTilesHint")} />
      ) : (
        <div className="grid gap-8">
          {tiles.length > 0 && (
            <section aria-labelledby="attention-title" className="grid gap-3">
              <div>
                <h2 id="attention-title" className="text-sm font-semibold">
                  {t("dashboard.attention")}
                </h2>
                <p className="text-sm text-muted-foreground">{t("dashboard.attentionDescription")}</p>
              </div>
              <ul className={TILE_GRID}>
                {tiles.map((tile) => (
                  <li key={tile.id}>
                    <Suspense fallback={<TileSkeleton />}>
                      <TileSlot ctx={ctx} tile={tile} />
                    </Suspense>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {charts.length > 0 && (
            <section aria-labelledby="trends-title" className="grid gap-3">
              <div>
                <h2 id="trends-title" className="text-sm font-semibold">
                  {t("dashboard.trends")}
                </h2>
                <p className="text-sm text-muted-foreground">{t("dashboard.trendsDescription")}</p>
              </div>
              <div className="grid gap-3 lg:grid-cols-2">
                {charts.map((chart) => (
                  <Suspense key={chart.id} fallback={<Skeleton className="h-72 w-full rounded-xl" />}>
                    <ChartSlot ctx={ctx} chart={chart} />
                  </Suspense>
                ))}
              </div>
            </section>
          )}
        </div>
      )}
    </>
  );
}
