"use client";
/** The application's history, newest first: who did what, the status change, reason and note, when. */
import {
  ArrowRight,
  Check,
  CheckCheck,
  FilePlus,
  Hand,
  History,
  MessageCircleQuestion,
  RotateCcw,
  Send,
  Undo2,
  UserCog,
  X,
  type LucideIcon,
} from "lucide-react";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { KycStatusBadge } from "@/components/kyc/kyc-status-badge";
import { useKycText } from "@/components/kyc/use-kyc-text";
import { useT } from "@/lib/i18n/client";
import { translateDynamic, type Translate } from "@/lib/i18n/translate";
import { KYC_DOCUMENT_KINDS } from "@/lib/kyc/schemas";
import type { KycEventRow, KycReasonRow } from "@/server/kyc/types";
import { Section } from "./section";

/** Event names as the service records them (its audit action without "kyc."). */
const ICONS: Record<string, LucideIcon> = {
  submit: Send,
  resubmit: RotateCcw,
  claim: Hand,
  release: Undo2,
  assign: UserCog,
  approve_first: Check,
  approve: CheckCheck,
  reject: X,
  request_info: MessageCircleQuestion,
  document_add: FilePlus,
};

/** An upload's event note is "<kind>: <file name>" (documents.ts); shown with the kind in the reader's language. */
function documentNote(note: string, t: Translate): string {
  const match = /^([a-z_]+): (.*)$/s.exec(note);
  const kind = KYC_DOCUMENT_KINDS.find((k) => k === match?.[1]);
  return kind && match ? t("kyc.viewer.alt", { kind: t(`kyc.documentKind.${kind}`), file: match[2] ?? "" }) : note;
}

export function KycHistory({ events, reasons }: { events: KycEventRow[]; reasons: KycReasonRow[] | undefined }) {
  const t = useT();
  const text = useKycText();
  const dateTime = useDateTimeFormat("dateTimeSeconds");
  const newestFirst = [...events].reverse();

  return (
    <Section title={t("kyc.history.title")}>
      {newestFirst.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("kyc.history.empty")}</p>
      ) : (
        <ol className="relative grid gap-4" aria-label={t("kyc.history.title")}>
          {newestFirst.map((event, index) => {
            const Icon = ICONS[event.action] ?? History;
            const statusChanged = event.fromStatus !== event.toStatus && event.toStatus !== null;
            return (
              <li key={event.id} className="relative grid grid-cols-[1.75rem_minmax(0,1fr)] gap-3" data-action={event.action}>
                {index < newestFirst.length - 1 && <span aria-hidden className="absolute top-8 bottom-[-1rem] left-[0.8125rem] w-px bg-border" />}
                <span className="flex size-7 items-center justify-center rounded-full border bg-muted/50 text-muted-foreground">
                  <Icon aria-hidden className="size-3.5" />
                </span>
                <div className="grid min-w-0 gap-1 pt-0.5">
                  <p className="text-sm">
                    <span className="font-medium">{event.actorLabel}</span>{" "}
                    {translateDynamic(t, `kyc.history.actions.${event.action}`, event.action.replaceAll("_", " "))}
                  </p>
                  {statusChanged && event.toStatus && (
                    <p className="flex flex-wrap items-center gap-1.5 text-xs">
                      {event.fromStatus && <KycStatusBadge status={event.fromStatus} />}
                      <ArrowRight aria-label={t("kyc.history.to")} className="size-3.5 text-muted-foreground" />
                      <KycStatusBadge status={event.toStatus} />
                    </p>
                  )}
                  {event.reasonCode && (
                    <p className="text-sm">
                      <span className="text-muted-foreground">{t("kyc.history.reason")}: </span>
                      {text.reason(event.reasonCode, reasons)}
                    </p>
                  )}
                  {event.note && event.action === "document_add" ? (
                    <p className="truncate text-sm text-muted-foreground">{documentNote(event.note, t)}</p>
                  ) : (
                    event.note && (
                      <blockquote className="border-l-2 pl-3 text-sm whitespace-pre-wrap text-muted-foreground">{event.note}</blockquote>
                    )
                  )}
                  <time dateTime={event.createdAt.toISOString()} className="text-xs text-muted-foreground tabular-nums">
                    {dateTime.format(event.createdAt)}
                  </time>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
