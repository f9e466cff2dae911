"use client";
/** The facts of one message: audience, who wrote it and when, its times, the decision and how it ended. */
import Link from "next/link";
import type { ReactNode } from "react";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useT } from "@/lib/i18n/client";
import { useAudienceSummary } from "./audience-summary";
import { useMessageWords } from "./message-badges";
import type { MessageDetail } from "./types";

export function MessageFacts({ message: m }: { message: MessageDetail }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  const words = useMessageWords();
  const audience = useAudienceSummary()(m.audience);
  const time = (d: Date) => (
    <time dateTime={d.toISOString()} className="tabular-nums">
      {dateTime.format(d)}
    </time>
  );
  const rows: [string, ReactNode][] = [
    [
      t("messages.detail.facts.audience"),
      audience.customerId ? (
        <Link href={`/customers/${audience.customerId}?tab=messages`} className="font-medium text-primary underline-offset-4 hover:underline">
          {audience.text}
        </Link>
      ) : (
        audience.text
      ),
    ],
    [t("messages.detail.facts.createdBy"), m.createdBy?.name ?? words.source(m.source)],
    [t("messages.detail.facts.createdAt"), time(m.createdAt)],
  ];
  if (m.scheduledAt) rows.push([t("messages.detail.facts.scheduledAt"), time(m.scheduledAt)]);
  if (m.startedAt) rows.push([t("messages.detail.facts.startedAt"), time(m.startedAt)]);
  if (m.finishedAt) rows.push([t("messages.detail.facts.finishedAt"), time(m.finishedAt)]);
  if (m.decidedAt) {
    const decision = t(m.status === "rejected" ? "messages.detail.decisions.rejected" : "messages.detail.decisions.approved");
    rows.push([
      t("messages.detail.facts.decision"),
      <span key="decision" className="grid gap-0.5">
        <span>{t("messages.detail.decided", { decision, name: m.decidedBy?.name ?? "—", time: dateTime.format(m.decidedAt) })}</span>
        {m.decisionNote && <span className="text-muted-foreground break-words whitespace-pre-wrap">{m.decisionNote}</span>}
      </span>,
    ]);
  }
  if (m.endedAt) {
    rows.push([
      t("messages.detail.facts.ended"),
      <span key="ended" className="break-words whitespace-pre-wrap">
        {t("messages.detail.endedBy", { time: dateTime.format(m.endedAt), reason: m.endReason ?? "" })}
      </span>,
    ]);
  }
  if (m.failure) rows.push([t("messages.detail.facts.failure"), <span key="failure" className="break-words text-destructive">{m.failure}</span>]);

  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("messages.detail.facts.title")}</CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
