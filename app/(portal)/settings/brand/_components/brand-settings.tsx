"use client";
/**
 * Loads the current brand's settings and lays out the page's cards: the settings form (with the logo
 * card inside it), and the exchange (OKX) and exchange files cards, which load and save on their own. Handles loading, load
 * errors and the case where the cached settings belong to another brand (a platform admin just switched
 * brands).
 */
import { useQuery } from "@tanstack/react-query";
import { Eye } from "lucide-react";
import { useEffect } from "react";
import { LoadError } from "@/components/load-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { BrandSettingsForm } from "./brand-settings-form";
import { ExchangeCard } from "./exchange-card";
import { LogoCard } from "./logo-card";
import { RebateFilesCard } from "./rebate-files-card";

export function BrandSettingsView({ brandId, canManage }: { brandId: string; canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.brand.get.queryOptions());
  const { data, refetch } = query;
  // The query key has no brand in it: after a brand switch the cache may still hold the previous one.
  const otherBrand = Boolean(data && data.id !== brandId);
  useEffect(() => {
    if (otherBrand) void refetch();
  }, [otherBrand, refetch]);

  let body: React.ReactNode;
  if (data && !otherBrand) {
    body = (
      <BrandSettingsForm
        key={data.id}
        brand={data}
        canManage={canManage}
        logo={<LogoCard brand={data} canManage={canManage} />}
      />
    );
  } else if (query.isError && !query.isFetching) {
    body = (
      <LoadError title={t("brandSettings.loadError")} error={query.error} onRetry={() => void refetch()} />
    );
  } else {
    body = <SettingsSkeleton />;
  }

  return (
    <div className="grid max-w-4xl gap-6">
      {!canManage && (
        <Alert>
          <Eye />
          <AlertDescription>{t("brandSettings.readOnly")}</AlertDescription>
        </Alert>
      )}
      {body}
      <ExchangeCard canManage={canManage} />
      <RebateFilesCard canManage={canManage} />
    </div>
  );
}

function SettingsSkeleton() {
  const t = useT();
  return (
    <div className="grid gap-6" aria-busy="true">
      <span className="sr-only" role="status">
        {t("common.loading")}
      </span>
      {[3, 2, 1, 1].map((fields, card) => (
        <div key={card} className="grid gap-5 rounded-xl border bg-card p-6">
          <div className="grid gap-2">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-3 w-64" />
          </div>
          {Array.from({ length: fields }, (_, i) => (
            <div key={i} className="grid gap-2">
              <Skeleton className="h-3 w-24" />
              <Skeleton className="h-9 w-full max-w-md" />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
