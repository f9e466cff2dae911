"use client";
/**
 * One message: its status and the actions it allows, delivery progress (polled every 2 s while it sends
 * or is due to start), its text in each language as plain text with line breaks kept (never markup), the
 * audience, who wrote and decided it and when, and its statistics once sending has started.
 */
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useLocale, useT } from "@/lib/i18n/client";
import { MESSAGE_LOCALES } from "@/lib/messages/template";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { DeliveryProgress } from "./delivery-progress";
import { MessageActions } from "./message-actions";
import { MessageStatusBadge, useMessageWords } from "./message-badges";
import { useMessageTitle } from "./message-columns";
import { MessageFacts } from "./message-facts";
import { MessageStatsPanel } from "./message-stats";
import type { MessageDetail } from "./types";

interface MessageViewProps {
  id: string;
  selfId: string;
  canManage: boolean;
  canApprove: boolean;
}

/** Sending, or scheduled with its time come (the dispatcher picks it up within seconds). */
/** When to look again: every 2 s while it is sending or due; a scheduled one when its time comes (at most a minute on). */
function nextLook(m: Pick<MessageDetail, "status" | "scheduledAt">): number | false {
  if (m.status === "sending") return 2_000;
  if (m.status === "scheduled" && m.scheduledAt !== null) return Math.min(60_000, Math.max(2_000, m.scheduledAt.getTime() - Date.now()));
  return false;
}

export function MessageView({ id, selfId, canManage, canApprove }: MessageViewProps) {
  const t = useT();
  const trpc = useTRPC();
  const query = useQuery(trpc.message.get.queryOptions({ id }, { refetchInterval: (q) => (q.state.data ? nextLook(q.state.data) : false) }));
  if (query.isPending) {
    return (
      <div className="grid gap-3" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-10 w-1/3" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (query.isError) {
    const { message, code } = describeTrpcError(query.error, t);
    return <EmptyState icon={TriangleAlert} title={code === "NOT_FOUND" ? t("messages.detail.notFound") : t("messages.detail.loadError")} description={message} />;
  }
  return <Message message={query.data} selfId={selfId} canManage={canManage} canApprove={canApprove} />;
}

function Message({ message: m, selfId, canManage, canApprove }: { message: MessageDetail; selfId: string; canManage: boolean; canApprove: boolean }) {
  const t = useT();
  const locale = useLocale();
  const words = useMessageWords();
  const titleOf = useMessageTitle();
  // The reader's language when the message has it.
  const title = (m.source !== "automatic" && m.content[locale]?.title) || titleOf(m);
  const own = m.createdById === selfId;
  const started = m.recipientCount !== null;

  return (
    <div className="grid gap-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid min-w-0 gap-1">
          <Button asChild variant="ghost" size="sm" className="w-fit px-0">
            <Link href="/messages">
              <ArrowLeft />
              {t("messages.header.back")}
            </Link>
          </Button>
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold break-words">
            <span className="min-w-0">{title}</span> <MessageStatusBadge status={m.status} />
          </h1>
          <p className="text-sm text-muted-foreground">
            {words.type(m.type)} · {words.source(m.source)}
          </p>
          {m.status === "awaiting_approval" && (
            <p className="flex flex-wrap gap-x-3 text-sm">
              <Link href={own ? "/approvals?view=mine" : "/approvals?kind=message.send"} className="font-medium text-primary underline-offset-4 hover:underline">
                {t("messages.detail.approvalInbox")}
              </Link>
              {own && canApprove && <span className="text-muted-foreground">{t("messages.detail.ownMessage")}</span>}
            </p>
          )}
        </div>
        <MessageActions message={m} title={title} canManage={canManage} canApprove={canApprove} selfId={selfId} />
      </div>

      {(started || m.status === "scheduled" || m.status === "awaiting_approval") && (
        <Card className="gap-2 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-sm">{t("messages.detail.progress")}</CardTitle>
          </CardHeader>
          <CardContent className="px-4" data-testid="delivery-progress">
            <DeliveryProgress large delivered={m.deliveredCount} recipients={m.recipientCount} estimated={m.estimatedCount} />
          </CardContent>
        </Card>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="gap-3 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-sm">{t("messages.detail.content")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 px-4">
            {m.source === "automatic" && <p className="text-sm text-muted-foreground">{t("messages.detail.automaticContent")}</p>}
            {(m.source !== "automatic" || m.locales.length > 0) &&
              MESSAGE_LOCALES.map((locale) => {
                const text = m.content[locale];
                return (
                  <section key={locale} aria-label={t(`messages.languages.${locale}`)} className="grid gap-1.5 rounded-md border p-3">
                    <h3 className="text-xs font-medium text-muted-foreground">{t(`messages.languages.${locale}`)}</h3>
                    {text ? (
                      <div lang={locale} className="grid gap-1">
                        <p className="font-medium break-words whitespace-pre-wrap">{text.title}</p>
                        <p className="text-sm break-words whitespace-pre-wrap">{text.body}</p>
                      </div>
                    ) : (
                      <p className="text-sm text-muted-foreground">{t("messages.detail.noText")}</p>
                    )}
                  </section>
                );
              })}
          </CardContent>
        </Card>
        <MessageFacts message={m} />
      </div>

      {started && <MessageStatsPanel message={m} />}
    </div>
  );
}
