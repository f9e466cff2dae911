"use client";
/**
 * One audit entry in a side sheet: the sentence, who, what, where from, the hash, the table of changed
 * fields, and the raw before/after snapshots one click away. Secrets were redacted when it was written.
 */
import { History } from "lucide-react";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import type { AuditRow } from "@/server/audit/query";
import { AuditChanges } from "./audit-changes";
import { actionName, entityTypeName } from "./audit-helpers";
import { AuditSentence } from "./audit-sentence";

interface AuditDetailSheetProps {
  entry: AuditRow | null;
  onClose: () => void;
  /** Filters the table to this entry's entity. */
  onShowEntity: (entityType: string, entityId: string) => void;
}

export function AuditDetailSheet({ entry, onClose, onShowEntity }: AuditDetailSheetProps) {
  const t = useT();
  const dateTime = useDateTimeFormat("dateTimeSeconds");

  return (
    <Sheet open={entry !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="w-full gap-0 overflow-y-auto sm:max-w-3xl">
        {entry && (
          <>
            <SheetHeader className="border-b">
              <SheetTitle className="font-normal">
                <AuditSentence entry={entry} />
              </SheetTitle>
              <SheetDescription>
                {t("audit.detail.title", { id: entry.id })} · {dateTime.format(entry.createdAt)}
              </SheetDescription>
            </SheetHeader>
            <div className="flex flex-col gap-5 p-4">
              <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
                <Field label={t("audit.detail.time")}>
                  <time dateTime={entry.createdAt.toISOString()}>{entry.createdAt.toISOString()}</time>
                </Field>
                <Field label={t("audit.detail.actor")}>
                  {entry.actorName ?? entry.actorLabel ?? t("audit.detail.none")}{" "}
                  {entry.actorName && entry.actorLabel && <span className="text-muted-foreground">{entry.actorLabel} </span>}
                  <span className="text-muted-foreground">
                    ({translateDynamic(t, `audit.actorTypes.${entry.actorType}`, entry.actorType)})
                  </span>
                </Field>
                <Field label={t("audit.detail.action")}>
                  {actionName(t, entry.action)}{" "}
                  <Badge variant="secondary" className="font-mono font-normal" title={t("audit.detail.code")}>
                    {entry.action}
                  </Badge>
                </Field>
                <Field label={t("audit.detail.entity")}>
                  <span className="flex flex-wrap items-center gap-2">
                    <span>
                      {entityTypeName(t, entry.entityType)}
                      {entry.entity && ` · ${entry.entity.label}`}
                    </span>
                    {entry.entityId && <span className="font-mono text-xs break-all text-muted-foreground">{entry.entityId}</span>}
                    {entry.entityId && (
                      <Button
                        variant="outline"
                        size="sm"
                        className="h-6 px-2 text-xs"
                        onClick={() => entry.entityId && onShowEntity(entry.entityType, entry.entityId)}
                      >
                        <History />
                        {t("audit.detail.entityHistory")}
                      </Button>
                    )}
                  </span>
                </Field>
                <Field label={t("audit.detail.ip")} mono>
                  {entry.ip ?? t("audit.detail.none")}
                </Field>
                <Field label={t("audit.detail.userAgent")} mono>
                  {entry.userAgent ?? t("audit.detail.none")}
                </Field>
                <Field label={t("audit.detail.hash")} mono>
                  <span className="flex items-start gap-2">
                    <span className="break-all">{entry.hash}</span>
                    <CopyButton value={entry.hash} size="icon-sm" className="size-6 shrink-0" />
                  </span>
                </Field>
              </dl>

              <section className="flex flex-col gap-2" aria-label={t("audit.changes.title")}>
                <h3 className="text-sm font-medium">{t("audit.changes.title")}</h3>
                <AuditChanges entityType={entry.entityType} before={entry.before} after={entry.after} />
              </section>
              <details className="group rounded-md border">
                <summary className="cursor-pointer px-3 py-2 text-sm font-medium select-none focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none">
                  {t("audit.detail.raw")}
                </summary>
                <div className="flex flex-col gap-3 border-t p-3">
                  <div className="grid gap-3 md:grid-cols-2">
                    <JsonPane title={t("audit.detail.before")} value={entry.before} empty={t("audit.detail.nothing")} />
                    <JsonPane title={t("audit.detail.after")} value={entry.after} empty={t("audit.detail.nothing")} />
                  </div>
                  <p className="text-xs text-muted-foreground">{t("audit.detail.redactedNote")}</p>
                </div>
              </details>
            </div>
          </>
        )}
      </SheetContent>
    </Sheet>
  );
}

function Field({ label, mono, children }: { label: string; mono?: boolean; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className={mono ? "font-mono text-xs break-all" : "min-w-0"}>{children}</dd>
    </>
  );
}

function JsonPane({ title, value, empty }: { title: string; value: unknown; empty: string }) {
  const hasValue = value !== null && value !== undefined;
  return (
    <section className="flex min-w-0 flex-col gap-1.5" aria-label={title}>
      <h3 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{title}</h3>
      {hasValue ? (
        <pre tabIndex={0} className="max-h-[50vh] overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap break-all">
          {JSON.stringify(value, null, 2)}
        </pre>
      ) : (
        <p className="rounded-md border border-dashed p-3 text-xs text-muted-foreground">{empty}</p>
      )}
    </section>
  );
}
