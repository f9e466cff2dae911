"use client";
/**
 * Above the reconciled days: the reconciliations waiting or running (with why one waits), else how the last
 * one went — its days and differences, why it failed, or that the exchange does not offer its daily statement.
 */
import { CircleAlert, CircleCheck, Info, LoaderCircle } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { dateFormatter } from "@/lib/format";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import type { ReconciliationRunRow } from "@/server/rebates/reconciliation-runs";

export function RunsBanner({ runs }: { runs: { active: ReconciliationRunRow[]; last: ReconciliationRunRow | null } | undefined }) {
  const t = useT();
  const f = useFormat();
  if (!runs) return null;
  const day = dateFormatter(f.locale, "date", "UTC");
  const days = (r: ReconciliationRunRow) => ({ from: day.format(new Date(`${r.from}T00:00:00Z`)), to: day.format(new Date(`${r.to}T00:00:00Z`)) });
  const reason = (r: ReconciliationRunRow) => (r.errorKey ? translateDynamic(t, r.errorKey, r.errorDetail ?? r.errorKey) : "");

  if (runs.active.length > 0) {
    return (
      <Alert role="status">
        <LoaderCircle className="animate-spin" />
        <AlertDescription>
          {runs.active.map((r) => (
            <p key={r.id}>
              {r.state === "running"
                ? t("rebateReconciliation.runs.active", days(r))
                : r.errorKey
                  ? t("rebateReconciliation.runs.retrying", { ...days(r), reason: reason(r) })
                  : t("rebateReconciliation.runs.queued", days(r))}
            </p>
          ))}
        </AlertDescription>
      </Alert>
    );
  }
  const last = runs.last;
  if (!last) return null;
  if (last.state === "failed") {
    return (
      <Alert variant="destructive">
        <CircleAlert />
        <AlertDescription>{t("rebateReconciliation.runs.lastFailed", { ...days(last), reason: reason(last) })}</AlertDescription>
      </Alert>
    );
  }
  return (
    <Alert variant={last.differences ? "warning" : "success"}>
      {last.exchange === "unavailable" ? <Info /> : last.differences ? <CircleAlert /> : <CircleCheck />}
      <AlertDescription>
        <p>
          {t("rebateReconciliation.runs.last", {
            when: f.date(last.finishedAt ?? last.createdAt, "dateTime"),
            days: f.number(last.days ?? 0),
            differences: f.number(last.differences ?? 0),
          })}
        </p>
        {last.exchange === "unavailable" && <p>{t("rebateReconciliation.runs.exchangeUnavailable")}</p>}
      </AlertDescription>
    </Alert>
  );
}
