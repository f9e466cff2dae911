"use client";
/** Small read-only pieces of a partner-key row: status, scopes, allowlist, limit, last use. */
import { AddressList } from "@/components/data-table/address-list";
import { Badge } from "@/components/ui/badge";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import { DEFAULT_RATE_LIMIT_PER_SECOND } from "@/lib/partner-api/schemas";
import { SCOPES, type Scope } from "@/lib/partner-api/scopes";
import { cn } from "@/lib/utils";
import type { PartnerKeyRow } from "@/server/partner/types";

const STATUS_VARIANT = { active: "success", retiring: "warning", expired: "secondary", revoked: "outline" } as const;

/** The status; a retiring key (replaced by a rotation) says until when, under its badge. */
export function PartnerKeyStatusBadge({ row }: { row: Pick<PartnerKeyRow, "status" | "retiresAt"> }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  const until = row.status === "retiring" && row.retiresAt ? dateTime.format(row.retiresAt) : null;
  return (
    <span className="flex flex-col items-start gap-0.5" data-testid="partner-key-status" title={until ? t("partnerApi.retiringHint", { time: until }) : undefined}>
      <Badge variant={STATUS_VARIANT[row.status]} className={cn(row.status === "revoked" && "border-destructive/40 text-destructive")}>
        {t(`partnerApi.statuses.${row.status}`)}
      </Badge>
      {until && <span className="max-w-28 text-xs whitespace-normal text-muted-foreground">{t("partnerApi.retiringUntil", { time: until })}</span>}
    </span>
  );
}

/** "Customers · Write", in the order the form lists them; the code on hover. */
export function ScopeBadges({ scopes }: { scopes: string[] }) {
  const t = useT();
  const ordered = [...SCOPES.filter((s) => scopes.includes(s)), ...scopes.filter((s) => !SCOPES.includes(s as Scope))];
  return (
    <span className="flex max-w-64 flex-wrap gap-1">
      {ordered.map((scope) => {
        const [group, access] = scope.split(":");
        return (
          <Badge key={scope} variant={access === "write" ? "secondary" : "outline"} title={scope}>
            {translateDynamic(t, `partnerApi.scopeGroups.${group}`, group ?? scope)} · {translateDynamic(t, `partnerApi.scopeAccess.${access}`, access ?? "")}
          </Badge>
        );
      })}
    </span>
  );
}

export function AllowList({ ips }: { ips: string[] }) {
  const t = useT();
  return <AddressList ips={ips} stacked empty={t("partnerApi.anyAddress")} more={(count) => t("partnerApi.moreIps", { count })} />;
}

export function RateLimit({ limit }: { limit: number | null }) {
  const t = useT();
  return limit === null ? (
    <span className="flex flex-col whitespace-nowrap">
      <span className="tabular-nums">{t("partnerApi.perSecond", { limit: DEFAULT_RATE_LIMIT_PER_SECOND })}</span>
      <span className="text-xs text-muted-foreground">{t("partnerApi.defaultRate")}</span>
    </span>
  ) : (
    <span className="whitespace-nowrap tabular-nums">{t("partnerApi.perSecond", { limit })}</span>
  );
}

/** A time ("date" shows the day, the full time on hover), or "Never"; `detail` (the address of the last use) under it. */
export function When({ at, detail, preset = "dateTime" }: { at: Date | null; detail?: string | null; preset?: "date" | "dateTime" }) {
  const t = useT();
  const full = useDateTimeFormat();
  const shown = useDateTimeFormat(preset);
  if (!at) return <span className="text-muted-foreground">{t("partnerApi.never")}</span>;
  return (
    <span className="flex flex-col">
      <time dateTime={at.toISOString()} title={preset === "date" ? full.format(at) : undefined} className={cn("tabular-nums", preset === "date" ? "whitespace-nowrap" : "max-w-32 whitespace-normal")}>
        {shown.format(at)}
      </time>
      {detail && <span className="font-mono text-xs text-muted-foreground">{detail}</span>}
    </span>
  );
}
