"use client";
/**
 * "Test connection": one read call with the brand's key, a spinner while it runs, then the outcome —
 * the latency on success, or what to fix, in the reader's language, with the exchange's code.
 * A failed test is a result (the procedure answers it), not an error.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, PlugZap, TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { ExchangeTestResult } from "@/server/brands/exchange-credentials";

function outcomeText(result: ExchangeTestResult): MessageKey {
  if (result.ok) return result.usingSimulator ? "exchange.test.okSimulator" : result.mode === "live" ? "exchange.test.okLive" : "exchange.test.okDemo";
  if (result.failure === "transient" && result.usingSimulator) return "exchange.test.failure.transientSimulator";
  return `exchange.test.failure.${result.failure ?? "permanent"}`;
}

/** `children`: other actions for the same row (Remove), placed at its end. */
export function ExchangeTest({ children }: { children?: React.ReactNode }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const test = useMutation(
    trpc.brand.testExchangeConnection.mutationOptions({
      // The last-test line above reads the outcome the server recorded.
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.brand.exchangeCredentials.queryKey() }),
    }),
  );
  const result = test.data;

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button type="button" variant="outline" pending={test.isPending} onClick={() => test.mutate()}>
          {!test.isPending && <PlugZap />}
          {test.isPending ? t("exchange.test.running") : t("exchange.test.button")}
        </Button>
        {children}
      </div>
      <div aria-live="polite" data-testid="exchange-test-result">
        {!test.isPending && result?.ok && (
          <Alert variant="success">
            <CircleCheck aria-hidden />
            <AlertDescription>{t(outcomeText(result), { ms: result.latencyMs })}</AlertDescription>
          </Alert>
        )}
        {!test.isPending && result && !result.ok && (
          <Alert variant="destructive">
            <TriangleAlert aria-hidden />
            <AlertTitle>{t("exchange.test.failed")}</AlertTitle>
            <AlertDescription>
              <p>{t(outcomeText(result))}</p>
              {result.okxCode && <p className="font-mono text-xs">{t("exchange.test.code", { code: result.okxCode })}</p>}
            </AlertDescription>
          </Alert>
        )}
        {!test.isPending && test.isError && (
          <Alert variant="destructive">
            <TriangleAlert aria-hidden />
            <AlertDescription>{describeTrpcError(test.error, t).message}</AlertDescription>
          </Alert>
        )}
      </div>
    </div>
  );
}
