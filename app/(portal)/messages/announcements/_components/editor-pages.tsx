"use client";
/** The editor's pages: what they load first (the brand's default language, the announcement) and their header. */
import { useQuery } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { announcementHref } from "./announcement-columns";
import { AnnouncementEditor } from "./announcement-editor";
import { BackToAnnouncements, LoadFailed, Loading } from "./announcement-view";

export function NewAnnouncement() {
  const t = useT();
  const trpc = useTRPC();
  const defaults = useQuery(trpc.announcement.defaults.queryOptions());
  return (
    <>
      <BackToAnnouncements />
      <PageHeader className="mb-4" title={t("announcements.create.title")} description={t("announcements.create.description")} />
      {defaults.isPending ? <Loading /> : defaults.isError ? <LoadFailed error={defaults.error} /> : <AnnouncementEditor defaultLanguage={defaults.data.defaultLanguage} />}
    </>
  );
}

export function EditAnnouncement({ id }: { id: string }) {
  const t = useT();
  const trpc = useTRPC();
  const defaults = useQuery(trpc.announcement.defaults.queryOptions());
  // Not refetched in the background. After a refusal (changed meanwhile) it is reloaded: the form keeps what was typed
  // and the next save carries the version now read.
  const announcement = useQuery({ ...trpc.announcement.get.queryOptions({ id }), refetchOnWindowFocus: false });
  const body = () => {
    if (defaults.isPending || announcement.isPending) return <Loading />;
    if (announcement.isError) return <LoadFailed error={announcement.error} />;
    if (defaults.isError) return <LoadFailed error={defaults.error} />;
    if (announcement.data.status === "published") {
      return (
        <EmptyState
          icon={Lock}
          title={t("announcements.edit.lockedHint")}
          action={
            <Button asChild variant="outline" size="sm">
              <Link href={announcementHref(id)}>{t("announcements.actions.open")}</Link>
            </Button>
          }
        />
      );
    }
    return <AnnouncementEditor row={announcement.data} defaultLanguage={defaults.data.defaultLanguage} />;
  };
  return (
    <>
      <BackToAnnouncements />
      <PageHeader className="mb-4" title={t("announcements.edit.title")} description={t("announcements.edit.description")} />
      {body()}
    </>
  );
}
