"use client";
/** One job in full: timings, attempts, failure with its stack trace, and the (redacted) payload. */
import { RotateCcw, Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Sheet, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { useT } from "@/lib/i18n/client";
import type { JobRow } from "@/server/jobs/types";
import { formatDuration } from "./format";

interface JobDetailsSheetProps {
  job: JobRow | null;
  onOpenChange: (open: boolean) => void;
  onRetry: ((row: JobRow) => void) | null;
  onRemove: ((row: JobRow) => void) | null;
  pending: boolean;
}

export function JobDetailsSheet({ job, onOpenChange, onRetry, onRemove, pending }: JobDetailsSheetProps) {
  const t = useT();
  const dateTime = useDateTimeFormat("dateTimeSeconds");
  const when = (value: Date | null) => (value ? dateTime.format(value) : t("jobs.none"));
  const payload = job ? JSON.stringify(job.data, null, 2) ?? "null" : "";

  return (
    <Sheet open={job !== null} onOpenChange={onOpenChange}>
      <SheetContent className="w-full overflow-y-auto sm:max-w-xl">
        {job && (
          <>
            <SheetHeader>
              <SheetTitle className="pr-6 font-mono text-base break-all">{t("jobs.details.title", { id: job.id })}</SheetTitle>
              <SheetDescription>{t("jobs.details.description", { queue: job.queue, state: t(`jobs.state.${job.state}`) })}</SheetDescription>
            </SheetHeader>
            <div className="grid gap-5 px-4 text-sm">
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5">
                <Field label={t("jobs.details.name")}>{job.name}</Field>
                <Field label={t("jobs.details.state")}>{t(`jobs.state.${job.state}`)}</Field>
                <Field label={t("jobs.details.attempts")}>{t("jobs.list.attemptsOf", { made: job.attemptsMade, max: job.maxAttempts })}</Field>
                <Field label={t("jobs.details.createdAt")}>{when(job.createdAt)}</Field>
                <Field label={t("jobs.details.processedAt")}>{when(job.processedAt)}</Field>
                <Field label={t("jobs.details.finishedAt")}>{when(job.finishedAt)}</Field>
                <Field label={t("jobs.details.duration")}>{formatDuration(job.durationMs, t)}</Field>
                <Field label={t("jobs.details.brand")}>
                  {job.brandId ? <span className="font-mono text-xs">{job.brandId}</span> : t("jobs.details.system")}
                </Field>
              </dl>

              {job.failedReason && (
                <section className="grid gap-1.5" aria-labelledby="job-failed-reason">
                  <h3 id="job-failed-reason" className="font-medium">
                    {t("jobs.details.failedReason")}
                  </h3>
                  <p className="rounded-md border border-destructive/40 bg-destructive/5 p-2 break-words text-destructive">{job.failedReason}</p>
                </section>
              )}

              {(job.state === "failed" || job.stacktrace.length > 0) && (
                <section className="grid gap-1.5" aria-labelledby="job-stacktrace">
                  <h3 id="job-stacktrace" className="font-medium">
                    {t("jobs.details.stacktrace")}
                  </h3>
                  {job.stacktrace.length > 0 ? (
                    <pre tabIndex={0} className="max-h-60 overflow-auto rounded-md bg-muted p-2 font-mono text-xs leading-relaxed">
                      {job.stacktrace.join("\n")}
                    </pre>
                  ) : (
                    <p className="text-muted-foreground">{t("jobs.details.noStacktrace")}</p>
                  )}
                </section>
              )}

              <section className="grid gap-1.5" aria-labelledby="job-payload">
                <div className="flex items-center justify-between gap-2">
                  <h3 id="job-payload" className="font-medium">
                    {t("jobs.details.payload")}
                  </h3>
                  <CopyButton value={payload} size="sm" label={t("jobs.details.copyPayload")} />
                </div>
                <pre tabIndex={0} className="max-h-80 overflow-auto rounded-md bg-muted p-2 font-mono text-xs leading-relaxed">
                  {payload}
                </pre>
                <p className="text-xs text-muted-foreground">{t("jobs.details.payloadHint")}</p>
              </section>
            </div>
            {(onRetry || onRemove) && (
              <SheetFooter className="flex-row justify-end gap-2">
                {onRemove && job.state !== "active" && (
                  <Button variant="outline" className="text-destructive hover:text-destructive" disabled={pending} onClick={() => onRemove(job)}>
                    <Trash2 />
                    {t("jobs.actions.remove")}
                  </Button>
                )}
                {onRetry && job.state === "failed" && (
                  <Button pending={pending} onClick={() => onRetry(job)}>
                    {!pending && <RotateCcw />}
                    {t("jobs.actions.retry")}
                  </Button>
                )}
              </SheetFooter>
            )}
          </>
        )}
      </SheetContent>
    </Sheet>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}
