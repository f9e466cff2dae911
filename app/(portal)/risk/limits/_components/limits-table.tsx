"use client";
/**
 * The brand's risk limits (few per brand: one page of up to 100, newest first): scope, kind, threshold,
 * window, severity, actions and status; admins create, edit and disable them.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Gauge, Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { LoadError } from "@/components/load-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RISK_KIND_UNIT } from "@/lib/risk/schemas";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { RiskLimitRow } from "@/server/risk/types";
import { LimitDialog } from "./limit-dialog";

export function LimitsTable({ canManage }: { canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.risk.listLimits.queryOptions({ page: 1, pageSize: 100 }));
  const [editing, setEditing] = useState<RiskLimitRow | "new" | null>(null);
  const [disabling, setDisabling] = useState<RiskLimitRow | null>(null);
  const disable = useMutation(
    trpc.risk.disableLimit.mutationOptions({
      onSuccess: () => {
        toast.success(t("risk.limits.disabledToast"));
        setDisabling(null);
        void queryClient.invalidateQueries(trpc.risk.listLimits.pathFilter());
      },
      onError: (error) => {
        toast.error(describeTrpcError(error, t).message);
        setDisabling(null);
        void queryClient.invalidateQueries(trpc.risk.listLimits.pathFilter());
      },
    }),
  );

  const newButton = canManage && (
    <Button size="sm" onClick={() => setEditing("new")}>
      <Plus aria-hidden />
      {t("risk.limits.new")}
    </Button>
  );

  let body: React.ReactNode;
  if (query.isPending) body = <Skeleton className="h-48 w-full" data-testid="risk-limits-loading" />;
  else if (query.isError) body = <LoadError title={t("risk.limits.loadError")} error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.data.rows.length === 0)
    body = <EmptyState icon={Gauge} title={t("risk.limits.empty.title")} description={t("risk.limits.empty.hint")} />;
  else
    body = (
      <div className="rounded-md border">
        <Table aria-label={t("risk.limits.title")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("risk.limits.columns.scope")}</TableHead>
              <TableHead>{t("risk.limits.columns.kind")}</TableHead>
              <TableHead className="text-right">{t("risk.limits.columns.threshold")}</TableHead>
              <TableHead>{t("risk.limits.columns.window")}</TableHead>
              <TableHead>{t("risk.limits.columns.severity")}</TableHead>
              <TableHead>{t("risk.limits.columns.actions")}</TableHead>
              <TableHead>{t("risk.limits.columns.status")}</TableHead>
              {canManage && <TableHead />}
            </TableRow>
          </TableHeader>
          <TableBody>
            {query.data.rows.map((l) => (
              <TableRow key={l.id} data-state={l.enabled ? undefined : "disabled"}>
                <TableCell>
                  {t(`risk.scopes.${l.scope}`)}
                  {l.scopeLabel && <span className="ml-1.5 text-muted-foreground">{l.scopeLabel}</span>}
                </TableCell>
                <TableCell title={t(`risk.kindHints.${l.kind}`)}>{t(`risk.kinds.${l.kind}`)}</TableCell>
                <TableCell className="text-right tabular-nums">{t(`risk.units.${RISK_KIND_UNIT[l.kind]}`, { value: l.threshold })}</TableCell>
                <TableCell className="tabular-nums">{t("risk.limits.windowMinutes", { n: l.windowMinutes })}</TableCell>
                <TableCell>
                  <Badge variant={l.severity === "high" ? "destructive" : "secondary"}>{t(`risk.severities.${l.severity}`)}</Badge>
                </TableCell>
                <TableCell className="max-w-72 whitespace-normal">{l.actions.map((a) => t(`risk.actions.${a}`)).join(", ")}</TableCell>
                <TableCell>{l.enabled ? t("risk.limits.enabled") : <span className="text-muted-foreground">{t("risk.limits.disabled")}</span>}</TableCell>
                {canManage && (
                  <TableCell className="text-right whitespace-nowrap">
                    <Button size="sm" variant="ghost" onClick={() => setEditing(l)}>
                      {t("risk.limits.edit")}
                    </Button>
                    {l.enabled && (
                      <Button size="sm" variant="ghost" onClick={() => setDisabling(l)}>
                        {t("risk.limits.disable")}
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    );

  return (
    <div className="flex flex-col gap-3">
      {newButton && <div className="flex justify-end">{newButton}</div>}
      {body}
      {editing && <LimitDialog limit={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={disabling !== null}
        onOpenChange={(open) => !open && setDisabling(null)}
        title={t("risk.limits.disableTitle")}
        description={t("risk.limits.disableBody")}
        confirmLabel={t("risk.limits.disable")}
        cancelLabel={t("risk.form.cancel")}
        destructive
        pending={disable.isPending}
        onConfirm={() => disabling && disable.mutate({ id: disabling.id, version: disabling.version })}
      />
    </div>
  );
}
