"use client";
/** Small pieces shared by the fund-lock table and the customer tab: account name, status, direction, risk-rule badge. */
import { ShieldAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translate";
import type { FundLockDirection, FundLockStatus } from "@/lib/fund-locks/schemas";
import type { FundLockAccount } from "@/server/fund-locks/types";

type AccountTypeKey = "spot" | "margin" | "futures" | "swap" | "options";

/** "Spot USDT" (with "Demo" in front for a demo account). */
export function accountName(t: Translate, account: Pick<FundLockAccount, "type" | "currency" | "demo">): string {
  const type = t(`fundLocks.accountTypes.${account.type as AccountTypeKey}`);
  const name = t("fundLocks.account", { type, currency: account.currency });
  return account.demo ? `${t("fundLocks.demo")} · ${name}` : name;
}

export function AccountName({ account }: { account: Pick<FundLockAccount, "type" | "currency" | "demo" | "status"> }) {
  const t = useT();
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      {accountName(t, account)}
      {account.status === "closed" && (
        <Badge variant="outline" className="font-normal text-muted-foreground">
          {t("fundLocks.closedAccount")}
        </Badge>
      )}
    </span>
  );
}

const STATUS_VARIANT = { active: "destructive", expired: "secondary", released: "outline" } as const;

export function FundLockStatusBadge({ status }: { status: FundLockStatus }) {
  const t = useT();
  return <Badge variant={STATUS_VARIANT[status]}>{t(`fundLocks.statuses.${status}`)}</Badge>;
}

export function DirectionText({ direction }: { direction: FundLockDirection }) {
  const t = useT();
  return <span className="whitespace-nowrap">{t(`fundLocks.directions.${direction}`)}</span>;
}

/** Shown on locks a risk rule placed: only admins may release them. */
export function RiskRuleBadge() {
  const t = useT();
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Badge variant="warning" tabIndex={0}>
          <ShieldAlert aria-hidden />
          {t("fundLocks.riskRule")}
        </Badge>
      </TooltipTrigger>
      <TooltipContent>{t("fundLocks.riskRuleHint")}</TooltipContent>
    </Tooltip>
  );
}

/** What is locked on an account right now, one badge per active lock. */
export function LockedBadges({ directions }: { directions: FundLockDirection[] }) {
  const t = useT();
  if (directions.length === 0) return <span className="text-xs text-muted-foreground">{t("fundLocks.customerTab.noLocks")}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {directions.map((d) => (
        <Badge key={d} variant="destructive">
          {t(`fundLocks.locked.${d}`)}
        </Badge>
      ))}
    </span>
  );
}
