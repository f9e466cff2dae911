"use client";
/**
 * A campaign's CSV uploads with their status, and approve / reject for an admin who did not upload them
 * (the server refuses the uploader too). Success says which upload and what it credited.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Amount } from "@/components/ui/amount";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { BatchStatusBadge } from "./bonus-badges";
import { ReasonActionDialog } from "./reason-action-dialog";

export function CampaignUploads({ campaignId, canApprove, selfId }: { campaignId: string; canApprove: boolean; selfId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const date = useDateTimeFormat("dateTime");
  const [rejecting, setRejecting] = useState<string | null>(null);
  const uploads = useQuery(trpc.bonus.batch.list.queryOptions({ campaignId }));
  const reload = () => queryClient.invalidateQueries(trpc.bonus.pathFilter());
  const approve = useMutation(
    trpc.bonus.batch.approve.mutationOptions({
      onSuccess: (b) => {
        toast.success(t("bonuses.campaign.toast.batchApproved", { file: b.fileName, count: b.rowCount }));
        void reload();
      },
      onError: (error) => {
        toast.error(describeTrpcError(error, t).message);
        void reload();
      },
    }),
  );
  const reject = useMutation(trpc.bonus.batch.reject.mutationOptions());

  return (
    <Card className="gap-2 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("bonuses.batch.title2")}</CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        {!uploads.data ? (
          <Skeleton className="h-16 w-full" />
        ) : uploads.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("bonuses.batch.empty")}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("bonuses.batch.fileName")}</TableHead>
                <TableHead className="text-right">{t("bonuses.batch.row")}</TableHead>
                <TableHead className="text-right">{t("bonuses.batch.total")}</TableHead>
                <TableHead>{t("bonuses.grants.status")}</TableHead>
                <TableHead>{t("bonuses.grants.createdAt")}</TableHead>
                {canApprove && <TableHead>{t("bonuses.grants.actions")}</TableHead>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {uploads.data.map((b) => (
                <TableRow key={b.id}>
                  <TableCell>{b.fileName}</TableCell>
                  <TableCell className="text-right tabular-nums">{b.rowCount}</TableCell>
                  <TableCell className="text-right font-mono tabular-nums">
                    <Amount value={b.totalAmount} />
                  </TableCell>
                  <TableCell>
                    <BatchStatusBadge status={b.status} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{date.format(b.createdAt)}</TableCell>
                  {canApprove && (
                    <TableCell className="whitespace-nowrap">
                      {b.status === "pending_approval" && b.requestedBy?.id !== selfId && (
                        <>
                          <Button size="sm" variant="outline" pending={approve.isPending} onClick={() => approve.mutate({ id: b.id })}>
                            {t("bonuses.batch.approve")}
                          </Button>{" "}
                          <Button size="sm" variant="ghost" onClick={() => setRejecting(b.id)}>
                            {t("bonuses.batch.reject")}
                          </Button>
                        </>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      {rejecting && (
        <ReasonActionDialog
          title={t("bonuses.batch.rejectTitle")}
          description={t("bonuses.batch.rejectBody")}
          confirmLabel={t("bonuses.batch.reject")}
          doneMessage={t("bonuses.campaign.toast.batchRejected", { file: uploads.data?.find((b) => b.id === rejecting)?.fileName ?? "" })}
          destructive
          run={(reason) => reject.mutateAsync({ id: rejecting, reason })}
          onClose={() => setRejecting(null)}
        />
      )}
    </Card>
  );
}
