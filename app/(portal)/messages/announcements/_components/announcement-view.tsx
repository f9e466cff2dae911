"use client";
/**
 * One announcement: its state and what it means for customers, when it runs and for whom, and each language
 * as customers see it (the stored sanitised HTML). Those who may change it: Edit (not while published),
 * Publish, Unpublish, Delete (drafts), each confirmed.
 */
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Pencil, Send, Trash2, TriangleAlert, Undo2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import type { AnnouncementRow } from "@/server/announcements/types";
import { AnnouncementActionDialog, type AnnouncementAction } from "./announcement-action-dialogs";
import { AnnouncementStateBadge, audienceText, LocaleBadges, ShownAs, useTitleOf } from "./announcement-badges";
import { announcementHref } from "./announcement-columns";
import { CustomerView } from "./customer-view";

export function BackToAnnouncements() {
  const t = useT();
  return (
    <Button asChild variant="ghost" size="sm" className="-ml-2 mb-2 w-fit">
      <Link href="/messages/announcements">
        <ArrowLeft />
        {t("announcements.back")}
      </Link>
    </Button>
  );
}

export function Loading() {
  const t = useT();
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

export function LoadFailed({ error }: { error: unknown }) {
  const t = useT();
  const { message, code } = describeTrpcError(error, t);
  return <EmptyState icon={TriangleAlert} title={code === "NOT_FOUND" ? t("announcements.notFound") : t("announcements.loadError")} description={message} />;
}

export function AnnouncementView({ id, canManage }: { id: string; canManage: boolean }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.announcement.get.queryOptions({ id }));
  return (
    <>
      <BackToAnnouncements />
      {query.isPending ? <Loading /> : query.isError ? <LoadFailed error={query.error} /> : <Announcement row={query.data} canManage={canManage} />}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

function Announcement({ row, canManage }: { row: AnnouncementRow; canManage: boolean }) {
  const t = useT();
  const router = useRouter();
  const titleOf = useTitleOf();
  const dateTime = useDateTimeFormat();
  const [action, setAction] = useState<AnnouncementAction | null>(null);
  const title = titleOf(row);
  const hint = { draft: "draftHint", scheduled: "scheduledHint", live: "liveHint", ended: "endedHint", unpublished: "unpublishedHint" } as const;
  const window = row.endsAt
    ? t("announcements.view.fromTo", { start: dateTime.format(row.startsAt), end: dateTime.format(row.endsAt) })
    : t("announcements.view.from", { start: dateTime.format(row.startsAt) });
  const actions = canManage && (
    <>
      {row.status !== "published" && (
        <Button asChild variant="outline" size="sm">
          <Link href={`${announcementHref(row.id)}/edit`}>
            <Pencil />
            {t("announcements.actions.edit")}
          </Link>
        </Button>
      )}
      {row.status === "draft" && (
        <Button variant="outline" size="sm" onClick={() => setAction("delete")}>
          <Trash2 />
          {t("announcements.actions.delete")}
        </Button>
      )}
      {row.status === "published" ? (
        <Button variant="outline" size="sm" onClick={() => setAction("unpublish")}>
          <Undo2 />
          {t("announcements.actions.unpublish")}
        </Button>
      ) : (
        <Button size="sm" onClick={() => setAction("publish")}>
          <Send />
          {t("announcements.actions.publish")}
        </Button>
      )}
    </>
  );

  return (
    <div className="grid gap-4">
      <PageHeader
        className="mb-0"
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="break-words">{title}</span>
            <AnnouncementStateBadge state={row.state} />
          </span>
        }
        description={t(`announcements.view.${hint[row.state]}`)}
        actions={actions || undefined}
      />
      <Card>
        <CardContent>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Fact label={t("announcements.view.window")}>{window}</Fact>
            <Fact label={t("announcements.view.audience")}>{audienceText(row, t)}</Fact>
            <Fact label={t("announcements.view.languages")}>
              <LocaleBadges locales={row.locales} />
            </Fact>
            <Fact label={t("announcements.view.shownAs")}>
              <ShownAs pinned={row.pinned} popup={row.popup} />
            </Fact>
            <Fact label={t("announcements.columns.createdAt")}>
              {row.createdBy
                ? t("announcements.view.created", { name: row.createdBy.name, time: dateTime.format(row.createdAt) })
                : t("announcements.view.createdNoName", { time: dateTime.format(row.createdAt) })}
            </Fact>
            {row.publishedAt && <Fact label={t("announcements.columns.publishedAt")}>{t("announcements.view.published", { time: dateTime.format(row.publishedAt) })}</Fact>}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("announcements.view.asCustomersSee")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Tabs defaultValue={row.locales[0]}>
            <TabsList>
              {row.locales.map((locale) => (
                <TabsTrigger key={locale} value={locale} className="px-3">
                  {t(`announcements.languages.${locale}`)}
                </TabsTrigger>
              ))}
            </TabsList>
            {row.locales.map((locale) => (
              <TabsContent key={locale} value={locale} className="max-w-2xl pt-2">
                <CustomerView title={row.content[locale]!.title} html={row.content[locale]!.html} pinned={row.pinned} popup={row.popup} lang={locale} />
              </TabsContent>
            ))}
          </Tabs>
        </CardContent>
      </Card>
      {action && (
        <AnnouncementActionDialog
          action={action}
          row={row}
          onClose={() => setAction(null)}
          onDone={(after) => {
            if (!after) router.push("/messages/announcements");
          }}
        />
      )}
    </div>
  );
}
