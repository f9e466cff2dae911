"use client";
/**
 * The review page of one application. Everything the caller may do comes from the server's `allowed`
 * (computed by the same rules the server enforces), so nothing is offered that would be refused. Every
 * step sends the version shown; when the application changed meanwhile a banner says so and the page
 * shows the latest state.
 */
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, FileQuestion, TriangleAlert, X } from "lucide-react";
import Link from "next/link";
import { useCallback, useState } from "react";
import { KycStatusBadge } from "@/components/kyc/kyc-status-badge";
import { useKycText } from "@/components/kyc/use-kyc-text";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { KycApplicationDetail } from "@/server/kyc/types";
import { KycActions } from "./kyc-actions";
import { KycDocuments } from "./kyc-documents";
import { ApplicationCard, CustomerCard, StatusCard } from "./kyc-facts";
import { KycHistory } from "./kyc-history";
import { KycStateNotice } from "./kyc-state-notice";
import { useKycSteps } from "./use-kyc-steps";

const LONG_STALE = 5 * 60_000;

interface KycReviewProps {
  id: string;
  currentUserId: string;
  /** Compliance reviewers see why they cannot approve yet; other desks only follow the application. */
  canReview: boolean;
}

export function KycReview({ id, currentUserId, canReview }: KycReviewProps) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.kyc.get.queryOptions({ id }));

  if (query.data) return <ReviewLoaded app={query.data} currentUserId={currentUserId} canReview={canReview} refreshing={query.isFetching} />;
  if (query.isError) {
    const { code, message } = describeTrpcError(query.error, t);
    return (
      <div className="flex flex-col gap-4">
        <BackToQueue />
        {code === "NOT_FOUND" ? (
          <EmptyState icon={FileQuestion} title={t("kyc.review.notFound")} description={t("kyc.review.notFoundHint")} />
        ) : (
          <EmptyState
            icon={TriangleAlert}
            title={t("kyc.review.loadError")}
            description={message}
            action={
              <Button variant="outline" size="sm" onClick={() => void query.refetch()}>
                {t("common.retry")}
              </Button>
            }
          />
        )}
      </div>
    );
  }
  return <ReviewSkeleton />;
}

function ReviewLoaded({ app, currentUserId, canReview, refreshing }: Omit<KycReviewProps, "id"> & { app: KycApplicationDetail; refreshing: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const text = useKycText();
  const reasons = useQuery(trpc.kyc.reasons.queryOptions(undefined, { staleTime: LONG_STALE })).data;
  const slaHours = useQuery(trpc.kyc.settings.queryOptions(undefined, { staleTime: LONG_STALE })).data?.slaHours;
  const [conflict, setConflict] = useState<string | null>(null);
  const steps = useKycSteps(app.id, app.customer.id, useCallback((message: string) => setConflict(message), []));

  return (
    <div className="flex flex-col gap-4" aria-busy={refreshing || undefined}>
      <BackToQueue />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid min-w-0 gap-1.5">
          <h1 className="truncate text-xl font-semibold tracking-tight">{t("kyc.review.heading", { name: app.customerName })}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <KycStatusBadge status={app.status} />
            <Badge variant="outline" className="font-normal">
              {text.level(app.level)}
            </Badge>
            <span>{t(`kyc.scenario.${app.scenario}`)}</span>
            <span aria-hidden>·</span>
            <span className="font-mono text-xs">{app.customerUid}</span>
          </div>
        </div>
        <KycActions
          app={app}
          steps={steps}
          reasons={reasons}
          currentUserId={currentUserId}
          canReview={canReview}
          onStep={() => setConflict(null)}
        />
      </div>

      <KycStateNotice app={app} currentUserId={currentUserId} />

      {conflict && (
        <Alert variant="warning" role="alert" className="pr-12">
          <TriangleAlert aria-hidden />
          <AlertTitle>{t("kyc.conflict.title")}</AlertTitle>
          <AlertDescription>{conflict}</AlertDescription>
          <Button
            variant="ghost"
            size="icon-sm"
            className="absolute top-2 right-2 size-7"
            aria-label={t("kyc.conflict.dismiss")}
            onClick={() => setConflict(null)}
          >
            <X />
          </Button>
        </Alert>
      )}

      {/* Documents beside what the applicant declared: both in view at once on a desktop screen. */}
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <KycDocuments app={app} />
          <KycHistory events={app.events} reasons={reasons} />
        </div>
        <div className="flex min-w-0 flex-col gap-4" data-testid="kyc-declared-column">
          <ApplicationCard app={app} />
          <StatusCard app={app} currentUserId={currentUserId} slaHours={slaHours} reasons={reasons} />
          <CustomerCard customer={app.customer} />
        </div>
      </div>
    </div>
  );
}

function BackToQueue() {
  const t = useT();
  return (
    <Button asChild variant="ghost" size="sm" className="-ml-2 w-fit text-muted-foreground">
      <Link href="/kyc">
        <ArrowLeft />
        {t("kyc.review.back")}
      </Link>
    </Button>
  );
}

/** The page's shape while the first answer comes, so nothing jumps when it arrives. */
function ReviewSkeleton() {
  const t = useT();
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <span className="sr-only" role="status">
        {t("common.loading")}
      </span>
      <Skeleton className="h-8 w-28" />
      <div className="grid gap-2">
        <Skeleton className="h-7 w-72" />
        <Skeleton className="h-5 w-96 max-w-full" />
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex flex-col gap-4">
          <Skeleton className="h-80 rounded-lg" />
          <Skeleton className="h-56 rounded-lg" />
        </div>
        <div className="flex flex-col gap-4">
          <Skeleton className="h-48 rounded-lg" />
          <Skeleton className="h-40 rounded-lg" />
          <Skeleton className="h-64 rounded-lg" />
        </div>
      </div>
    </div>
  );
}
