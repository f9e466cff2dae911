"use client";
/** Columns of the KYC queue. Sortable column ids equal the server's sort keys (submittedAt, level). */
import { FileText, Hand, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { TruncatedText } from "@/components/data-table/truncated-text";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { KycStatusBadge } from "@/components/kyc/kyc-status-badge";
import { useKycText } from "@/components/kyc/use-kyc-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useT } from "@/lib/i18n/client";
import type { KycQueueRow } from "@/server/kyc/types";

const col = createDataTableColumnHelper<KycQueueRow>();

interface KycQueueColumnsOptions {
  currentUserId: string;
  /** The brand's SLA target, once loaded. */
  slaHours: number | undefined;
  /** Rows the caller may claim straight from the queue; absent for non-reviewers. */
  canClaim: ((row: KycQueueRow) => boolean) | null;
  claimingId: string | null;
  onClaim: (row: KycQueueRow) => void;
}

export function useKycQueueColumns({ currentUserId, slaHours, canClaim, claimingId, onClaim }: KycQueueColumnsOptions) {
  const t = useT();
  const text = useKycText();
  const dateTime = useDateTimeFormat();

  return useMemo(() => {
    const title = {
      customer: t("kyc.queue.columns.customer"),
      level: t("kyc.queue.columns.level"),
      scenario: t("kyc.queue.columns.scenario"),
      status: t("kyc.queue.columns.status"),
      country: t("kyc.queue.columns.country"),
      submittedAt: t("kyc.queue.columns.submittedAt"),
      age: t("kyc.queue.columns.age"),
      assignee: t("kyc.queue.columns.assignee"),
      documents: t("kyc.queue.columns.documents"),
    };
    const columns = col.columns([
      col.accessor("customerName", {
        id: "customer",
        header: title.customer,
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) => (
          <span className="flex min-w-0 flex-col leading-tight">
            {/* A real link too, so the review can be opened in a new tab. */}
            <Link
              href={`/kyc/${row.original.id}`}
              title={row.original.customerName}
              className="max-w-48 truncate font-medium hover:underline focus-visible:underline focus-visible:outline-none"
            >
              {row.original.customerName}
            </Link>
            <span className="font-mono text-xs text-muted-foreground">{row.original.customerUid}</span>
          </span>
        ),
        meta: { label: title.customer },
      }),
      col.accessor("level", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.level} />,
        cell: ({ getValue }) => (
          <Badge variant="outline" className="font-normal tabular-nums">
            {text.level(getValue())}
          </Badge>
        ),
        meta: { label: title.level },
      }),
      col.accessor("scenario", {
        header: title.scenario,
        enableSorting: false,
        cell: ({ getValue }) => <span className="whitespace-nowrap">{t(`kyc.scenario.${getValue()}`)}</span>,
        meta: { label: title.scenario },
      }),
      col.accessor("status", {
        header: title.status,
        enableSorting: false,
        cell: ({ getValue }) => <KycStatusBadge status={getValue()} />,
        meta: { label: title.status },
      }),
      col.accessor("country", {
        header: title.country,
        enableSorting: false,
        cell: ({ getValue }) => (
          <span className="flex items-center gap-1.5 whitespace-nowrap">
            <TruncatedText className="max-w-32">{text.country(getValue())}</TruncatedText>
            <span className="font-mono text-xs text-muted-foreground">{getValue()}</span>
          </span>
        ),
        meta: { label: title.country },
      }),
      col.accessor("submittedAt", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.submittedAt} />,
        cell: ({ getValue }) => (
          <time dateTime={getValue().toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">
            {dateTime.format(getValue())}
          </time>
        ),
        meta: { label: title.submittedAt },
      }),
      col.accessor("ageHours", {
        id: "age",
        header: title.age,
        enableSorting: false,
        cell: ({ row }) => <AgeCell ageHours={row.original.ageHours} overSla={row.original.overSla} slaHours={slaHours} />,
        meta: { label: title.age, className: "text-right" },
      }),
      col.accessor((row) => row.assignee?.name ?? null, {
        id: "assignee",
        header: title.assignee,
        enableSorting: false,
        cell: ({ row }) => {
          const { assignee, firstApprover } = row.original;
          return (
            <span className="flex min-w-0 flex-col leading-tight">
              {assignee ? (
                <span className="flex items-center gap-1.5">
                  <TruncatedText className="max-w-36">{assignee.name}</TruncatedText>
                  {assignee.id === currentUserId && (
                    <Badge variant="outline" className="px-1.5 py-0 text-[10px]">
                      {t("kyc.you")}
                    </Badge>
                  )}
                </span>
              ) : (
                <span className="text-muted-foreground">{t("kyc.unassigned")}</span>
              )}
              {firstApprover && (
                <TruncatedText className="max-w-44 text-xs text-muted-foreground">{t("kyc.queue.firstApproval", { name: firstApprover.name })}</TruncatedText>
              )}
            </span>
          );
        },
        meta: { label: title.assignee },
      }),
      col.accessor("documentCount", {
        id: "documents",
        header: title.documents,
        enableSorting: false,
        cell: ({ getValue }) => (
          <span className="inline-flex items-center gap-1 tabular-nums" title={t("kyc.queue.documentCount", { count: getValue() })}>
            <FileText aria-hidden className="size-3.5 text-muted-foreground" />
            {getValue()}
          </span>
        ),
        meta: { label: title.documents, className: "text-right" },
      }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{t("kyc.queue.columns.actions")}</span>,
        cell: ({ row }) =>
          canClaim?.(row.original) ? (
            <Button
              variant="outline"
              size="sm"
              className="h-7"
              pending={claimingId === row.original.id}
              disabled={claimingId !== null}
              aria-label={t("kyc.queue.claimRow", { name: row.original.customerName })}
              onClick={() => onClaim(row.original)}
            >
              {claimingId !== row.original.id && <Hand />}
              {t("kyc.actions.claim")}
            </Button>
          ) : null,
        enableHiding: false,
        enableSorting: false,
        meta: { className: "w-24 text-right" },
      }),
    ]);
    return canClaim ? columns : columns.filter((column) => column.id !== "actions");
  }, [t, text, dateTime, currentUserId, slaHours, canClaim, claimingId, onClaim]);
}

/** Waiting time; past the SLA target it turns into a warning, with the target in a tooltip. */
function AgeCell({ ageHours, overSla, slaHours }: { ageHours: number; overSla: boolean; slaHours: number | undefined }) {
  const t = useT();
  const text = useKycText();
  const age = text.age(ageHours);
  const tip =
    slaHours === undefined
      ? null
      : overSla
        ? t("kyc.queue.overSlaTooltip", { age, hours: slaHours })
        : t("kyc.queue.slaTooltip", { age, hours: slaHours });
  const content = overSla ? (
    <span className="inline-flex items-center gap-1 rounded-md bg-warning/20 px-1.5 py-0.5 font-medium whitespace-nowrap tabular-nums" data-over-sla>
      <TriangleAlert aria-hidden className="size-3.5 text-warning" />
      {age}
      <span className="sr-only">{t("kyc.overSla")}</span>
    </span>
  ) : (
    <span className="whitespace-nowrap tabular-nums">{age}</span>
  );
  if (!tip) return content;
  return (
    <Tooltip>
      {/* Only the warnings take a tab stop: they are what a keyboard user needs the target for. */}
      <TooltipTrigger asChild>
        <span tabIndex={overSla ? 0 : undefined} className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring/50">
          {content}
        </span>
      </TooltipTrigger>
      <TooltipContent>{tip}</TooltipContent>
    </Tooltip>
  );
}
