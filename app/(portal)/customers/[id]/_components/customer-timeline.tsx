"use client";
/**
 * The Timeline tab: everything that happened to the customer, newest first — audit entries about the
 * customer and their KYC applications — 30 at a time with "Load more". Each entry says when, who, what
 * (in words; an action without words yet shows as recorded) and which fields changed from what to what.
 */
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useMemo } from "react";
import { LoadError } from "@/components/load-error";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { countryName } from "@/lib/countries";
import { useLocale, useT } from "@/lib/i18n/client";
import { translateDynamic, type Translate } from "@/lib/i18n/translate";
import { useTRPC } from "@/lib/trpc/client";
import { actorInWords } from "@/lib/audit/present";
import { CUSTOMER_STATUSES, type CustomerStatus } from "@/lib/customers/schemas";
import type { CustomerTimelineEntry } from "@/server/customers/types";
import { actionKey, fieldChanges, type FieldChange } from "./timeline-helpers";

const PAGE_SIZE = 30;
/** Changed fields listed per entry before "and N more". */
const MAX_CHANGES = 6;

export function CustomerTimeline({ customerId }: { customerId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.customer.timeline.infiniteQueryOptions(
      { id: customerId, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const formatValue = useValueFormatter();

  if (query.isPending) {
    return (
      <div className="grid gap-4 py-2" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="grid gap-2 pl-6">
            <Skeleton className="h-3 w-40" />
            <Skeleton className="h-4 w-64" />
          </div>
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <LoadError title={t("customers.timeline.loadError")} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  const entries = query.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) return <EmptyState icon={History} title={t("customers.timeline.empty")} />;

  return (
    <div className="grid gap-4">
      <ol aria-label={t("customers.tabs.timeline")} className="relative grid gap-5 border-l pl-5">
        {entries.map((entry) => (
          <TimelineEntry key={entry.id} entry={entry} formatValue={formatValue} />
        ))}
      </ol>
      {query.hasNextPage ? (
        <Button variant="outline" size="sm" className="w-fit" pending={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {t("customers.timeline.loadMore")}
        </Button>
      ) : (
        <p className="text-xs text-muted-foreground">{t("customers.timeline.end")}</p>
      )}
    </div>
  );
}

type FormatValue = (field: string, value: unknown, entityType: string) => string;

function TimelineEntry({ entry, formatValue }: { entry: CustomerTimelineEntry; formatValue: FormatValue }) {
  const t = useT();
  const dateTime = useDateTimeFormat("dateTimeSeconds");
  const changes = fieldChanges(entry.before, entry.after);
  const shown = changes.slice(0, MAX_CHANGES);
  const actor = actorInWords(entry, { system: t("audit.actor.system"), unknown: t("audit.actor.unknown") });

  return (
    <li className="relative grid gap-1">
      <span aria-hidden className="absolute top-1.5 -left-[25px] size-2.5 rounded-full border-2 border-background bg-primary/70" />
      <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted-foreground">
        <time dateTime={entry.at.toISOString()} className="tabular-nums">
          {dateTime.format(entry.at)}
        </time>
        <span>{t("customers.timeline.by", { actor })}</span>
      </p>
      <p className="text-sm font-medium">
        {translateDynamic(t, `customers.timeline.actions.${actionKey(entry.action)}`, translateDynamic(t, `audit.actions.${actionKey(entry.action)}.name`, entry.action))}
      </p>
      {shown.length > 0 && (
        <ul className="grid gap-0.5 text-sm">
          {shown.map((change) => (
            <ChangeLine key={change.field} change={change} format={(field, value) => formatValue(field, value, entry.entityType)} />
          ))}
          {changes.length > shown.length && (
            <li className="text-xs text-muted-foreground">{t("customers.timeline.moreChanges", { count: changes.length - shown.length })}</li>
          )}
        </ul>
      )}
    </li>
  );
}

function ChangeLine({ change, format }: { change: FieldChange; format: (field: string, value: unknown) => string }) {
  const t = useT();
  const label = translateDynamic(t, `customers.timeline.fields.${change.field}`, change.field);
  return (
    <li className="flex min-w-0 flex-wrap items-baseline gap-x-1.5">
      <span className="text-muted-foreground">{label}:</span>
      {"before" in change && (
        <>
          <span className="break-all text-muted-foreground line-through decoration-muted-foreground/50">{format(change.field, change.before)}</span>
          <span aria-hidden className="text-muted-foreground">
            →
          </span>
          <span className="sr-only">{t("customers.timeline.changedTo")}</span>
        </>
      )}
      <span className="break-all">{format(change.field, change.after)}</span>
    </li>
  );
}

/** Values in words: statuses, countries, languages and groups by name; nothing as "—". */
function useValueFormatter(): FormatValue {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const groups = useQuery(trpc.customerGroup.list.queryOptions(undefined, { staleTime: 60_000 })).data;
  return useMemo(() => {
    const groupName = new Map((groups ?? []).map((group) => [group.id, group.name]));
    return (field, value, entityType) => formatChangeValue(field, value, { t, locale, groupName, entityType });
  }, [t, locale, groups]);
}

function formatChangeValue(
  field: string,
  value: unknown,
  { t, locale, groupName, entityType }: { t: Translate; locale: string; groupName: Map<string, string>; entityType: string },
): string {
  const none = t("customers.none");
  // KYC applications have statuses of their own.
  if (entityType === "kyc_application" && field === "status" && typeof value === "string") {
    return translateDynamic(t, `customers.kyc.statuses.${value}`, value);
  }
  if (field === "groupId") return typeof value === "string" ? (groupName.get(value) ?? t("customers.unknownGroup")) : t("customers.noGroup");
  if (value === null || value === undefined || value === "") return none;
  if (field === "status" && CUSTOMER_STATUSES.includes(value as CustomerStatus)) return t(`customers.status.${value as CustomerStatus}`);
  if (field === "country" && typeof value === "string") return countryName(value, locale);
  if (field === "language" && typeof value === "string") return translateDynamic(t, `customers.languages.${value}`, value);
  if (field === "scenario" && typeof value === "string") return translateDynamic(t, `customers.kyc.scenarios.${value}`, value);
  if (field === "kind" && typeof value === "string") return translateDynamic(t, `kyc.documentKind.${value}`, value);
  if (field === "registrationSource" && typeof value === "string") return translateDynamic(t, `customers.sources.${value}`, value);
  if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : none;
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
