"use client";
/**
 * "Refresh" (exchange.act): queues a sync of the customer's sub-accounts, then re-reads the tab a few times
 * while the worker reads the exchange (the figures usually change within seconds).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

const POLL_MS = 2_000;
const POLLS = 8;

export function ExchangeRefresh({ customerId }: { customerId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [waiting, setWaiting] = useState(false);

  async function follow() {
    setWaiting(true);
    try {
      for (let i = 0; i < POLLS; i++) {
        await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
        await queryClient.invalidateQueries(trpc.exchangeAccount.pathFilter());
      }
    } finally {
      setWaiting(false);
    }
  }

  const refresh = useMutation(
    trpc.exchangeAccount.refresh.mutationOptions({
      onSuccess: (r) => {
        if (r.requested + r.alreadyQueued === 0) return void toast.info(t("exchangeAccounts.refreshNothing"));
        toast.success(r.requested > 0 ? t("exchangeAccounts.refreshQueued", { count: r.requested }) : t("exchangeAccounts.refreshAlready"));
        void follow();
      },
      onError: (error) => toast.error(describeTrpcError(error, t).message),
    }),
  );
  const busy = refresh.isPending || waiting;
  return (
    <Button variant="outline" size="sm" onClick={() => refresh.mutate({ customerId })} disabled={busy}>
      <RefreshCw className={busy ? "animate-spin" : undefined} />
      {busy ? t("exchangeAccounts.refreshing") : t("exchangeAccounts.refresh")}
    </Button>
  );
}
