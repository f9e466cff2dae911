"use client";
/**
 * One campaign: its rule, eligibility and status with the actions the caller may take (edit and submit a
 * draft, approve / reject by another admin, pause, resume, end), how automatic campaigns grant, totals (granted, released, expired, remaining budget), the chart of
 * amounts granted over time, its grants (with CSV export) and its CSV uploads ("Upload CSV").
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Download, TriangleAlert, Upload } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { Amount } from "@/components/ui/amount";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { countryName } from "@/lib/countries";
import { useFormat } from "@/lib/hooks/use-format";
import { useLocale, useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { campaignAllows } from "@/lib/bonuses/campaign-actions";
import type { CampaignRow } from "@/server/bonuses/types";
import { CampaignStatusBadge } from "./bonus-badges";
import { CampaignDialog } from "./campaign-dialog";
import { CampaignUploads } from "./campaign-uploads";
import { CsvUploadDialog } from "./csv-upload-dialog";
import { GrantedChart } from "./granted-chart";
import { GrantsTable } from "./grants-table";
import { ReasonActionDialog } from "./reason-action-dialog";

interface CampaignViewProps {
  id: string;
  selfId: string;
  canManage: boolean;
  canApprove: boolean;
}

const PAGE_SIZE = 20;

export function CampaignView({ id, selfId, canManage, canApprove }: CampaignViewProps) {
  const t = useT();
  const trpc = useTRPC();
  const campaign = useQuery(trpc.bonus.campaign.get.queryOptions({ id }));
  if (campaign.isPending) {
    return (
      <div className="grid gap-3" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-10 w-1/3" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }
  if (campaign.isError) {
    const { message, code } = describeTrpcError(campaign.error, t);
    return <EmptyState icon={TriangleAlert} title={code === "NOT_FOUND" ? t("bonuses.campaign.notFound") : t("bonuses.loadError")} description={message} />;
  }
  return <Campaign campaign={campaign.data} selfId={selfId} canManage={canManage} canApprove={canApprove} />;
}

function Campaign({ campaign: c, selfId, canManage, canApprove }: { campaign: CampaignRow; selfId: string; canManage: boolean; canApprove: boolean }) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const locale = useLocale();
  // The period with its time zone named ("GMT+8"): the reader's, the one the form's dates were entered in.
  const zoned = useMemo(() => new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }), [locale]);
  const [page, setPage] = useState(1);
  const [uploading, setUploading] = useState(false);
  const [editing, setEditing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [ending, setEnding] = useState(false);
  const stats = useQuery(trpc.bonus.campaign.stats.queryOptions({ id: c.id }));
  const groups = useQuery({ ...trpc.customerGroup.list.queryOptions(), enabled: c.eligibleGroupIds.length > 0 });
  const groupNames = c.eligibleGroupIds.map((gid) => groups.data?.find((g) => g.id === gid)?.name ?? "…");
  const grants = useQuery({ ...trpc.bonus.grant.list.queryOptions({ campaignId: c.id, page, pageSize: PAGE_SIZE, dir: "desc" }), placeholderData: keepPreviousData });
  const reload = () => queryClient.invalidateQueries(trpc.bonus.pathFilter());
  /** Each step's success says what changed, from the answer (a submit under the threshold goes live at once). */
  const handlers = <R,>(said: (result: R) => string) => ({
    onSuccess: (result: R) => {
      toast.success(said(result));
      setEnding(false);
      void reload();
    },
    onError: (error: unknown) => {
      toast.error(describeTrpcError(error, t).message);
      void reload();
    },
  });
  const named = (key: "submitted" | "live" | "approved" | "paused" | "resumed" | "ended") => (r: CampaignRow) =>
    t(`bonuses.campaign.toast.${key}`, { name: r.name });
  const submit = useMutation(
    trpc.bonus.campaign.submit.mutationOptions(handlers((r: CampaignRow) => named(r.status === "active" ? "live" : "submitted")(r))),
  );
  const approve = useMutation(trpc.bonus.campaign.approve.mutationOptions(handlers(named("approved"))));
  const pause = useMutation(trpc.bonus.campaign.pause.mutationOptions(handlers(named("paused"))));
  const resume = useMutation(trpc.bonus.campaign.resume.mutationOptions(handlers(named("resumed"))));
  const end = useMutation(trpc.bonus.campaign.end.mutationOptions(handlers(named("ended"))));
  const reject = useMutation(trpc.bonus.campaign.reject.mutationOptions());
  const ref = { id: c.id, version: c.version };
  const ownRequest = c.requestedBy?.id === selfId;
  const pages = Math.max(1, Math.ceil((grants.data?.total ?? 0) / PAGE_SIZE));
  const s = stats.data;

  const totals: [string, string][] = [
    [t("bonuses.campaign.budget"), c.budget],
    [t("bonuses.campaign.granted"), s?.granted ?? c.granted],
    [t("bonuses.campaign.released"), s?.released ?? c.released],
    [t("bonuses.campaign.expired"), s?.expired ?? c.expired],
    [t("bonuses.campaign.revoked"), s?.revoked ?? c.revoked],
    [t("bonuses.campaign.remaining"), s?.remainingBudget ?? c.remainingBudget],
  ];

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="grid gap-1">
          <Button asChild variant="ghost" size="sm" className="w-fit px-0">
            <Link href="/bonuses">
              <ArrowLeft />
              {t("bonuses.campaign.back")}
            </Link>
          </Button>
          <h1 className="flex items-center gap-2 text-xl font-semibold">
            {c.name} <CampaignStatusBadge status={c.status} />
          </h1>
          <p className="text-sm text-muted-foreground">
            {t(`bonuses.types.${c.type}`)} · {c.amountRule === "fixed" ? f.money(c.fixedAmount ?? "", c.currency) : `${c.percent}% ≤ ${f.money(c.capAmount ?? "", c.currency)}`} ·{" "}
            {c.withdrawable ? t("bonuses.withdrawable") : t("bonuses.nonWithdrawable")} ·{" "}
            {c.validityDays ? t("bonuses.campaign.days", { days: c.validityDays }) : t("bonuses.campaign.noExpiry")}
          </p>
          <p className="text-sm text-muted-foreground">
            {t("bonuses.campaign.eligibility")}:{" "}
            {[
              c.eligibleGroupIds.length ? t("bonuses.campaign.inGroups", { groups: groupNames.join(", ") }) : t("bonuses.campaign.allGroups"),
              c.eligibleCountries.length ? c.eligibleCountries.map((code) => countryName(code, locale)).join(", ") : t("bonuses.campaign.allCountries"),
              t("bonuses.campaign.kycAtLeast", { level: c.minKycLevel }),
            ].join(" · ")}
          </p>
          <p className="text-sm text-muted-foreground" data-testid="campaign-period">
            {t("bonuses.campaign.period", { start: zoned.format(c.startsAt), end: c.endsAt ? zoned.format(c.endsAt) : t("bonuses.campaign.noEnd") })}
          </p>
          {(c.type === "registration" || c.type === "first_deposit") && (
            <p className="text-sm text-muted-foreground">{t(`bonuses.campaign.auto.${c.type}`, { currency: c.currency })}</p>
          )}
          <p className="text-xs text-muted-foreground">
            {c.requestedBy && t("bonuses.campaign.requestedBy", { name: c.requestedBy.name })}
            {c.approvedBy && ` · ${t("bonuses.campaign.approvedBy", { name: c.approvedBy.name })}`}
          </p>
          {c.status === "pending_approval" && (
            // Who it waits on and everything else pending is in the approvals inbox.
            <Link href={ownRequest ? "/approvals?view=mine" : "/approvals?kind=bonus.campaign"} className="w-fit text-sm font-medium text-primary underline-offset-4 hover:underline">
              {t("bonusApprovals.inInbox")}
            </Link>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          {/* Only what the campaign's status allows: the server's own table (lib/bonuses/campaign-actions.ts). */}
          {canManage && campaignAllows(c.status, "edit") && (
            <Button size="sm" variant="outline" onClick={() => setEditing(true)}>
              {t("bonuses.campaign.edit")}
            </Button>
          )}
          {canManage && campaignAllows(c.status, "submit") && (
            <Button size="sm" pending={submit.isPending} onClick={() => submit.mutate(ref)}>
              {t("bonuses.campaign.submit")}
            </Button>
          )}
          {canApprove && campaignAllows(c.status, "approve") && !ownRequest && (
            <>
              <Button size="sm" pending={approve.isPending} onClick={() => approve.mutate({ id: c.id })}>
                {t("bonuses.campaign.approve")}
              </Button>
              <Button size="sm" variant="outline" onClick={() => setRejecting(true)}>
                {t("bonuses.campaign.reject")}
              </Button>
            </>
          )}
          {canApprove && campaignAllows(c.status, "approve") && ownRequest && <p className="text-sm text-muted-foreground">{t("bonuses.campaign.ownRequest")}</p>}
          {canManage && campaignAllows(c.status, "pause") && (
            <Button size="sm" variant="outline" pending={pause.isPending} onClick={() => pause.mutate(ref)}>
              {t("bonuses.campaign.pause")}
            </Button>
          )}
          {canManage && campaignAllows(c.status, "resume") && (
            <Button size="sm" variant="outline" pending={resume.isPending} onClick={() => resume.mutate(ref)}>
              {t("bonuses.campaign.resume")}
            </Button>
          )}
          {canManage && campaignAllows(c.status, "end") && (
            <Button size="sm" variant="outline" onClick={() => setEnding(true)}>
              {t("bonuses.campaign.end")}
            </Button>
          )}
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {totals.map(([label, value]) => (
          <div key={label} className="rounded-md border p-3">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="font-mono text-lg tabular-nums">
              <Amount value={value} /> <span className="text-xs text-muted-foreground">{c.currency}</span>
            </dd>
          </div>
        ))}
      </dl>

      <Card className="gap-2 py-4">
        <CardHeader className="px-4">
          <CardTitle className="text-sm">{t("bonuses.campaign.chartTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="px-4">{s ? <GrantedChart series={s.series} currency={c.currency} /> : <Skeleton className="h-44 w-full" />}</CardContent>
      </Card>

      <Card className="gap-2 py-4">
        <CardHeader className="px-4">
          <CardTitle className="text-sm">{t("bonuses.grants.title")}</CardTitle>
          <CardAction className="flex gap-2">
            <Button asChild size="sm" variant="outline">
              <a href={`/api/export/bonusGrants?campaignId=${c.id}`} download>
                <Download />
                {t("bonuses.campaign.exportCsv")}
              </a>
            </Button>
            {canManage && c.status === "active" && (
              <Button size="sm" onClick={() => setUploading(true)}>
                <Upload />
                {t("bonuses.batch.upload")}
              </Button>
            )}
          </CardAction>
        </CardHeader>
        <CardContent className="grid gap-3 px-4">
          {grants.isPending ? (
            <Skeleton className="h-24 w-full" />
          ) : grants.isError ? (
            <p className="text-sm text-destructive">{describeTrpcError(grants.error, t).message}</p>
          ) : grants.data.total === 0 ? (
            <p className="text-sm text-muted-foreground">{t("bonuses.grants.empty")}</p>
          ) : (
            <>
              <GrantsTable caption={t("bonuses.grants.title")} rows={grants.data.rows} canManage={canManage} canApprove={canApprove} selfId={selfId} />
              {pages > 1 && (
                <div className="flex items-center justify-end gap-2 text-sm">
                  <span className="text-muted-foreground">{t("bonuses.list.pageOf", { page, pages })}</span>
                  <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                    {t("bonuses.list.previous")}
                  </Button>
                  <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                    {t("bonuses.list.next")}
                  </Button>
                </div>
              )}
            </>
          )}
        </CardContent>
      </Card>

      <CampaignUploads campaignId={c.id} canApprove={canApprove} selfId={selfId} />

      {editing && <CampaignDialog campaign={c} onClose={() => setEditing(false)} />}
      {uploading && <CsvUploadDialog campaignId={c.id} onClose={() => setUploading(false)} />}
      {rejecting && (
        <ReasonActionDialog
          title={t("bonuses.campaign.rejectTitle")}
          description={t("bonuses.campaign.rejectBody", { name: c.name })}
          confirmLabel={t("bonuses.campaign.reject")}
          doneMessage={t("bonuses.campaign.toast.rejected", { name: c.name })}
          destructive
          run={(reason) => reject.mutateAsync({ id: c.id, reason })}
          onClose={() => setRejecting(false)}
        />
      )}
      <ConfirmDialog
        open={ending}
        onOpenChange={setEnding}
        title={t("bonuses.campaign.end")}
        description={t("bonuses.campaign.endConfirm", { name: c.name })}
        confirmLabel={t("bonuses.campaign.end")}
        cancelLabel={t("bonuses.cancel")}
        destructive
        pending={end.isPending}
        onConfirm={() => end.mutate(ref)}
      />
    </div>
  );
}
