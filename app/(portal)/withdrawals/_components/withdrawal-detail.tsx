"use client";
/**
 * One withdrawal: what, for whom, where to; our state and the exchange's; who asked and who decided;
 * its history from the audit log. An approver who did not ask for it approves or rejects it; Cancel is
 * offered while it can still be cancelled (ours before sending, the exchange's while it holds it).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, ArrowUpFromLine } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { LoadError } from "@/components/load-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { WithdrawalRow } from "@/server/withdrawals/types";
import { useOkxStateLabel, WithdrawalStateBadge } from "./state-badge";

type Decision = "approve" | "reject" | "cancel" | null;

export function WithdrawalDetail({ id, me, canApprove, canCancel }: { id: string; me: string; canApprove: boolean; canCancel: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.withdrawal.get.queryOptions({ id }, { refetchInterval: (q) => (q.state.data && ["queued", "sending", "sent"].includes(q.state.data.state) ? 5000 : false) }));
  const history = useQuery(trpc.withdrawal.history.queryOptions({ id }, { refetchInterval: 5000 }));
  const back = (
    <Link href="/withdrawals" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
      <ArrowLeft className="size-4" />
      {t("withdrawals.detail.back")}
    </Link>
  );
  if (query.isPending)
    return (
      <div className="grid gap-4" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  if (query.isError) {
    const code = describeTrpcError(query.error, t).code;
    return (
      <div className="grid gap-4">
        {back}
        {code === "NOT_FOUND" || code === "BAD_REQUEST" ? (
          <EmptyState icon={ArrowUpFromLine} title={t("withdrawals.detail.notFound")} />
        ) : (
          <LoadError title={t("withdrawals.loadError")} error={query.error} onRetry={() => void query.refetch()} />
        )}
      </div>
    );
  }
  const w = query.data;
  return (
    <div className="flex flex-col gap-4">
      {back}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tabular-nums">
          {w.amount} {w.ccy}
        </h1>
        <WithdrawalStateBadge state={w.state} />
        {w.riskEventId && (
          <Link href={`/risk/events/${w.riskEventId}`} title={t("risk.heldByRiskHint")} className="text-sm text-destructive underline-offset-4 hover:underline">
            {t("risk.heldByRisk")}
          </Link>
        )}
        <Actions w={w} me={me} canApprove={canApprove} canCancel={canCancel} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Summary w={w} />
        <Card>
          <CardHeader>
            <CardTitle>{t("withdrawals.detail.history")}</CardTitle>
          </CardHeader>
          <CardContent>
            {history.isPending ? (
              <Skeleton className="h-24" />
            ) : history.isError ? (
              <LoadError title={t("withdrawals.loadError")} error={history.error} onRetry={() => void history.refetch()} />
            ) : history.data.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("withdrawals.detail.noHistory")}</p>
            ) : (
              <HistoryList events={history.data} />
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

function HistoryList({ events }: { events: { id: string; action: string; at: Date; actor: string; note: string | null }[] }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  return (
    <ol className="grid gap-3 text-sm" data-testid="withdrawal-history">
      {events.map((e) => (
        <li key={e.id} className="grid gap-0.5 border-l-2 pl-3">
          <span className="font-medium">{t(`withdrawals.history.${e.action.replace(".", "_")}` as MessageKey)}</span>
          <span className="text-xs text-muted-foreground">
            {dateTime.format(e.at)} · {e.actor}
          </span>
          {e.note && <span className="text-muted-foreground">{e.note}</span>}
        </li>
      ))}
    </ol>
  );
}

function Summary({ w }: { w: WithdrawalRow }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  const okx = useOkxStateLabel();
  const rows: [string, React.ReactNode][] = [
    [t("withdrawals.columns.customer"), <Link key="c" href={`/customers/${w.customer.id}`} className="underline-offset-4 hover:underline">{`${w.customer.name} · ${w.customer.uid}`}</Link>],
    [t("withdrawals.columns.subAccount"), <span key="s" className="font-mono">{w.subaccount.subAcct}</span>],
    [t("withdrawals.columns.chain"), w.chain],
    [t("withdrawals.columns.address"), <span key="a" className="break-all font-mono text-xs">{w.address}</span>],
    ...(w.tag ? ([[t("withdrawals.columns.tag"), w.tag]] as [string, React.ReactNode][]) : []),
    [t("withdrawals.columns.fee"), w.fee ?? "—"],
    [t("withdrawals.columns.valueUsdt"), w.valueUsdt],
    [t("withdrawals.columns.okxState"), okx(w.okxState) ?? "—"],
    [t("withdrawals.columns.requestedBy"), w.requestedBy?.name ?? (w.partnerKey ? t("withdrawals.detail.requestedByKey", { label: w.partnerKey.label }) : "—")],
    [t("withdrawals.columns.createdAt"), dateTime.format(w.createdAt)],
    [t("withdrawals.columns.approvedBy"), w.approvedBy ? `${w.approvedBy.name}${w.decidedAt ? ` · ${dateTime.format(w.decidedAt)}` : ""}` : "—"],
    [t("withdrawals.columns.sentAt"), w.sentAt ? dateTime.format(w.sentAt) : "—"],
    [t("withdrawals.columns.finishedAt"), w.finishedAt ? dateTime.format(w.finishedAt) : "—"],
    [t("withdrawals.columns.clientId"), <span key="ci" className="font-mono text-xs">{w.clientId}</span>],
    [t("withdrawals.columns.wdId"), <span key="wd" className="font-mono text-xs">{w.wdId ?? "—"}</span>],
    [t("withdrawals.columns.txId"), <span key="tx" className="break-all font-mono text-xs">{w.txId ?? "—"}</span>],
    ...(w.reason ? ([[t("withdrawals.detail.reason"), w.reason]] as [string, React.ReactNode][]) : []),
    ...(w.decisionNote ? ([[t("withdrawals.detail.decisionNote"), w.decisionNote]] as [string, React.ReactNode][]) : []),
    ...(w.cancelReason ? ([[t("withdrawals.detail.cancelReason"), w.cancelReason]] as [string, React.ReactNode][]) : []),
    ...(w.failureKey ? ([[t("withdrawals.detail.failure"), `${t(w.failureKey as MessageKey)}${w.failureDetail ? ` (${w.failureDetail})` : ""}`]] as [string, React.ReactNode][]) : []),
  ];
  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle>{t("withdrawals.detail.summary")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-6 gap-y-2 text-sm" data-testid="withdrawal-summary">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted-foreground">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

function Actions({ w, me, canApprove, canCancel }: { w: WithdrawalRow; me: string; canApprove: boolean; canCancel: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Decision>(null);
  const [note, setNote] = useState("");
  const done = (key: MessageKey) => () => {
    toast.success(t(key));
    setOpen(null);
    setNote("");
    void queryClient.invalidateQueries(trpc.withdrawal.pathFilter());
  };
  const failed = (error: unknown) => toast.error(describeTrpcError(error, t).message);
  const approve = useMutation(trpc.withdrawal.approve.mutationOptions({ onSuccess: done("withdrawals.detail.approved"), onError: failed }));
  const reject = useMutation(trpc.withdrawal.reject.mutationOptions({ onSuccess: done("withdrawals.detail.rejected"), onError: failed }));
  const cancel = useMutation(trpc.withdrawal.cancel.mutationOptions({ onSuccess: done("withdrawals.detail.cancelled"), onError: failed }));
  const own = w.requestedBy?.id === me;
  const decidable = w.state === "pending_approval" && canApprove;
  const pending = approve.isPending || reject.isPending || cancel.isPending;
  const needsReason = open === "reject" || open === "cancel";
  return (
    <div className="ml-auto flex flex-wrap items-center gap-2">
      {decidable && own && <span className="text-sm text-muted-foreground">{t("withdrawals.detail.ownRequest")}</span>}
      {decidable && !own && (
        <>
          <Button size="sm" onClick={() => setOpen("approve")}>
            {t("withdrawals.detail.approve")}
          </Button>
          <Button size="sm" variant="outline" onClick={() => setOpen("reject")}>
            {t("withdrawals.detail.reject")}
          </Button>
        </>
      )}
      {canCancel && w.cancellable && (
        <Button size="sm" variant="outline" onClick={() => setOpen("cancel")}>
          {t("withdrawals.detail.cancel")}
        </Button>
      )}
      <ConfirmDialog
        open={open !== null}
        onOpenChange={(next) => !next && setOpen(null)}
        title={t(open === "approve" ? "withdrawals.detail.approveTitle" : open === "reject" ? "withdrawals.detail.rejectTitle" : "withdrawals.detail.cancelTitle")}
        description={
          <span className="grid gap-3">
            <span>{t(open === "approve" ? "withdrawals.detail.approveHint" : "withdrawals.detail.cancelHint")}</span>
            <span className="grid gap-1.5">
              <Label htmlFor="wd-decision-note">{needsReason ? t("withdrawals.detail.reasonLabel") : t("withdrawals.form.note")}</Label>
              <Textarea id="wd-decision-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            </span>
          </span>
        }
        confirmLabel={t("withdrawals.detail.confirm")}
        cancelLabel={t("withdrawals.form.cancel")}
        destructive={open !== "approve"}
        pending={pending}
        onConfirm={() => {
          if (open === "approve") approve.mutate({ id: w.id, note: note || undefined });
          if (open === "reject") reject.mutate({ id: w.id, reason: note });
          if (open === "cancel") cancel.mutate({ id: w.id, reason: note });
        }}
      />
    </div>
  );
}
