"use client";
/** Column definitions of the brand-wide fund-locks table. "createdAt" is the server's only sort key. */
import { LockOpen } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { TruncatedText } from "@/components/data-table/truncated-text";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import type { FundLockRow } from "@/server/fund-locks/types";
import { AccountName, accountName, DirectionText, FundLockStatusBadge, RiskRuleBadge } from "./fund-lock-badges";

const col = createDataTableColumnHelper<FundLockRow>();

/** What fits a 1440 px screen; source, creator and how a lock ended are switched on from "View". */
export const FUND_LOCK_DEFAULT_HIDDEN = ["source", "createdBy", "ended"] as const;

/** Keep both callbacks stable (useCallback): they rebuild the columns. `canUnlock(row)` says whether this caller may release the row (manage permission; admins for risk-rule locks). */
export function useFundLockColumns({ canUnlock, onUnlock }: { canUnlock: (row: FundLockRow) => boolean; onUnlock: (row: FundLockRow) => void }) {
  const t = useT();
  const dateTime = useDateTimeFormat();

  return useMemo(() => {
    const title = {
      customer: t("fundLocks.columns.customer"),
      account: t("fundLocks.columns.account"),
      direction: t("fundLocks.columns.direction"),
      reason: t("fundLocks.columns.reason"),
      source: t("fundLocks.columns.source"),
      status: t("fundLocks.columns.status"),
      expiresAt: t("fundLocks.columns.expiresAt"),
      createdBy: t("fundLocks.columns.createdBy"),
      createdAt: t("fundLocks.columns.createdAt"),
      ended: t("fundLocks.columns.ended"),
      actions: t("fundLocks.columns.actions"),
    };
    const time = (d: Date) => (
      <time dateTime={d.toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">
        {dateTime.format(d)}
      </time>
    );

    return col.columns([
      col.accessor("createdAt", {
        id: "createdAt",
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.createdAt} />,
        cell: ({ getValue }) => time(getValue()),
        meta: { label: title.createdAt },
      }),
      col.accessor((r) => r.customer.name, {
        id: "customer",
        header: title.customer,
        enableSorting: false,
        cell: ({ row }) => (
          <Link
            href={`/customers/${row.original.customer.id}?tab=fund-locks`}
            title={row.original.customer.name}
            className="block max-w-44 truncate font-medium underline-offset-4 outline-none hover:underline focus-visible:underline"
          >
            {row.original.customer.name}
            <span className="ml-1.5 font-mono text-xs font-normal text-muted-foreground tabular-nums">{row.original.customer.uid}</span>
          </Link>
        ),
        enableHiding: false,
        meta: { label: title.customer },
      }),
      col.accessor((r) => r.account.type, {
        id: "account",
        header: title.account,
        enableSorting: false,
        cell: ({ row }) => <AccountName account={row.original.account} />,
        meta: { label: title.account },
      }),
      col.accessor("direction", {
        header: title.direction,
        enableSorting: false,
        cell: ({ getValue }) => <DirectionText direction={getValue()} />,
        meta: { label: title.direction },
      }),
      col.accessor("reason", {
        header: title.reason,
        enableSorting: false,
        cell: ({ getValue }) => (
          <TruncatedText className="max-w-56 text-sm">{getValue()}</TruncatedText>
        ),
        meta: { label: title.reason },
      }),
      col.accessor("source", {
        header: title.source,
        enableSorting: false,
        cell: ({ getValue }) => (getValue() === "risk_rule" ? <RiskRuleBadge /> : <span className="text-muted-foreground">{t(`fundLocks.sources.${getValue()}`)}</span>),
        meta: { label: title.source },
      }),
      col.accessor("status", {
        header: title.status,
        enableSorting: false,
        cell: ({ getValue }) => <FundLockStatusBadge status={getValue()} />,
        meta: { label: title.status },
      }),
      col.accessor("expiresAt", {
        header: title.expiresAt,
        enableSorting: false,
        cell: ({ getValue }) => {
          const at = getValue();
          return at ? time(at) : <span className="text-muted-foreground">{t("fundLocks.never")}</span>;
        },
        meta: { label: title.expiresAt },
      }),
      col.accessor((r) => r.createdBy?.name ?? null, {
        id: "createdBy",
        header: title.createdBy,
        enableSorting: false,
        cell: ({ row }) => row.original.createdBy?.name ?? <span className="text-muted-foreground">{t("fundLocks.system")}</span>,
        meta: { label: title.createdBy },
      }),
      col.accessor("endedAt", {
        id: "ended",
        header: title.ended,
        enableSorting: false,
        cell: ({ row }) => <EndedCell row={row.original} format={dateTime} />,
        meta: { label: title.ended },
      }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{title.actions}</span>,
        cell: ({ row }) =>
          row.original.status === "active" && canUnlock(row.original) ? (
            <Button
              variant="outline"
              size="sm"
              className="h-7"
              aria-label={t("fundLocks.unlock.buttonLabel", {
                direction: t(`fundLocks.directions.${row.original.direction}`),
                account: accountName(t, row.original.account),
              })}
              onClick={(event) => {
                event.stopPropagation();
                onUnlock(row.original);
              }}
            >
              <LockOpen />
              {t("fundLocks.unlock.button")}
            </Button>
          ) : null,
        enableHiding: false,
        meta: { label: title.actions },
      }),
    ]);
  }, [t, dateTime, canUnlock, onUnlock]);
}

/** When and how a lock ended: "Released by Ann · reason" or "Expired", with the time. */
export function EndedCell({ row, format }: { row: FundLockRow; format: Intl.DateTimeFormat }) {
  const t = useT();
  if (!row.endedAt) return <span className="text-muted-foreground">{t("fundLocks.none")}</span>;
  const how =
    row.endReason === "expired"
      ? t("fundLocks.ended.expired")
      : row.endedBy
        ? t("fundLocks.ended.released", { name: row.endedBy.name })
        : t("fundLocks.ended.releasedNoName");
  return (
    <span className="flex max-w-64 flex-col text-sm">
      <span>
        {how}{" "}
        <time dateTime={row.endedAt.toISOString()} className="whitespace-nowrap text-muted-foreground tabular-nums">
          {format.format(row.endedAt)}
        </time>
      </span>
      {row.endNote && (
        <TruncatedText className="max-w-64 text-xs text-muted-foreground">{row.endNote}</TruncatedText>
      )}
    </span>
  );
}
