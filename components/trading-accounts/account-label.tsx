"use client";
/** How a trading account is named and badged everywhere in the back office. */
import { Lock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translate";
import type { TradingAccountStatus, TradingAccountType } from "@/lib/ledger/schemas";

/** "Spot USDT" / "Spot USDT (Demo)". */
export const accountLabel = (t: Translate, a: { type: TradingAccountType; currency: string; demo: boolean }) =>
  `${t(`tradingAccounts.types.${a.type}`)} ${a.currency}${a.demo ? ` (${t("tradingAccounts.demo")})` : ""}`;

export function ModeBadge({ demo }: { demo: boolean }) {
  const t = useT();
  return <Badge variant={demo ? "secondary" : "outline"}>{demo ? t("tradingAccounts.demo") : t("tradingAccounts.real")}</Badge>;
}

const STATUS_VARIANT = { active: "success", frozen: "warning", closed: "outline" } as const;

export function TradingAccountStatusBadge({ status }: { status: TradingAccountStatus }) {
  const t = useT();
  return <Badge variant={STATUS_VARIANT[status]}>{t(`tradingAccounts.statuses.${status}`)}</Badge>;
}

/** Shown when an active fund lock refuses money in or out of the account. */
export function LockBadges({ locks }: { locks: { in: boolean; out: boolean } }) {
  const t = useT();
  return (
    <>
      {locks.in && (
        <Badge variant="warning" className="gap-1">
          <Lock aria-hidden className="size-3" />
          {t("tradingAccounts.lockedIn")}
        </Badge>
      )}
      {locks.out && (
        <Badge variant="warning" className="gap-1">
          <Lock aria-hidden className="size-3" />
          {t("tradingAccounts.lockedOut")}
        </Badge>
      )}
    </>
  );
}
