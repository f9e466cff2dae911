"use client";
/** The Overview tab: the profile, the account status and a KYC summary (level, open application, scenarios). */
import { CircleCheck, CircleDashed, ExternalLink } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { CustomerStatusBadge, KycLevelBadge } from "@/components/customers/customer-badges";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { countryName } from "@/lib/countries";
import { useLocale, useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import type { CustomerDetail } from "@/server/customers/types";

export function CustomerOverview({ customer, canSeeKyc }: { customer: CustomerDetail; canSeeKyc: boolean }) {
  const t = useT();
  const locale = useLocale();
  const dateTime = useDateTimeFormat();
  const none = <span className="text-muted-foreground">{t("customers.none")}</span>;
  const phone = customer.phone ? `${customer.phoneCountryCode ?? ""} ${customer.phone}`.trim() : null;

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card className="gap-4 py-4 lg:col-span-2">
        <CardHeader className="px-4">
          <CardTitle className="text-sm">{t("customers.overview.profile")}</CardTitle>
        </CardHeader>
        <CardContent className="px-4">
          <Fields>
            <Field label={t("customers.columns.name")}>{customer.name}</Field>
            <Field label={t("customers.columns.uid")}>
              <span className="font-mono tabular-nums">{customer.uid}</span>
            </Field>
            <Field label={t("customers.columns.email")}>{customer.email ? <span className="break-all">{customer.email}</span> : none}</Field>
            <Field label={t("customers.columns.phone")}>{phone ? <span className="tabular-nums">{phone}</span> : none}</Field>
            <Field label={t("customers.columns.country")}>{countryName(customer.country, locale)}</Field>
            <Field label={t("customers.overview.language")}>
              {translateDynamic(t, `customers.languages.${customer.language}`, customer.language)}
            </Field>
            <Field label={t("customers.columns.group")}>{customer.groupName ?? none}</Field>
            <Field label={t("customers.columns.tags")}>
              {customer.tags.length ? (
                <span className="flex flex-wrap gap-1">
                  {customer.tags.map((tag) => (
                    <Badge key={tag} variant="secondary" className="font-normal">
                      {tag}
                    </Badge>
                  ))}
                </span>
              ) : (
                none
              )}
            </Field>
            <Field label={t("customers.columns.registeredAt")}>
              <DateTime value={customer.registeredAt} format={dateTime} />
            </Field>
            <Field label={t("customers.columns.source")}>{t(`customers.sources.${customer.registrationSource}`)}</Field>
            <Field label={t("customers.overview.updatedAt")}>
              <DateTime value={customer.updatedAt} format={dateTime} />
            </Field>
          </Fields>
        </CardContent>
      </Card>

      <div className="grid content-start gap-4">
        <Card className="gap-4 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-sm">{t("customers.overview.status")}</CardTitle>
          </CardHeader>
          <CardContent className="px-4">
            <Fields single>
              <Field label={t("customers.columns.status")}>
                <CustomerStatusBadge status={customer.status} />
              </Field>
              <Field label={t("customers.overview.statusReason")}>
                {customer.statusReason ? <span className="whitespace-pre-wrap">{customer.statusReason}</span> : none}
              </Field>
              <Field label={t("customers.overview.statusChangedAt")}>
                {customer.statusChangedAt ? <DateTime value={customer.statusChangedAt} format={dateTime} /> : none}
              </Field>
            </Fields>
          </CardContent>
        </Card>
        <KycSummary customer={customer} canSeeKyc={canSeeKyc} />
      </div>
    </div>
  );
}

function KycSummary({ customer, canSeeKyc }: { customer: CustomerDetail; canSeeKyc: boolean }) {
  const t = useT();
  const dateTime = useDateTimeFormat("date");
  const { kyc } = customer;
  const open = kyc.openApplication;
  return (
    <Card className="gap-4 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("customers.kyc.title")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 px-4">
        <div className="flex items-center gap-2 text-sm">
          <KycLevelBadge level={kyc.level} />
          <span>{translateDynamic(t, `customers.kyc.levels.${kyc.level}`, String(kyc.level))}</span>
        </div>
        <div className="grid gap-1 text-sm">
          <p className="text-xs text-muted-foreground">{t("customers.kyc.openApplication")}</p>
          {open ? (
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Badge variant="secondary">{t(`customers.kyc.statuses.${open.status}`)}</Badge>
              <span>
                {t("customers.kyc.applicationSummary", {
                  level: open.level,
                  scenario: t(`customers.kyc.scenarios.${open.scenario}`),
                  date: dateTime.format(open.submittedAt),
                })}
              </span>
              {canSeeKyc && (
                <Link
                  href={`/kyc/${open.id}`}
                  className="inline-flex items-center gap-1 text-primary underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
                >
                  {t("customers.kyc.openLink")}
                  <ExternalLink aria-hidden className="size-3.5" />
                </Link>
              )}
            </div>
          ) : (
            <p className="text-muted-foreground">{t("customers.kyc.noOpenApplication")}</p>
          )}
        </div>
        <div className="grid gap-1">
          <p className="text-xs text-muted-foreground">{t("customers.kyc.scenariosTitle")}</p>
          <ul className="grid gap-1.5 text-sm">
            {kyc.scenarios.map((state) => (
              <li key={state.scenario} className="flex items-start gap-2">
                {state.passed ? (
                  <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-success" />
                ) : (
                  <CircleDashed aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
                )}
                <span className="grid">
                  <span>{t(`customers.kyc.scenarios.${state.scenario}`)}</span>
                  <span className="text-xs text-muted-foreground">
                    {state.passed && state.approvedAt
                      ? t("customers.kyc.passedOn", { level: state.approvedLevel ?? "?", date: dateTime.format(state.approvedAt) })
                      : state.passed
                        ? t("customers.kyc.passed")
                        : t("customers.kyc.notPassed")}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      </CardContent>
    </Card>
  );
}

function Fields({ children, single }: { children: ReactNode; single?: boolean }) {
  return <dl className={single ? "grid gap-3" : "grid gap-x-6 gap-y-3 sm:grid-cols-2"}>{children}</dl>;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid min-w-0 gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

function DateTime({ value, format }: { value: Date; format: Intl.DateTimeFormat }) {
  return (
    <time dateTime={value.toISOString()} className="tabular-nums">
      {format.format(value)}
    </time>
  );
}
