"use client";
/**
 * Confirming a cancel or close on a customer's exchange account: shows what will happen (the preview, read
 * live from the exchange), takes a required reason, then shows the exchange's answer item by item. It stays
 * open while the request runs and cannot be dismissed mid-request; Ctrl/⌘+Enter in the reason confirms.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ReasonForm } from "@/components/ui/reason-form";
import { RefusalAlert } from "@/components/ui/refusal-alert";
import { Spinner } from "@/components/ui/spinner";
import { ZExchangeActionReasonForm, type ExchangeActionPreviewInput } from "@/lib/exchange-actions/schemas";
import type { ExchangeActionResult } from "@/lib/exchange-actions/types";
import { useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { ActionResults } from "./action-results";
import { PreviewTables } from "./preview-tables";

type ReasonValues = z.input<typeof ZExchangeActionReasonForm>;
const MESSAGES: FieldMessages<ReasonValues> = { invalid: { reason: "exchangeActions.reason.invalid" } };

export interface ExchangeActionDialogProps {
  request: ExchangeActionPreviewInput;
  onClose: () => void;
}

export function ExchangeActionDialog({ request, onClose }: ExchangeActionDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const [result, setResult] = useState<ExchangeActionResult | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const preview = useQuery(trpc.exchangeAction.preview.queryOptions(request, { staleTime: 0, gcTime: 0, retry: false, refetchOnWindowFocus: false }));
  const options = {
    onSuccess: (answer: ExchangeActionResult) => setResult(answer),
    onError: (error: unknown) => setRefusal(describeTrpcError(error, t).message),
  };
  const cancelOrder = useMutation(trpc.exchangeAction.cancelOrder.mutationOptions(options));
  const cancelAllOrders = useMutation(trpc.exchangeAction.cancelAllOrders.mutationOptions(options));
  const closePosition = useMutation(trpc.exchangeAction.closePosition.mutationOptions(options));
  const closeAllPositions = useMutation(trpc.exchangeAction.closeAllPositions.mutationOptions(options));
  const pending = cancelOrder.isPending || cancelAllOrders.isPending || closePosition.isPending || closeAllPositions.isPending;

  const form = useForm<ReasonValues, unknown, z.output<typeof ZExchangeActionReasonForm>>({
    resolver: useLocalizedResolver(zodResolver(ZExchangeActionReasonForm), MESSAGES),
    defaultValues: { reason: "" },
  });
  const submit = form.handleSubmit(({ reason }) => {
    setRefusal(null);
    const { action, ...target } = request;
    if (action === "cancelOrder" && "ordId" in target) cancelOrder.mutate({ ...target, reason });
    else if (action === "closePosition" && "mgnMode" in target) closePosition.mutate({ ...target, reason });
    else if (action === "cancelAllOrders" && "customerId" in target) cancelAllOrders.mutate({ ...target, reason });
    else if (action === "closeAllPositions" && "customerId" in target) closeAllPositions.mutate({ ...target, reason });
  });

  // The synced pages are stale after an action (the service asked for a sync): reload them once the result
  // has been read — not before, as the row this dialog was opened from may disappear with it.
  const close = () => {
    if (result) void queryClient.invalidateQueries();
    onClose();
  };

  const vars = { ordId: "ordId" in request ? request.ordId : "", instId: "instId" in request ? request.instId : "" };
  const data = preview.data;
  const nothingToDo = data !== undefined && data.orders.length === 0 && data.positions.length === 0;
  const destructive = request.action === "closePosition" || request.action === "closeAllPositions";

  return (
    <Dialog open onOpenChange={(open) => !open && !pending && close()}>
      <DialogContent className="sm:max-w-5xl" data-testid="exchange-action-dialog" showCloseButton={!pending}>
        <DialogHeader>
          <DialogTitle>{t(`exchangeActions.actions.${request.action}.title`, vars)}</DialogTitle>
          <DialogDescription>{t(`exchangeActions.actions.${request.action}.body`)}</DialogDescription>
        </DialogHeader>

        {result ? (
          <>
            <h3 className="text-sm font-semibold">{t("exchangeActions.results.title")}</h3>
            <ActionResults result={result} />
            <DialogFooter>
              <Button autoFocus onClick={close}>
                {t("exchangeActions.results.close")}
              </Button>
            </DialogFooter>
          </>
        ) : (
          <>
            {preview.isPending && (
              <p className="flex items-center gap-2 text-sm text-muted-foreground">
                <Spinner /> {t("exchangeActions.preview.loading")}
              </p>
            )}
            {preview.isError && <RefusalAlert title={t("exchangeActions.preview.refusedTitle")} refusal={{ message: describeTrpcError(preview.error, t).message }} refreshedText="" />}
            {data && <PreviewTables preview={data} />}
            <ReasonForm
              id={formId}
              form={form}
              submit={submit}
              label={t("exchangeActions.reason.label")}
              placeholder={t("exchangeActions.reason.placeholder")}
              rows={2}
              pending={pending}
            >
              {refusal && <RefusalAlert title={t("exchangeActions.results.refused")} refusal={{ message: refusal }} refreshedText="" />}
            </ReasonForm>
            <DialogFooter>
              <Button variant="outline" disabled={pending} onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" form={formId} variant={destructive ? "destructive" : "default"} pending={pending} disabled={!data || nothingToDo}>
                {t(`exchangeActions.actions.${request.action}.confirm`)}
              </Button>
            </DialogFooter>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
