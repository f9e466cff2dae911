"use client";
/** Small read-only pieces of an announcement: its state, languages, audience, how it is shown, its title in the reader's language. */
import { Pin } from "lucide-react";
import { useCallback } from "react";
import { Badge } from "@/components/ui/badge";
import { useLocale, useT } from "@/lib/i18n/client";
import type { AnnouncementLocale, AnnouncementState } from "@/lib/announcements/schemas";
import { isAnnouncementLocale } from "@/lib/announcements/schemas";
import type { AnnouncementRow } from "@/server/announcements/types";

const STATE_VARIANT = { draft: "outline", scheduled: "secondary", live: "success", ended: "secondary", unpublished: "warning" } as const satisfies Record<AnnouncementState, string>;

export function AnnouncementStateBadge({ state }: { state: AnnouncementState }) {
  const t = useT();
  return (
    <Badge variant={STATE_VARIANT[state]} data-testid="announcement-state">
      {t(`announcements.states.${state}`)}
    </Badge>
  );
}

/** "EN ZH", each named in full on hover. */
export function LocaleBadges({ locales }: { locales: AnnouncementLocale[] }) {
  const t = useT();
  return (
    <span className="flex gap-1">
      {locales.map((locale) => (
        <Badge key={locale} variant="outline" title={t(`announcements.languages.${locale}`)} className="font-mono">
          {t(`announcements.languageCodes.${locale}`)}
        </Badge>
      ))}
    </span>
  );
}

/** "All customers", or the groups by name. */
export function audienceText(row: Pick<AnnouncementRow, "groups" | "groupIds">, t: ReturnType<typeof useT>): string {
  return row.groupIds.length === 0 ? t("announcements.everyone") : row.groups.map((g) => g.name).join(", ") || "—";
}

export function ShownAs({ pinned, popup }: { pinned: boolean; popup: boolean }) {
  const t = useT();
  if (!pinned && !popup) return <span className="text-muted-foreground">{t("announcements.view.listed")}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {pinned && (
        <Badge variant="secondary">
          <Pin />
          {t("announcements.pinned")}
        </Badge>
      )}
      {popup && <Badge variant="outline">{t("announcements.popup")}</Badge>}
    </span>
  );
}

/** The title in the reader's language when it is written in it, else in the first language written. */
export function useTitleOf() {
  const locale = useLocale();
  return useCallback(
    (row: Pick<AnnouncementRow, "content" | "locales">): string => {
      const mine = isAnnouncementLocale(locale) ? row.content[locale] : undefined;
      return (mine ?? (row.locales[0] ? row.content[row.locales[0]] : undefined))?.title ?? "";
    },
    [locale],
  );
}
