"use client";
/**
 * The KYC tab of the customer page: the customer's level, the open application (a customer has at most
 * one) with a link to its review, every application with its decision, and — for desks that may open
 * applications (kyc.submit) — "New application", which leads to the application's page for the documents.
 */
import { useQuery } from "@tanstack/react-query";
import { ArrowRight, FilePlus2, FileSearch } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LoadError } from "@/components/load-error";
import { KycLevelBadge } from "@/components/customers/customer-badges";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { KycStatusBadge } from "@/components/kyc/kyc-status-badge";
import { useKycText } from "@/components/kyc/use-kyc-text";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { useTRPC } from "@/lib/trpc/client";
import { OPEN_KYC_STATUSES, type KycStatus } from "@/lib/kyc/schemas";
import type { KycCustomerApplicationRow, KycReasonRow } from "@/server/kyc/types";
import { NewKycApplicationDialog, type NewApplicationCustomer } from "./new-kyc-application-dialog";

const LONG_STALE = 5 * 60_000;
const isOpen = (status: KycStatus) => (OPEN_KYC_STATUSES as readonly KycStatus[]).includes(status);
const levelKey = (level: number): 0 | 1 | 2 | 3 => (level >= 3 ? 3 : level === 2 ? 2 : level === 1 ? 1 : 0);

/** `canSubmit` (kyc.submit) only shows the button; the procedure enforces it. */
export function CustomerKycPanel({ customerId, canSubmit }: { customerId: string; canSubmit: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  // Already loaded by the customer page; read from the cache.
  const customer = useQuery(trpc.customer.get.queryOptions({ id: customerId }));
  const applications = useQuery(trpc.kyc.forCustomer.queryOptions({ customerId }));
  const reasons = useQuery(trpc.kyc.reasons.queryOptions(undefined, { staleTime: LONG_STALE })).data;
  const [dialog, setDialog] = useState(false);

  if (applications.isError) {
    return (
      <LoadError title={t("kyc.customerPanel.loadError")} error={applications.error} onRetry={() => void applications.refetch()} />
    );
  }
  if (!applications.data || !customer.data) return <PanelSkeleton />;

  const rows = applications.data;
  const who: NewApplicationCustomer = customer.data;
  const open = rows.find((row) => isOpen(row.status)) ?? null;
  // Why a new application cannot be opened now (the server refuses the same), or null.
  const blocked: MessageKey | null = open
    ? "kyc.customerPanel.blockedOpen"
    : customer.data.status === "closed"
      ? "kyc.customerPanel.blockedClosed"
      : who.kycLevel >= 3
        ? "kyc.customerPanel.blockedMaxLevel"
        : null;
  const newButton = canSubmit && (
    <Button size="sm" disabled={blocked !== null} onClick={() => setDialog(true)} aria-describedby={blocked ? "kyc-new-blocked" : undefined}>
      <FilePlus2 />
      {t("kyc.customerPanel.newApplication")}
    </Button>
  );

  return (
    <div className="grid gap-4">
      <Card className="gap-4 py-4">
        <CardHeader className="px-4">
          <CardTitle className="text-sm">{t("kyc.customerPanel.level")}</CardTitle>
          <CardDescription className="flex items-center gap-2 pt-1 text-foreground">
            <KycLevelBadge level={who.kycLevel} />
            <span data-testid="customer-kyc-level-name">{t(`kyc.levelName.l${levelKey(who.kycLevel)}`)}</span>
          </CardDescription>
          {newButton && (
            <CardAction className="flex flex-col items-end gap-1">
              {newButton}
              {blocked && (
                <span id="kyc-new-blocked" className="text-xs text-muted-foreground">
                  {t(blocked)}
                </span>
              )}
            </CardAction>
          )}
        </CardHeader>
        {open && (
          <CardContent className="px-4">
            <OpenApplication application={open} />
          </CardContent>
        )}
      </Card>

      {rows.length === 0 ? (
        <EmptyState
          icon={FileSearch}
          title={t("kyc.customerPanel.empty")}
          description={canSubmit && !blocked ? t("kyc.customerPanel.emptyHintSubmit") : t("kyc.customerPanel.emptyHint")}
        />
      ) : (
        <ApplicationHistory rows={rows} reasons={reasons} />
      )}

      {dialog && <NewKycApplicationDialog customer={who} onClose={() => setDialog(false)} />}
    </div>
  );
}

/** The application being worked on: where it stands and the way to its review page. */
function OpenApplication({ application }: { application: KycCustomerApplicationRow }) {
  const t = useT();
  const text = useKycText();
  const date = useDateTimeFormat();
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border bg-muted/30 p-3" data-testid="kyc-open-application">
      <div className="grid gap-1 text-sm">
        <p className="text-xs text-muted-foreground">{t("kyc.customerPanel.openTitle")}</p>
        <div className="flex flex-wrap items-center gap-2">
          <KycStatusBadge status={application.status} />
          <span className="font-medium">{text.level(application.level)}</span>
          <span>{t(`kyc.scenario.${application.scenario}`)}</span>
        </div>
        <p className="text-xs text-muted-foreground">
          {t("kyc.customerPanel.submittedOn", { date: date.format(application.submittedAt) })} · {t("kyc.customerPanel.openHint")}
        </p>
      </div>
      <Button asChild size="sm" variant="outline">
        <Link href={`/kyc/${application.id}`}>
          {t("kyc.customerPanel.openLink")}
          <ArrowRight />
        </Link>
      </Button>
    </div>
  );
}

/** Every application of the customer, newest first; a row opens its review page. */
function ApplicationHistory({ rows, reasons }: { rows: KycCustomerApplicationRow[]; reasons: KycReasonRow[] | undefined }) {
  const t = useT();
  const text = useKycText();
  const router = useRouter();
  const date = useDateTimeFormat();
  const none = <span className="text-muted-foreground">{t("kyc.customerPanel.notDecided")}</span>;
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("kyc.customerPanel.historyTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        <div className="overflow-x-auto rounded-md border">
          <Table>
            <TableHeader className="bg-muted/40">
              <TableRow className="hover:bg-transparent">
                <TableHead className="h-9 text-xs">{t("kyc.customerPanel.columns.submitted")}</TableHead>
                <TableHead className="h-9 text-xs">{t("kyc.customerPanel.columns.level")}</TableHead>
                <TableHead className="h-9 text-xs">{t("kyc.customerPanel.columns.scenario")}</TableHead>
                <TableHead className="h-9 text-xs">{t("kyc.customerPanel.columns.status")}</TableHead>
                <TableHead className="h-9 text-xs">{t("kyc.customerPanel.columns.decided")}</TableHead>
                <TableHead className="h-9 text-xs">{t("kyc.customerPanel.columns.outcome")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow
                  key={row.id}
                  className="h-11 cursor-pointer"
                  data-status={row.status}
                  onClick={(event) => {
                    // The link in the row handles its own clicks (and modifier keys for new tabs).
                    if (!(event.target as HTMLElement).closest("a")) router.push(`/kyc/${row.id}`);
                  }}
                >
                  <TableCell className="whitespace-nowrap tabular-nums">
                    <Link href={`/kyc/${row.id}`} className="hover:underline focus-visible:underline focus-visible:outline-none">
                      <time dateTime={row.submittedAt.toISOString()}>{date.format(row.submittedAt)}</time>
                    </Link>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{text.level(row.level)}</TableCell>
                  <TableCell className="whitespace-nowrap">{t(`kyc.scenario.${row.scenario}`)}</TableCell>
                  <TableCell>
                    <KycStatusBadge status={row.status} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">
                    {row.decidedAt ? <time dateTime={row.decidedAt.toISOString()}>{date.format(row.decidedAt)}</time> : none}
                  </TableCell>
                  <TableCell className="min-w-48">
                    {row.rejectionReasonCode ? (
                      <span className="grid leading-tight">
                        <span>{text.reason(row.rejectionReasonCode, reasons)}</span>
                        {row.canResubmit !== null && (
                          <span className="text-xs text-muted-foreground">
                            {row.canResubmit ? t("kyc.mayResubmit") : t("kyc.mayNotResubmit")}
                          </span>
                        )}
                      </span>
                    ) : (
                      none
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </CardContent>
    </Card>
  );
}

function PanelSkeleton() {
  const t = useT();
  return (
    <div className="grid gap-4" aria-busy="true">
      <span className="sr-only" role="status">
        {t("common.loading")}
      </span>
      <Skeleton className="h-28 w-full rounded-xl" />
      <Skeleton className="h-56 w-full rounded-xl" />
    </div>
  );
}
