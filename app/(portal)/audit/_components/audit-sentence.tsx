"use client";
/**
 * An audit entry as a sentence in the reader's language — "Olivia Ops froze customer Emma Clarke" — with
 * the record linked where it has a page, and the customer it belongs to linked after it.
 */
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { actionKey, actorInWords } from "@/lib/audit/present";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import type { AuditRow } from "@/server/audit/query";
import { entityTypeName, sentenceParts } from "./audit-helpers";

const linkClass = "font-medium underline decoration-muted-foreground/40 underline-offset-4 hover:decoration-foreground";

export function AuditSentence({ entry, links = true }: { entry: AuditRow; links?: boolean }) {
  const t = useT();
  const template = translateDynamic(t, `audit.actions.${actionKey(entry.action)}.sentence`, "");
  const actor = actorInWords(entry, { system: t("audit.actor.system"), unknown: t("audit.actor.unknown") });
  // The email (or the job) behind the name, on hover.
  const actorTitle = entry.actorLabel ?? undefined;
  const stop = (e: React.MouseEvent) => e.stopPropagation();

  const actorNode = (
    <span className="font-medium" title={actorTitle}>
      {actor}
    </span>
  );
  const entityNode = entry.entity ? (
    links && entry.entity.href ? (
      <Link href={entry.entity.href} className={linkClass} onClick={stop}>
        {entry.entity.label}
      </Link>
    ) : (
      <span className="font-medium">{entry.entity.label}</span>
    )
  ) : (
    <span className="text-muted-foreground">{entityTypeName(t, entry.entityType)}</span>
  );

  return (
    <span className="inline-flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-0.5">
      <span className="min-w-0 break-words">
        {template
          ? sentenceParts(template).map((part, i) =>
              "text" in part ? <span key={i}>{part.text}</span> : <span key={i}>{part.slot === "actor" ? actorNode : entityNode}</span>,
            )
          : (
              <>
                {actorNode} <Badge variant="secondary" className="font-mono font-normal">{entry.action}</Badge> {entityNode}
              </>
            )}
      </span>
      {entry.actorType === "anonymous" && (
        <Badge variant="outline" className="px-1.5 py-0 text-[10px] text-muted-foreground">
          {t("audit.actorTypes.anonymous")}
        </Badge>
      )}
      {entry.customer && (
        <span className="text-xs text-muted-foreground">
          {links && entry.customer.href ? (
            <Link href={entry.customer.href} className={linkClass} onClick={stop}>
              {t("audit.links.customer", { name: entry.customer.label })}
            </Link>
          ) : (
            t("audit.links.customer", { name: entry.customer.label })
          )}
        </span>
      )}
    </span>
  );
}
