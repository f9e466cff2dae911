"use client";
/**
 * Settings → Brand → Exchange (OKX): where the brand's exchange calls go, the masked key, the last test;
 * for brand.manage also the credentials form, Test connection and Remove. Saves on its own, apart from
 * the settings form's Save (secrets never sit in a form that is kept around unsaved).
 */
import { useQuery } from "@tanstack/react-query";
import { Eye, KeyRound, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { ExchangeCredentialsForm } from "./exchange-credentials-form";
import { ExchangeRemove } from "./exchange-remove";
import { ExchangeStatus } from "./exchange-status";
import { ExchangeTest } from "./exchange-test";

export function ExchangeCard({ canManage }: { canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.brand.exchangeCredentials.queryOptions());
  const { data } = query;

  let body: React.ReactNode;
  if (data) {
    // Keyed by the stored key's age: after a save or removal the form and the test outcome start afresh.
    const version = String(data.updatedAt?.getTime() ?? 0);
    body = (
      <>
        <ExchangeStatus view={data} />
        {canManage ? (
          <>
            <ExchangeTest key={`test-${version}`}>{data.configured && <ExchangeRemove />}</ExchangeTest>
            <Separator />
            <ExchangeCredentialsForm key={`form-${version}`} configured={data.configured} mode={data.mode} />
          </>
        ) : (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <Eye aria-hidden className="size-4" />
            {t("exchange.readOnly")}
          </p>
        )}
      </>
    );
  } else if (query.isError && !query.isFetching) {
    body = (
      <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-destructive">
        <TriangleAlert aria-hidden className="size-4" />
        <span>
          {t("exchange.loadError")} {describeTrpcError(query.error, t).message}
        </span>
        <Button variant="outline" size="sm" onClick={() => void query.refetch()}>
          {t("common.retry")}
        </Button>
      </div>
    );
  } else {
    body = (
      <div className="grid gap-3" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-5 w-48" />
        <Skeleton className="h-4 w-72" />
        <Skeleton className="h-4 w-56" />
      </div>
    );
  }

  return (
    <Card data-testid="exchange-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <KeyRound aria-hidden className="size-4 text-muted-foreground" />
          {t("exchange.title")}
        </CardTitle>
        <CardDescription>{t("exchange.description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">{body}</CardContent>
    </Card>
  );
}
