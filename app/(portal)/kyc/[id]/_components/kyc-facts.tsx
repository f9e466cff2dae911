"use client";
/**
 * The review page's side column: where the application stands (status, reviewer, SLA age, approvals,
 * decision), who the customer is, and what the applicant declared (ID number masked until asked for).
 */
import { Eye, EyeOff, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { maskIdNumber } from "@/components/kyc/kyc-format";
import { KycStatusBadge } from "@/components/kyc/kyc-status-badge";
import { useKycText } from "@/components/kyc/use-kyc-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { AWAITING_REVIEW } from "@/lib/kyc/transitions";
import type { KycApplicationDetail, KycReasonRow } from "@/server/kyc/types";
import { Fact, Facts, Section } from "./section";

interface StatusCardProps {
  app: KycApplicationDetail;
  currentUserId: string;
  slaHours: number | undefined;
  reasons: KycReasonRow[] | undefined;
}

export function StatusCard({ app, currentUserId, slaHours, reasons }: StatusCardProps) {
  const t = useT();
  const text = useKycText();
  const dateTime = useDateTimeFormat();
  const waiting = AWAITING_REVIEW.includes(app.status);
  return (
    <Section title={t("kyc.review.state.title")}>
      <Facts>
        <Fact label={t("kyc.review.state.status")}>
          <KycStatusBadge status={app.status} />
        </Fact>
        <Fact label={t("kyc.review.state.assignee")}>
          {app.assignee ? (
            <span className="inline-flex items-center gap-1.5" data-testid="kyc-assignee">
              {app.assignee.name}
              {app.assignee.id === currentUserId && (
                <Badge variant="outline" className="px-1.5 py-0 text-[10px]">
                  {t("kyc.you")}
                </Badge>
              )}
            </span>
          ) : (
            <span className="text-muted-foreground" data-testid="kyc-assignee">
              {t("kyc.unassigned")}
            </span>
          )}
        </Fact>
        <Fact label={t("kyc.review.state.submittedAt")}>
          <time dateTime={app.submittedAt.toISOString()}>{dateTime.format(app.submittedAt)}</time>
        </Fact>
        {waiting && (
          <Fact label={t("kyc.review.state.waiting")}>
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
              {app.overSla ? (
                <span className="inline-flex items-center gap-1 rounded-md bg-warning/20 px-1.5 font-medium tabular-nums">
                  <TriangleAlert aria-hidden className="size-3.5 text-warning" />
                  {text.age(app.ageHours)}
                  <span className="sr-only">{t("kyc.overSla")}</span>
                </span>
              ) : (
                <span className="tabular-nums">{text.age(app.ageHours)}</span>
              )}
              {slaHours !== undefined && (
                <span className="text-xs text-muted-foreground">{t("kyc.review.state.slaTarget", { hours: slaHours })}</span>
              )}
            </span>
          </Fact>
        )}
        {app.firstApprover && (
          <Fact label={t("kyc.review.state.firstApproval")}>
            {app.firstApprover.name}
            {app.firstApprovedAt && (
              <span className="block text-xs text-muted-foreground">
                <time dateTime={app.firstApprovedAt.toISOString()}>{dateTime.format(app.firstApprovedAt)}</time>
              </span>
            )}
          </Fact>
        )}
        {app.decidedAt && (
          <Fact label={t("kyc.review.state.decided")}>
            {app.decidedBy?.name ?? t("kyc.review.state.system")}
            <span className="block text-xs text-muted-foreground">
              <time dateTime={app.decidedAt.toISOString()}>{dateTime.format(app.decidedAt)}</time>
            </span>
          </Fact>
        )}
        {app.rejectionReasonCode && (
          <Fact label={t("kyc.review.state.reason")}>
            {text.reason(app.rejectionReasonCode, reasons)}
            {app.canResubmit !== null && (
              <span className="block text-xs text-muted-foreground">
                {app.canResubmit ? t("kyc.mayResubmit") : t("kyc.mayNotResubmit")}
              </span>
            )}
          </Fact>
        )}
        {app.decisionNote && (
          <Fact label={t("kyc.review.state.note")}>
            <span className="whitespace-pre-wrap">{app.decisionNote}</span>
          </Fact>
        )}
      </Facts>
    </Section>
  );
}

export function CustomerCard({ customer }: { customer: KycApplicationDetail["customer"] }) {
  const t = useT();
  const text = useKycText();
  return (
    <Section
      title={t("kyc.review.customer.title")}
      aside={
        <Button asChild variant="link" size="sm" className="h-auto px-0">
          <Link href={`/customers/${customer.id}`}>{t("kyc.review.customer.open")}</Link>
        </Button>
      }
    >
      <Facts>
        <Fact label={t("kyc.review.customer.name")}>
          <Link href={`/customers/${customer.id}`} className="font-medium hover:underline">
            {customer.name}
          </Link>
        </Fact>
        <Fact label={t("kyc.review.customer.uid")} mono>
          {customer.uid}
        </Fact>
        <Fact label={t("kyc.review.customer.status")}>{t(`kyc.customerStatus.${customer.status}`)}</Fact>
        <Fact label={t("kyc.review.customer.kycLevel")}>
          <span data-testid="customer-kyc-level">{text.level(customer.kycLevel)}</span>
        </Fact>
        <Fact label={t("kyc.review.customer.country")}>{text.country(customer.country)}</Fact>
      </Facts>
    </Section>
  );
}

export function ApplicationCard({ app }: { app: KycApplicationDetail }) {
  const t = useT();
  const text = useKycText();
  const { applicant } = app;
  const notGiven = <span className="text-muted-foreground">{t("kyc.review.application.notGiven")}</span>;
  return (
    <Section title={t("kyc.review.application.title")}>
      <Facts>
        <Fact label={t("kyc.review.application.level")}>
          {text.level(app.level)}
          <span className="block text-xs text-muted-foreground">{t(`kyc.levelName.l${levelKey(app.level)}`)}</span>
        </Fact>
        <Fact label={t("kyc.review.application.scenario")}>{t(`kyc.scenario.${app.scenario}`)}</Fact>
        <Fact label={t("kyc.review.application.country")}>{text.country(app.country)}</Fact>
      </Facts>
      <h3 className="mt-4 mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">{t("kyc.review.application.declared")}</h3>
      <Facts>
        <Fact label={t("kyc.applicant.fullName")}>{applicant.fullName}</Fact>
        <Fact label={t("kyc.applicant.dateOfBirth")}>{applicant.dateOfBirth ?? notGiven}</Fact>
        <Fact label={t("kyc.applicant.idType")}>{t(`kyc.idType.${applicant.idType}`)}</Fact>
        <Fact label={t("kyc.applicant.idNumber")}>
          <IdNumber value={applicant.idNumber} />
        </Fact>
        {(app.level >= 2 || applicant.address) && (
          <Fact label={t("kyc.applicant.address")}>
            <span className="whitespace-pre-wrap">{applicant.address ?? notGiven}</span>
          </Fact>
        )}
        {(app.scenario === "corporate_account" || applicant.companyName) && (
          <>
            <Fact label={t("kyc.applicant.companyName")}>{applicant.companyName ?? notGiven}</Fact>
            <Fact label={t("kyc.applicant.companyRegistrationNumber")}>{applicant.companyRegistrationNumber ?? notGiven}</Fact>
          </>
        )}
      </Facts>
    </Section>
  );
}

/** Levels outside 1–3 cannot occur (the schema and database check them); 1 keeps the type total. */
const levelKey = (level: number) => (level === 2 || level === 3 ? level : 1);

/** The ID number masked to its last four characters until the reviewer asks to see it. */
function IdNumber({ value }: { value: string }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  return (
    <span className="flex items-center gap-1.5">
      <span className="font-mono text-xs tracking-wide" data-testid="kyc-id-number">
        {shown ? value : maskIdNumber(value)}
      </span>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        className="h-6 px-1.5 text-xs"
        aria-label={shown ? t("kyc.review.application.hideIdNumber") : t("kyc.review.application.showIdNumber")}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? <EyeOff /> : <Eye />}
        {shown ? t("kyc.review.application.hide") : t("kyc.review.application.show")}
      </Button>
    </span>
  );
}
