"use client";
/**
 * The emergency stop's page body: the brand's stop and the global one (state, since when, by whom, why),
 * their trigger / reset buttons for those allowed, and the history of both.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LoadError } from "@/components/load-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EmergencyCancelProgress, EmergencyStopRow } from "@/lib/emergency/schemas";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { EmergencyDialog, type EmergencyChange } from "./emergency-dialog";

/** How cancelling the open orders goes (the stop asked for it): sub-accounts done of all, orders by outcome. */
function CancelProgress({ progress: p }: { progress: EmergencyCancelProgress }) {
  const t = useT();
  return (
    <span className="mt-2 block" data-testid="emergency-cancel-progress">
      <span className="block font-medium text-foreground">{t(`emergency.cancel.${p.outcome}`)}</span>
      {p.startedAt && <span className="block">{t("emergency.cancel.counts", { done: p.done, subaccounts: p.subaccounts, cancelled: p.cancelled, failed: p.failed + p.unknown, skipped: p.skipped })}</span>}
    </span>
  );
}

function StopCard({ title, stop, action, onAction }: { title: string; stop: EmergencyStopRow | null; action: { label: string; change: EmergencyChange } | null; onAction: (c: EmergencyChange) => void }) {
  const t = useT();
  const format = useFormat();
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {title}
          <Badge variant={stop ? "destructive" : "success"}>{t(stop ? "emergency.state.active" : "emergency.state.inactive")}</Badge>
        </CardTitle>
        {stop && (
          <CardDescription>
            <span className="block">{t("emergency.state.since", { time: format.date(stop.triggeredAt), name: stop.triggeredBy })}</span>
            <span className="block">{t("emergency.state.reason", { reason: stop.reason })}</span>
            {stop.cancelProgress && <CancelProgress progress={stop.cancelProgress} />}
          </CardDescription>
        )}
      </CardHeader>
      {action && (
        <CardContent>
          <Button variant={stop ? "default" : "destructive"} onClick={() => onAction(action.change)}>
            {action.label}
          </Button>
        </CardContent>
      )}
    </Card>
  );
}

export function EmergencyPanel({ canManage, canGlobal }: { canManage: boolean; canGlobal: boolean }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  // Every 2 s while open orders are being cancelled (progress), else every 15 s.
  const status = useQuery(
    trpc.emergency.status.queryOptions(undefined, {
      refetchInterval: (q) => ([q.state.data?.brand, q.state.data?.global].some((s) => s?.cancelProgress && ["queued", "running"].includes(s.cancelProgress.outcome)) ? 2_000 : 15_000),
    }),
  );
  const [open, setOpen] = useState<EmergencyChange | null>(null);
  if (status.isPending) return <Skeleton className="h-40 w-full" />;
  if (status.isError) return <LoadError title={t("emergency.loadError")} error={status.error} onRetry={() => void status.refetch()} />;
  const { brand, global, history } = status.data;

  return (
    <div className="grid gap-4">
      <div className="grid gap-4 md:grid-cols-2">
        <StopCard
          title={t("emergency.scopes.brand")}
          stop={brand}
          action={canManage ? { label: t(brand ? "emergency.actions.resetBrand" : "emergency.actions.triggerBrand"), change: brand ? "reset" : "trigger" } : null}
          onAction={setOpen}
        />
        <StopCard
          title={t("emergency.scopes.global")}
          stop={global}
          action={canGlobal ? { label: t(global ? "emergency.actions.resetGlobal" : "emergency.actions.triggerGlobal"), change: global ? "resetGlobal" : "triggerGlobal" } : null}
          onAction={setOpen}
        />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("emergency.history.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          {history.length === 0 ? (
            <p className="text-muted-foreground text-sm">{t("emergency.history.empty")}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("emergency.history.scope")}</TableHead>
                  <TableHead>{t("emergency.history.triggered")}</TableHead>
                  <TableHead>{t("emergency.history.reason")}</TableHead>
                  <TableHead>{t("emergency.history.reset")}</TableHead>
                  <TableHead>{t("emergency.history.resetReason")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {history.map((h) => (
                  <TableRow key={h.id}>
                    <TableCell>{t(`emergency.scopes.${h.scope}`)}</TableCell>
                    <TableCell>
                      {format.date(h.triggeredAt)} · {h.triggeredBy}
                    </TableCell>
                    <TableCell className="max-w-64 whitespace-normal">{h.reason}</TableCell>
                    <TableCell>{h.resetAt ? `${format.date(h.resetAt)} · ${h.resetBy ?? "—"}` : t("emergency.history.stillActive")}</TableCell>
                    <TableCell className="max-w-64 whitespace-normal">{h.resetReason ?? "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {open && <EmergencyDialog change={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
