"use client";
/**
 * The customer's money-movement breaker (tripped by a risk limit): a notice under the name while it is
 * active — since when, the event that tripped it — and, for those holding risk.manage, a reset confirmed
 * with a reason. Nothing shows while it is not tripped.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { ReasonConfirmDialog, type ReasonRefusal } from "@/components/customers/reason-confirm-dialog";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";

export function CustomerBreakerNotice({ customerId, canReset }: { customerId: string; canReset: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dateTime = useDateTimeFormat();
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<ReasonRefusal | null>(null);
  const query = useQuery(trpc.risk.customerBreaker.queryOptions({ customerId }));
  const reset = useMutation(
    trpc.risk.resetCustomerBreaker.mutationOptions({
      onSuccess: async () => {
        toast.success(t("risk.breaker.done"));
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.risk.customerBreaker.queryKey({ customerId }) });
      },
      onError: (error) => setRefusal({ message: describeTrpcError(error, t).message, refreshed: false }),
    }),
  );
  if (query.isError) return <p className="text-sm text-destructive">{t("risk.breaker.loadError")}</p>;
  const breaker = query.data;
  if (!breaker) return null;
  return (
    <Alert variant="destructive" data-testid="customer-breaker">
      <ShieldAlert aria-hidden />
      <AlertTitle>{t("risk.breaker.badge")}</AlertTitle>
      <AlertDescription className="flex flex-wrap items-center gap-3">
        <span>{t("risk.breaker.since", { since: dateTime.format(breaker.trippedAt) })}</span>
        {breaker.trippedByEventId && (
          <Link className="underline underline-offset-4" href={`/risk/events/${breaker.trippedByEventId}`}>
            {t("risk.breaker.event")}
          </Link>
        )}
        {canReset && (
          <Button size="sm" variant="outline" onClick={() => (setRefusal(null), setOpen(true))}>
            {t("risk.breaker.reset")}
          </Button>
        )}
      </AlertDescription>
      {open && (
        <ReasonConfirmDialog
          title={t("risk.breaker.resetTitle")}
          description={t("risk.breaker.resetBody")}
          confirmLabel={t("risk.breaker.confirm")}
          pending={reset.isPending}
          refusal={refusal}
          onClose={() => setOpen(false)}
          onConfirm={(reason) => {
            setRefusal(null);
            reset.mutate({ customerId, reason });
          }}
        />
      )}
    </Alert>
  );
}

/** Beside the status badges: money movements blocked (the same query as the notice; fetched once). */
export function CustomerBreakerBadge({ customerId }: { customerId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const { data } = useQuery(trpc.risk.customerBreaker.queryOptions({ customerId }));
  return data ? <Badge variant="destructive">{t("risk.breaker.badge")}</Badge> : null;
}
