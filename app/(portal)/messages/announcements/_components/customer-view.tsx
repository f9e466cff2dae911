"use client";
/**
 * An announcement as a customer sees it: its title as text and its body as the HTML the server sanitised
 * (server/announcements/sanitize.ts) — the very HTML the partner API hands the brand's app. It is put in as
 * HTML on purpose, and only ever that server output: this page never renders Markdown or HTML of its own.
 */
import { Pin } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

/** Readable spacing for the few tags the sanitiser lets through. */
const PROSE = cn(
  "text-sm leading-relaxed break-words [&>*:first-child]:mt-0 [&>*:last-child]:mb-0",
  "[&_p]:my-2 [&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:mb-1.5 [&_h3]:font-semibold [&_h4]:mt-3 [&_h4]:mb-1 [&_h4]:font-medium",
  "[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-5 [&_li]:my-0.5",
  "[&_a]:text-primary [&_a]:underline [&_a]:underline-offset-2 [&_blockquote]:my-2 [&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground",
  "[&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs [&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-muted [&_pre]:p-3 [&_pre_code]:p-0",
  "[&_hr]:my-4 [&_table]:my-2 [&_table]:w-full [&_table]:text-xs [&_td]:border [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:bg-muted [&_th]:px-2 [&_th]:py-1 [&_th]:text-left",
);

export function CustomerView({ title, html, pinned, popup, lang, className }: { title: string; html: string; pinned?: boolean; popup?: boolean; lang: string; className?: string }) {
  const t = useT();
  return (
    <article lang={lang} aria-label={t("announcements.view.asCustomersSee")} data-testid="announcement-customer-view" className={cn("rounded-xl border bg-background p-4 shadow-sm", className)}>
      {(pinned || popup) && (
        <div className="mb-2 flex gap-1">
          {pinned && (
            <Badge variant="secondary">
              <Pin />
              {t("announcements.pinned")}
            </Badge>
          )}
          {popup && <Badge variant="outline">{t("announcements.popup")}</Badge>}
        </div>
      )}
      <h3 className="text-base font-semibold break-words">{title}</h3>
      {/* The server's sanitised HTML, exactly as customers get it. */}
      <div className={cn("mt-2", PROSE)} data-testid="announcement-html" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
