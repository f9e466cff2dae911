"use client";
/**
 * The exchange's answer to a rebate-eligibility check, in words: eligible or not, the reason type (FD 0–3,
 * affiliate 0/1/2/4; another code is shown as such), and what the answer carries — the FD user's rebate ratio,
 * the VIP4/5 monthly cap and this month's rebate, the node rebate, the broker code; the affiliate's invitation.
 * The key is shown masked, with its sub-account and customer when the brand holds it. Announced when it arrives.
 */
import { CircleCheck, CircleX } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { AFFILIATE_REASONS, FD_REASONS, ratioPercent, type RebateEligibility } from "@/lib/rebates/eligibility";

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

export function EligibilityAnswer({ answer }: { answer: RebateEligibility }) {
  const t = useT();
  const f = useFormat();
  const reason =
    answer.program === "fd"
      ? isOneOf(FD_REASONS, answer.reason)
        ? t(`rebateEligibility.result.fdReasons.${answer.reason}`)
        : t("rebateEligibility.result.otherReason", { code: answer.reason })
      : isOneOf(AFFILIATE_REASONS, answer.reason)
        ? t(`rebateEligibility.result.affiliateReasons.${answer.reason}`)
        : t("rebateEligibility.result.otherReason", { code: answer.reason });
  const { key } = answer;
  const keyText = key.subAcct
    ? t("rebateEligibility.result.keyStored", { key: key.apiKeyMasked, subAcct: key.subAcct })
    : t("rebateEligibility.result.keyUnknown", { key: key.apiKeyMasked });

  return (
    <section aria-labelledby="eligibility-answer-title" role="status" aria-live="polite" className="grid gap-3 rounded-md border p-4" data-testid="eligibility-answer">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="eligibility-answer-title" className="text-sm font-medium">
          {t("rebateEligibility.result.title")} · {t(`rebateEligibility.programs.${answer.program}`)}
        </h3>
        <Badge variant={answer.eligible ? "success" : "warning"}>
          {answer.eligible ? <CircleCheck aria-hidden /> : <CircleX aria-hidden />}
          {answer.eligible ? t("rebateEligibility.result.eligible") : t("rebateEligibility.result.notEligible")}
        </Badge>
      </div>
      <dl className="grid grid-cols-[minmax(0,11rem)_1fr] gap-x-4 gap-y-2 text-sm">
        <Row label={t("rebateEligibility.result.reason")}>{reason}</Row>
        <Row label={t("rebateEligibility.result.key")}>
          <span className="font-mono text-xs">{keyText}</span>
        </Row>
        {key.customer && (
          <Row label={t("rebateEligibility.result.customer")}>
            <Link href={`/customers/${key.customer.id}`} className="underline-offset-4 hover:underline">
              {key.customer.name}
            </Link>
          </Row>
        )}
        {answer.program === "fd" ? (
          <>
            <Row label={t("rebateEligibility.result.ratio")}>
              {answer.clientRebateRatio === null
                ? t("rebateEligibility.result.noRatio")
                : t("rebateEligibility.result.ratioValue", {
                    percent: `${f.decimal(ratioPercent(answer.clientRebateRatio) ?? answer.clientRebateRatio, { minDecimals: 0 })}%`,
                    ratio: answer.clientRebateRatio,
                  })}
            </Row>
            <Row label={t("rebateEligibility.result.monthlyCap")}>{t(`rebateEligibility.result.caps.${answer.monthlyCap ?? "none"}`)}</Row>
            {answer.monthlyRebate !== null && <Row label={t("rebateEligibility.result.monthlyRebate")}>{f.decimal(answer.monthlyRebate)}</Row>}
            <Row label={t("rebateEligibility.result.affiliated")}>
              {answer.affiliated ? t("rebateEligibility.result.affiliatedYes") : t("rebateEligibility.result.affiliatedNo")}
            </Row>
            {answer.brokerCode && (
              <Row label={t("rebateEligibility.result.brokerCode")}>
                <span className="font-mono text-xs">{answer.brokerCode}</span>
              </Row>
            )}
          </>
        ) : (
          <Row label={t("rebateEligibility.result.invited")}>{answer.invited ? t("rebateEligibility.result.yes") : t("rebateEligibility.result.no")}</Row>
        )}
      </dl>
      <p className="text-xs text-muted-foreground">
        {t("rebateEligibility.result.checkedAt", { time: f.date(answer.checkedAt) })}
        {answer.usingSimulator && ` · ${t("rebateEligibility.result.simulator")}`}
      </p>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
