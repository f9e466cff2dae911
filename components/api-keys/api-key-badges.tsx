"use client";
/** Small read-only pieces of an API-key row: permission badges, bound IPs, the unbound-key warning. */
import { TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";

export function PermBadges({ perms }: { perms: string[] }) {
  const t = useT();
  return (
    <span className="flex flex-wrap gap-1">
      {perms.map((perm) => (
        <Badge key={perm} variant={perm === "read_only" ? "outline" : "secondary"}>
          {translateDynamic(t, `apiKeys.perms.${perm}`, perm)}
        </Badge>
      ))}
    </span>
  );
}

/** IPs shown before "+n"; the rest are in the tooltip. */
const VISIBLE_IPS = 2;

export function IpList({ ips }: { ips: string[] }) {
  const t = useT();
  if (ips.length === 0) return <span className="text-muted-foreground">{t("apiKeys.noIps")}</span>;
  const shown = ips.slice(0, VISIBLE_IPS);
  const more = ips.length - shown.length;
  const list = (
    <span className="flex flex-wrap items-center gap-x-2 font-mono text-xs">
      {shown.map((ip) => (
        <span key={ip}>{ip}</span>
      ))}
      {more > 0 && <span className="text-muted-foreground">{t("apiKeys.moreIps", { count: more })}</span>}
    </span>
  );
  if (more === 0) return list;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button type="button" className="text-left outline-none focus-visible:underline" aria-label={ips.join(", ")}>
          {list}
        </button>
      </TooltipTrigger>
      <TooltipContent className="max-w-xs font-mono text-xs">{ips.join(", ")}</TooltipContent>
    </Tooltip>
  );
}

/** "No IP binding — deleted after 14 idle days", on keys with trade or withdraw and no bound IP. */
export function RiskyBadge({ short = false }: { short?: boolean }) {
  const t = useT();
  return (
    <Badge variant="warning" title={t("apiKeys.risky.hint")} data-testid="risky-key">
      <TriangleAlert aria-hidden />
      {short ? t("apiKeys.risky.short") : t("apiKeys.risky.badge")}
    </Badge>
  );
}
