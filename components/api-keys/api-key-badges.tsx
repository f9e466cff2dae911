"use client";
/** Small read-only pieces of an API-key row: permission badges, bound IPs, the unbound-key warning. */
import { TriangleAlert } from "lucide-react";
import { AddressList } from "@/components/data-table/address-list";
import { Badge } from "@/components/ui/badge";
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

export function IpList({ ips }: { ips: string[] }) {
  const t = useT();
  return <AddressList ips={ips} empty={t("apiKeys.noIps")} more={(count) => t("apiKeys.moreIps", { count })} />;
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
