/** The messages area's header links: new message (writers), templates, announcements, settings. */
import { FileText, Megaphone, Plus, Settings } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { Translate } from "@/lib/i18n/translate";

export function MessagesHeaderActions({ t, canManage }: { t: Translate; canManage: boolean }) {
  return (
    <>
      <Button asChild variant="outline" size="sm">
        <Link href="/messages/templates">
          <FileText />
          {t("messages.header.templates")}
        </Link>
      </Button>
      <Button asChild variant="outline" size="sm">
        <Link href="/messages/announcements">
          <Megaphone />
          {t("messages.header.announcements")}
        </Link>
      </Button>
      <Button asChild variant="outline" size="sm">
        <Link href="/messages/settings">
          <Settings />
          {t("messages.header.settings")}
        </Link>
      </Button>
      {canManage && (
        <Button asChild size="sm">
          <Link href="/messages/new">
            <Plus />
            {t("messages.header.new")}
          </Link>
        </Button>
      )}
    </>
  );
}
