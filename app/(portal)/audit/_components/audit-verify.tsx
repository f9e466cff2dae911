"use client";
/**
 * "Verify chain": recomputes the brand's (or the platform's) hash chain on the server and reports
 * either how many entries were checked or the first broken link.
 */
import { useMutation } from "@tanstack/react-query";
import { ShieldAlert, ShieldCheck, X } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

export function useVerifyChain() {
  const trpc = useTRPC();
  return useMutation(trpc.audit.verify.mutationOptions());
}

type VerifyMutation = ReturnType<typeof useVerifyChain>;

export function VerifyChainButton({ verify, platform }: { verify: VerifyMutation; platform: boolean }) {
  const t = useT();
  return (
    <Button variant="outline" size="sm" className="h-8" pending={verify.isPending} onClick={() => verify.mutate({ platform })}>
      {!verify.isPending && <ShieldCheck />}
      {verify.isPending ? t("audit.verify.running") : t("audit.verify.button")}
    </Button>
  );
}

/** The result, shown above the table until dismissed (or the next run). */
export function VerifyChainResult({ verify }: { verify: VerifyMutation }) {
  const t = useT();
  const dismiss = (
    <Button variant="ghost" size="icon-sm" className="absolute top-2 right-2 size-7" aria-label={t("audit.verify.dismiss")} onClick={() => verify.reset()}>
      <X />
    </Button>
  );
  if (verify.isError) {
    return (
      <Alert variant="destructive" role="alert" className="pr-10">
        <ShieldAlert aria-hidden />
        <AlertTitle>{t("audit.verify.failed")}</AlertTitle>
        <AlertDescription>{describeTrpcError(verify.error, t).message}</AlertDescription>
        {dismiss}
      </Alert>
    );
  }
  const report = verify.data;
  if (!report) return null;
  const first = report.breaks[0];
  if (!first) {
    return (
      <Alert variant="success" role="status" className="pr-10">
        <ShieldCheck aria-hidden />
        <AlertTitle>{t("audit.verify.intactTitle")}</AlertTitle>
        <AlertDescription>{t("audit.verify.intact", { rows: report.rows.toLocaleString(), chains: report.chains })}</AlertDescription>
        {dismiss}
      </Alert>
    );
  }
  return (
    <Alert variant="destructive" role="alert" className="pr-10">
      <ShieldAlert aria-hidden />
      <AlertTitle>{t("audit.verify.brokenTitle")}</AlertTitle>
      <AlertDescription>
        {t("audit.verify.broken", {
          rows: report.rows.toLocaleString(),
          id: first.id,
          seq: first.seq,
          reason: first.reason,
        })}
      </AlertDescription>
      {dismiss}
    </Alert>
  );
}
