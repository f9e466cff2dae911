"use client";
/**
 * One risk event: the rule, the numbers (observed against threshold, the window, the items counted), each
 * action with its per-item results, the withdrawals it holds. Acknowledge and resolve with a note
 * (risk.handle); undo an applied, undoable action with a reason (risk.manage). Snooze the rule for this
 * customer (risk.handle) and see or cancel its active snoozes.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { ReasonConfirmDialog, type ReasonRefusal } from "@/components/customers/reason-confirm-dialog";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { LoadError } from "@/components/load-error";
import { SnoozeDialog } from "@/components/risk/snooze-dialog";
import { SnoozeList } from "@/components/risk/snooze-list";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { RiskActionKey } from "@/lib/risk/schemas";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { RiskEventDetail } from "@/server/risk/types";
import { EventStatusBadge } from "./events-table";

type Pending = { kind: "acknowledge" | "resolve" } | { kind: "undo"; action: RiskActionKey };
/** What a kind counts (server/risk/kinds): withdrawals, deposits, bonus grants. */
type CountedType = "withdrawal" | "deposit" | "bonus_grant" | "position" | "equity";

function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted-foreground">{k}</dt>
          <dd className="tabular-nums">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function EventDetail({ id, canHandle, canUndo }: { id: string; canHandle: boolean; canUndo: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const dateTime = useDateTimeFormat();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.risk.getEvent.queryOptions({ id }));
  const [pending, setPending] = useState<Pending | null>(null);
  const [refusal, setRefusal] = useState<ReasonRefusal | null>(null);
  const [snoozing, setSnoozing] = useState(false);
  const reload = () => queryClient.invalidateQueries(trpc.risk.pathFilter());
  const handlers = {
    onSuccess: () => {
      toast.success(t("risk.detail.done"));
      setPending(null);
      void reload();
    },
    onError: async (error: unknown) => {
      const { message, code } = describeTrpcError(error, t);
      if (code === "CONFLICT") await reload();
      setRefusal({ message, refreshed: code === "CONFLICT" });
    },
  };
  const acknowledge = useMutation(trpc.risk.acknowledgeEvent.mutationOptions(handlers));
  const resolve = useMutation(trpc.risk.resolveEvent.mutationOptions(handlers));
  const undo = useMutation(trpc.risk.undoAction.mutationOptions(handlers));

  if (query.isPending) return <Skeleton className="h-96 w-full" data-testid="risk-event-loading" />;
  if (query.isError) return <LoadError title={t("risk.detail.title")} error={query.error} onRetry={() => void query.refetch()} />;
  const e: RiskEventDetail = query.data;
  const itemDetail = (detail?: string) => (detail ? (detail.startsWith("risk.items.") ? t(detail as MessageKey) : detail) : null);
  const usdt = (value: string) => t("risk.detail.value", { value });
  // "Infinity": an exposure against no equity at all.
  const inUnit = (value: string) => t(`risk.units.${e.numbers.unit ?? "USDT"}`, { value: value === "Infinity" ? "∞" : value });

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {t(`risk.kinds.${e.kind}`)} · {e.customer.name}
            <EventStatusBadge status={e.status} />
          </span>
        }
        description={dateTime.format(e.createdAt)}
        actions={
          canHandle && (
            <div className="flex gap-2">
              {e.status === "open" && (
                <Button variant="outline" onClick={() => setPending({ kind: "acknowledge" })}>
                  {t("risk.detail.acknowledge")}
                </Button>
              )}
              <Button variant="outline" onClick={() => setSnoozing(true)}>
                {t("risk.snooze.button")}
              </Button>
              {e.status !== "resolved" && <Button onClick={() => setPending({ kind: "resolve" })}>{t("risk.detail.resolve")}</Button>}
            </div>
          )
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("risk.detail.numbers")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3">
            <Facts
              rows={[
                [t("risk.detail.observed"), <strong key="o" data-testid="risk-observed">{inUnit(e.numbers.observed)}</strong>],
                [t("risk.detail.threshold"), <span key="t" data-testid="risk-threshold">{inUnit(e.numbers.threshold)}</span>],
                [t("risk.detail.window"), t("risk.detail.windowRange", { from: dateTime.format(new Date(e.numbers.windowStart)), to: dateTime.format(new Date(e.numbers.windowEnd)) })],
              ]}
            />
            <div className="text-sm">
              <p className="mb-1 font-medium">{t("risk.detail.counted")}</p>
              <ul className="grid gap-1">
                {e.numbers.items.map((i) => {
                  // Withdrawals have a page of their own; the rest are named (a position by its instrument) with their time.
                  const label = `${t(`risk.itemTypes.${i.type as CountedType}`)} · ${i.label ? `${i.label} · ` : ""}${dateTime.format(new Date(i.at))}`;
                  return (
                    <li key={`${i.type}:${i.id}`} className="flex justify-between gap-4 tabular-nums" data-testid={`risk-item-${i.type}`}>
                      {i.type === "withdrawal" ? (
                        <Link href={`/withdrawals/${i.id}`} className="underline-offset-4 hover:underline">
                          {label}
                        </Link>
                      ) : (
                        <span>{label}</span>
                      )}
                      <span>{i.value ? usdt(i.value) : t("risk.detail.noValue")}</span>
                    </li>
                  );
                })}
              </ul>
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("risk.detail.rule")}</CardTitle>
          </CardHeader>
          <CardContent>
            <Facts
              rows={[
                [t("risk.limits.columns.scope"), `${t(`risk.scopes.${e.limit.scope}`)}${e.limit.scopeLabel ? ` · ${e.limit.scopeLabel}` : ""}`],
                [t("risk.limits.columns.kind"), t(`risk.kindHints.${e.limit.kind}`)],
                [t("risk.limits.columns.threshold"), e.limit.threshold],
                [t("risk.limits.columns.window"), t("risk.limits.windowMinutes", { n: e.limit.windowMinutes })],
                [t("risk.limits.columns.severity"), t(`risk.severities.${e.severity}`)],
                [t("risk.limits.columns.status"), e.limit.enabled ? t("risk.limits.enabled") : t("risk.limits.disabled")],
              ]}
            />
          </CardContent>
        </Card>
        <RuleSnoozes limitId={e.limitId} customerId={e.customer.id} canHandle={canHandle} />
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("risk.detail.actionsTaken")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            {e.monitorOnly && <p className="text-muted-foreground text-sm">{t("risk.controls.monitorOnlyEvent")}</p>}
            {e.actions.map((a) => (
              <section key={a.action} aria-label={t(`risk.actions.${a.action}`)} className="grid gap-1.5 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{t(`risk.actions.${a.action}`)}</span>
                  <Badge variant={a.status === "failed" ? "destructive" : "secondary"}>{t(`risk.actionStatuses.${a.status}`)}</Badge>
                  {canUndo && a.undoable && a.status === "applied" && !a.undo && (
                    <Button size="sm" variant="outline" onClick={() => setPending({ kind: "undo", action: a.action })}>
                      {t("risk.detail.undo")}
                    </Button>
                  )}
                </div>
                {a.error && <p className="text-destructive">{a.error}</p>}
                {a.items.length === 0 && a.status === "applied" ? (
                  <p className="text-muted-foreground">{t("risk.detail.noItems")}</p>
                ) : (
                  <ul className="grid gap-0.5">
                    {a.items.map((i) => (
                      <li key={`${i.type}:${i.id}`} className="flex flex-wrap gap-2">
                        <span>{t(`risk.itemTypes.${i.type as "withdrawal"}`)}</span>
                        <span className="font-mono text-xs text-muted-foreground">{i.id.slice(0, 8)}</span>
                        <span>{t(`risk.itemResults.${i.result}`)}</span>
                        {itemDetail(i.detail) && <span className="text-muted-foreground">— {itemDetail(i.detail)}</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {a.undo && <p className="text-muted-foreground">{t("risk.detail.undone", { by: a.undo.byName, at: dateTime.format(new Date(a.undo.at)), reason: a.undo.reason })}</p>}
              </section>
            ))}
            {e.acknowledged && <p className="text-sm text-muted-foreground">{t("risk.detail.acknowledgedBy", { by: e.acknowledged.by, at: dateTime.format(e.acknowledged.at) })}{e.acknowledged.note ? `: ${e.acknowledged.note}` : ""}</p>}
            {e.resolved && <p className="text-sm text-muted-foreground">{t("risk.detail.resolvedBy", { by: e.resolved.by, at: dateTime.format(e.resolved.at) })}{e.resolved.note ? `: ${e.resolved.note}` : ""}</p>}
          </CardContent>
        </Card>
        {e.heldWithdrawals.length > 0 && (
          <Card className="lg:col-span-2">
            <CardHeader>
              <CardTitle>{t("risk.detail.held")}</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="grid gap-1 text-sm">
                {e.heldWithdrawals.map((w) => (
                  <li key={w.id} className="flex justify-between gap-4 tabular-nums">
                    <Link href={`/withdrawals/${w.id}`} className="underline-offset-4 hover:underline">
                      {w.amount} {w.ccy}
                    </Link>
                    <span className="text-muted-foreground">{t(`withdrawals.states.${w.state as "queued"}`)}</span>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        )}
      </div>
      {snoozing && <SnoozeDialog limitId={e.limitId} customer={e.customer} onClose={() => setSnoozing(false)} />}
      {pending && (
        <ReasonConfirmDialog
          title={pending.kind === "undo" ? t("risk.detail.undoTitle", { action: t(`risk.actions.${pending.action}`) }) : t(pending.kind === "acknowledge" ? "risk.detail.acknowledgeTitle" : "risk.detail.resolveTitle")}
          description={pending.kind === "undo" ? t("risk.detail.undoHint") : t("risk.detail.note")}
          confirmLabel={t("risk.detail.confirm")}
          pending={acknowledge.isPending || resolve.isPending || undo.isPending}
          refusal={refusal}
          onClose={() => {
            setPending(null);
            setRefusal(null);
          }}
          onConfirm={(text) => {
            setRefusal(null);
            if (pending.kind === "acknowledge") acknowledge.mutate({ id: e.id, version: e.version, note: text });
            else if (pending.kind === "resolve") resolve.mutate({ id: e.id, version: e.version, note: text });
            else if (pending.kind === "undo") undo.mutate({ id: e.id, version: e.version, action: pending.action, reason: text });
          }}
        />
      )}
    </>
  );
}

/** The active snoozes of this event's rule for its customer. */
function RuleSnoozes({ limitId, customerId, canHandle }: { limitId: string; customerId: string; canHandle: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.risk.listSnoozes.queryOptions({ customerId, limitId }));
  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle>{t("risk.snooze.activeTitle")}</CardTitle>
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <Skeleton className="h-10 w-full" />
        ) : query.isError ? (
          <LoadError title={t("risk.snooze.activeTitle")} error={query.error} onRetry={() => void query.refetch()} className="border-0" />
        ) : (
          <SnoozeList snoozes={query.data} canHandle={canHandle} empty={t("risk.snooze.none")} />
        )}
      </CardContent>
    </Card>
  );
}
