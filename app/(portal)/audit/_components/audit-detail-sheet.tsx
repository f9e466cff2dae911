"use client";
/**
 * One audit entry in a side sheet: who, what, where from, the hash, and the before/after snapshots side
 * by side with the changed top-level fields called out. Secrets were redacted when the entry was written.
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
import { changedKeys } from "./audit-helpers";

interface AuditDetailSheetProps {
  entry: AuditRow | null;
  onClose: () => void;
  /** Filters the table to this entry's entity. */
  onShowEntity: (entityType: string, entityId: string) => void;
}

export function AuditDetailSheet({ entry, onClose, onShowEntity }: AuditDetailSheetProps) {
  const t = useT();
  const dateTime = useDateTimeFormat("dateTimeSeconds");
  const changed = entry ? changedKeys(entry.before, entry.after) : [];

  return (
    <Sheet open={entry !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="w-full gap-0 overflow-y-auto sm:max-w-3xl">
        {entry && (
          <>
            <SheetHeader className="border-b">
              <SheetTitle className="font-mono">{t("audit.detail.title", { id: entry.id })}</SheetTitle>
              <SheetDescription>
                <Badge variant="secondary" className="font-mono font-normal">
                  {entry.action}
                </Badge>{" "}
                {dateTime.format(entry.createdAt)}
              </SheetDescription>
            </SheetHeader>
            <div className="flex flex-col gap-5 p-4">
              <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
                <Field label={t("audit.detail.time")}>
                  <time dateTime={entry.createdAt.toISOString()}>{entry.createdAt.toISOString()}</time>
                </Field>
                <Field label={t("audit.detail.actor")}>
                  {entry.actorLabel ?? t("audit.detail.none")}{" "}
                  <span className="text-muted-foreground">
                    ({translateDynamic(t, `audit.actorTypes.${entry.actorType}`, entry.actorType)})
                  </span>
                </Field>
                <Field label={t("audit.detail.entity")}>
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-mono text-xs break-all">
                      {entry.entityType}
                      {entry.entityId && ` · ${entry.entityId}`}
                    </span>
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

              {changed.length > 0 && (
                <div className="flex flex-wrap items-center gap-1.5 text-sm">
                  <span className="text-muted-foreground">{t("audit.detail.changed")}</span>
                  {changed.map((key) => (
                    <Badge key={key} variant="warning" className="font-mono font-normal">
                      {key}
                    </Badge>
                  ))}
                </div>
              )}
              <div className="grid gap-3 md:grid-cols-2">
                <JsonPane title={t("audit.detail.before")} value={entry.before} empty={t("audit.detail.nothing")} />
                <JsonPane title={t("audit.detail.after")} value={entry.after} empty={t("audit.detail.nothing")} />
              </div>
              <p className="text-xs text-muted-foreground">{t("audit.detail.redactedNote")}</p>
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
        <pre tabIndex={0} className="max-h-[50vh] overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs leading-relaxed">
          {JSON.stringify(value, null, 2)}
        </pre>
      ) : (
        <p className="rounded-md border border-dashed p-3 text-xs text-muted-foreground">{empty}</p>
      )}
    </section>
  );
}
