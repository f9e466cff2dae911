"use client";
/**
 * How current each of the customer's sub-accounts is: when it was last read, which data kinds failed on
 * the last attempt (and since when the last good read is), or why it cannot be read at all (no usable key).
 */
import { CircleCheck, KeyRound, TriangleAlert } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatElapsed } from "@/lib/format";
import { DATA_KINDS, SYNC_ERROR_CODES, type DataKind } from "@/lib/exchange-accounts/schemas";
import type { SubaccountFreshness } from "@/lib/exchange-accounts/types";
import { useLocale, useT } from "@/lib/i18n/client";

export function ExchangeFreshness({ subaccounts, now }: { subaccounts: SubaccountFreshness[]; now: Date }) {
  const t = useT();
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("exchangeAccounts.freshness.title")}</CardTitle>
        <CardDescription>{t("exchangeAccounts.freshness.description")}</CardDescription>
      </CardHeader>
      <CardContent className="px-4">
        <ul className="grid gap-3" aria-label={t("exchangeAccounts.freshness.title")}>
          {subaccounts.map((s) => (
            <SubaccountLine key={s.subaccountId} sub={s} now={now} />
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function SubaccountLine({ sub, now }: { sub: SubaccountFreshness; now: Date }) {
  const t = useT();
  const locale = useLocale();
  const ago = (d: Date) => formatElapsed(d, now, locale);
  const failed = DATA_KINDS.filter((k) => sub.kinds[k]?.errorCode);
  const reason = (code: string) => (SYNC_ERROR_CODES as readonly string[]).includes(code) ? t(`exchangeAccounts.syncErrors.${code as "timeout"}`) : code;

  let status;
  if (sub.noKeyReason) {
    const why = t(`exchangeAccounts.errors.noKey.${sub.noKeyReason as "no_key"}`, { permission: "read_only" });
    status = (
      <p className="flex items-start gap-1.5 text-sm text-amber-700 dark:text-amber-400">
        <KeyRound className="mt-0.5 size-4 shrink-0" aria-hidden />
        {t("exchangeAccounts.freshness.noKey", { reason: why })}
      </p>
    );
  } else if (!sub.lastRunAt) {
    status = <p className="text-sm text-muted-foreground">{t("exchangeAccounts.freshness.neverSynced")}</p>;
  } else if (failed.length === 0) {
    status = (
      <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
        <CircleCheck className="size-4 text-emerald-600" aria-hidden />
        {t("exchangeAccounts.freshness.syncedAgo", { time: ago(sub.lastRunAt) })}
      </p>
    );
  } else {
    status = (
      <div className="grid gap-1">
        <p className="text-sm text-muted-foreground">{t("exchangeAccounts.freshness.syncedAgo", { time: ago(sub.lastRunAt) })}</p>
        {failed.map((k: DataKind) => {
          const kind = sub.kinds[k]!;
          return (
            <p key={k} className="flex items-start gap-1.5 text-sm text-destructive" title={kind.errorMessage ?? undefined}>
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span>
                {t("exchangeAccounts.freshness.kindFailed", { kind: t(`exchangeAccounts.kinds.${k}`), reason: reason(kind.errorCode!) })}
                {kind.lastSuccessAt && <span className="text-muted-foreground"> · {t("exchangeAccounts.freshness.lastGood", { time: ago(kind.lastSuccessAt) })}</span>}
              </span>
            </p>
          );
        })}
      </div>
    );
  }
  return (
    <li className="grid gap-1 border-b pb-3 last:border-0 last:pb-0" data-testid={`freshness-${sub.subAcct}`}>
      <span className="font-mono text-xs">
        {sub.subAcct}
        {sub.label && <span className="ml-2 font-sans text-muted-foreground">{sub.label}</span>}
      </span>
      {status}
    </li>
  );
}
