"use client";
/**
 * The KYC settings page: the rejection reasons (a small table with an add/edit dialog and an active
 * switch per reason) and the queue/corporate settings form. Each card loads and saves on its own.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ListX, Pencil, Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { LoadError } from "@/components/load-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";
import type { KycReasonRow } from "@/server/kyc/types";
import { KycGeneralSettings } from "./kyc-general-settings";
import { ReasonDialog } from "./reason-dialog";

export function KycSettingsView() {
  return (
    <div className="grid max-w-5xl gap-6">
      <ReasonsCard />
      <KycGeneralSettings />
    </div>
  );
}

type DialogState = { mode: "create" } | { mode: "edit"; reason: KycReasonRow };

function ReasonsCard() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reasons = useQuery(trpc.kyc.reasons.queryOptions());
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [togglingId, setTogglingId] = useState<string | null>(null);

  const setActive = useMutation(
    trpc.kyc.setReasonActive.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.kyc.reasons.queryKey(), (rows) => rows?.map((r) => (r.id === saved.id ? saved : r)));
        toast.success(saved.active ? t("kyc.settings.reasons.activated", { code: saved.code }) : t("kyc.settings.reasons.deactivated", { code: saved.code }));
      },
      onError: (error) => toast.error(describeTrpcError(error, t).message),
      onSettled: () => setTogglingId(null),
    }),
  );
  const rows = reasons.data ?? [];
  const nextOrder = rows.reduce((max, r) => Math.max(max, r.sortOrder), 0) + 10;

  let body: React.ReactNode;
  if (reasons.isPending) {
    body = (
      <div className="grid gap-2" aria-busy="true">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-9 w-full" />
        ))}
      </div>
    );
  } else if (reasons.isError) {
    body = (
      <LoadError title={t("kyc.settings.loadError")} error={reasons.error} onRetry={() => void reasons.refetch()} className="border-0" />
    );
  } else if (rows.length === 0) {
    body = <EmptyState icon={ListX} className="border-0" title={t("kyc.settings.reasons.empty")} />;
  } else {
    body = (
      <div className="overflow-hidden rounded-md border">
        <Table>
          <TableHeader className="bg-muted/40">
            <TableRow className="hover:bg-transparent">
              <TableHead className="h-9 w-16 text-right text-xs">{t("kyc.settings.reasons.columns.order")}</TableHead>
              <TableHead className="h-9 text-xs">{t("kyc.settings.reasons.columns.code")}</TableHead>
              <TableHead className="h-9 text-xs">{t("kyc.settings.reasons.columns.label")}</TableHead>
              <TableHead className="h-9 text-xs">{t("kyc.settings.reasons.columns.labelZh")}</TableHead>
              <TableHead className="h-9 text-xs">{t("kyc.settings.reasons.columns.resubmit")}</TableHead>
              <TableHead className="h-9 text-xs">{t("kyc.settings.reasons.columns.active")}</TableHead>
              <TableHead className="h-9 w-12 text-xs">
                <span className="sr-only">{t("kyc.settings.reasons.columns.actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((reason) => (
              <TableRow key={reason.id} className={cn("h-10", !reason.active && "text-muted-foreground")}>
                <TableCell className="text-right tabular-nums">{reason.sortOrder}</TableCell>
                <TableCell className="font-mono text-xs">{reason.code}</TableCell>
                <TableCell className="max-w-64 truncate">{reason.label}</TableCell>
                <TableCell className="max-w-48 truncate">{reason.labelZh ?? "—"}</TableCell>
                <TableCell>
                  {reason.allowResubmit ? (
                    <Badge variant="secondary" className="font-normal">
                      {t("kyc.settings.reasons.resubmitYes")}
                    </Badge>
                  ) : (
                    <Badge variant="outline" className="font-normal">
                      {t("kyc.settings.reasons.resubmitNo")}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  <Switch
                    checked={reason.active}
                    disabled={togglingId !== null}
                    aria-label={t("kyc.settings.reasons.activeLabel", { code: reason.code })}
                    onCheckedChange={(active) => {
                      setTogglingId(reason.id);
                      setActive.mutate({ id: reason.id, active });
                    }}
                  />
                </TableCell>
                <TableCell className="text-right">
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    className="size-7"
                    aria-label={t("kyc.settings.reasons.edit", { code: reason.code })}
                    onClick={() => setDialog({ mode: "edit", reason })}
                  >
                    <Pencil />
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    );
  }

  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>{t("kyc.settings.reasons.title")}</CardTitle>
        <CardDescription>{t("kyc.settings.reasons.description")}</CardDescription>
        <CardAction>
          <Button size="sm" onClick={() => setDialog({ mode: "create" })} disabled={!reasons.data}>
            <Plus />
            {t("kyc.settings.reasons.add")}
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent>{body}</CardContent>
      {dialog && (
        <ReasonDialog reason={dialog.mode === "edit" ? dialog.reason : null} nextOrder={nextOrder} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
