"use client";
/**
 * "Upload CSV": pick a file, check it (the server's row-by-row report, nothing written), then submit it with
 * a reason — all rows are granted or none. Above the approval threshold the batch waits for another admin.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useWaitingToast } from "@/components/approvals/use-waiting-toast";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FileInput } from "@/components/ui/file-input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translate";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { BatchPreview } from "@/server/bonuses/types";

/** A row problem in the reader's language, from its reason and params; its English text if the reason is unknown here. */
function problemText(t: Translate, p: BatchPreview["problems"][number]): string {
  const text = t(p.reason, p.params);
  return text === p.reason ? p.message : text;
}

export function CsvUploadDialog({ campaignId, onClose }: { campaignId?: string; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<BatchPreview | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const preview = useMutation(trpc.bonus.batch.preview.mutationOptions({ onSuccess: setReport, onError: (e) => setError(describeTrpcError(e, t).message) }));
  const waitingToast = useWaitingToast();
  const submit = useMutation(
    trpc.bonus.batch.submit.mutationOptions({
      onSuccess: (batch) => {
        if (batch.status === "pending_approval") waitingToast(t("bonusApprovals.batchWaiting"));
        else toast.success(t("bonuses.batch.done"));
        void queryClient.invalidateQueries(trpc.bonus.pathFilter());
        onClose();
      },
      onError: (e) => setError(describeTrpcError(e, t).message),
    }),
  );
  const busy = preview.isPending || submit.isPending;
  const valid = report && report.problems.length === 0;

  return (
    <Dialog open onOpenChange={(next) => !next && !busy && onClose()}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("bonuses.batch.title")}</DialogTitle>
          <DialogDescription>{t("bonuses.batch.description")}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-4">
          <div className="grid gap-2">
            <Label htmlFor="bonus-csv">{t("bonuses.batch.file")}</Label>
            <FileInput
              id="bonus-csv"
              accept=".csv,text/csv"
              disabled={busy}
              fileName={file?.name ?? null}
              onChange={async (event) => {
                const picked = event.target.files?.[0];
                setReport(null);
                setError(null);
                setFile(picked ? { name: picked.name, text: await picked.text() } : null);
              }}
            />
          </div>
          {report && (
            <div className="grid gap-2 text-sm">
              <p>{t("bonuses.batch.rows", { count: report.rowCount, total: f.decimal(report.totalAmount), currency: report.currency ?? "" })}</p>
              {valid ? (
                <>
                  <p className="text-muted-foreground">{t("bonuses.batch.valid")}</p>
                  {report.needsApproval && <p className="text-muted-foreground">{t("bonuses.batch.needsApproval")}</p>}
                </>
              ) : (
                <>
                  <p className="font-medium text-destructive">{t("bonuses.batch.problems", { count: report.problems.length })}</p>
                  <div className="max-h-64 overflow-y-auto rounded-md border">
                    <Table>
                      <TableHeader>
                        <TableRow>
                          <TableHead>{t("bonuses.batch.row")}</TableHead>
                          <TableHead>{t("bonuses.batch.field")}</TableHead>
                          <TableHead>{t("bonuses.batch.message")}</TableHead>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {report.problems.slice(0, 500).map((p, i) => (
                          <TableRow key={`${p.row}-${p.field}-${i}`}>
                            <TableCell className="font-mono">{p.row}</TableCell>
                            <TableCell className="font-mono">{p.field}</TableCell>
                            <TableCell>{problemText(t, p)}</TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  </div>
                </>
              )}
            </div>
          )}
          {valid && (
            <div className="grid gap-2">
              <Label htmlFor="bonus-csv-reason">{t("bonuses.batch.reason")}</Label>
              <Textarea id="bonus-csv-reason" rows={2} maxLength={500} value={reason} placeholder={t("bonuses.reasonPlaceholder")} onChange={(e) => setReason(e.target.value)} disabled={busy} />
            </div>
          )}
          {error && (
            <Alert variant="destructive" role="alert">
              <TriangleAlert aria-hidden />
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          )}
        </div>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onClose} disabled={busy}>
            {t("bonuses.cancel")}
          </Button>
          {valid ? (
            <Button pending={submit.isPending} disabled={reason.trim().length < 3} onClick={() => file && submit.mutate({ campaignId, fileName: file.name, csv: file.text, reason })}>
              {t("bonuses.batch.submit")}
            </Button>
          ) : (
            <Button pending={preview.isPending} disabled={!file} onClick={() => file && preview.mutate({ campaignId, fileName: file.name, csv: file.text })}>
              {t("bonuses.batch.preview")}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
