"use client";
/**
 * Columns of the Bonuses grants list. The default set fits a 1440 px screen; the account, the other
 * amounts, the reason and who asked or approved are switched on from "View". Long names are cut to one
 * line with the whole text on hover. "createdAt" and "amount" are the server's sort keys.
 */
import Link from "next/link";
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Amount } from "@/components/ui/amount";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";
import type { GrantRow } from "@/server/bonuses/types";
import { GrantStatusBadge } from "./bonus-badges";

const col = createDataTableColumnHelper<GrantRow>();

/** Hidden until shown from "View": what a 1440 px screen has no room for by default. */
export const GRANT_DEFAULT_HIDDEN = ["account", "released", "clawedBack", "shortfall", "reason", "requestedBy", "approvedBy"] as const;

/** One line, cut with an ellipsis at `className`'s width; the whole text is the hover title. */
function Cut({ text, className }: { text: string; className?: string }) {
  return (
    <span className={cn("block max-w-44 truncate", className)} title={text}>
      {text}
    </span>
  );
}

const money = (amount: string, currency?: string) => (
  <span className="font-mono whitespace-nowrap tabular-nums">
    <Amount value={amount} />
    {currency && <span className="ml-1 text-xs text-muted-foreground">{currency}</span>}
  </span>
);

export function useGrantColumns() {
  const t = useT();
  const dateTime = useDateTimeFormat();

  return useMemo(() => {
    const title = {
      createdAt: t("bonuses.grants.createdAt"),
      customer: t("bonuses.grants.customer"),
      campaign: t("bonuses.grants.campaign"),
      account: t("bonuses.grants.account"),
      amount: t("bonuses.grants.amount"),
      remaining: t("bonuses.grants.remaining"),
      released: t("bonuses.grants.released"),
      clawedBack: t("bonuses.grants.clawedBack"),
      shortfall: t("bonuses.grants.shortfall"),
      status: t("bonuses.grants.status"),
      expiresAt: t("bonuses.grants.expiresAt"),
      reason: t("bonuses.grants.reason"),
      requestedBy: t("bonuses.grants.requestedBy"),
      approvedBy: t("bonuses.grants.approvedBy"),
    };
    const time = (d: Date) => (
      <time dateTime={d.toISOString()} className="whitespace-nowrap text-muted-foreground tabular-nums">
        {dateTime.format(d)}
      </time>
    );
    const none = <span className="text-muted-foreground">{t("bonuses.none")}</span>;
    const right = "text-right";

    return col.columns([
      col.accessor("createdAt", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.createdAt} />,
        cell: ({ getValue }) => time(getValue()),
        meta: { label: title.createdAt },
      }),
      col.accessor((r) => r.customer.name, {
        id: "customer",
        header: title.customer,
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) => (
          <Link
            href={`/customers/${row.original.customer.id}?tab=bonuses`}
            title={`${row.original.customer.name} · ${row.original.customer.uid}`}
            className="block max-w-52 truncate font-medium underline-offset-4 outline-none hover:underline focus-visible:underline"
          >
            {row.original.customer.name}
            <span className="ml-1.5 font-mono text-xs font-normal text-muted-foreground tabular-nums">{row.original.customer.uid}</span>
          </Link>
        ),
        meta: { label: title.customer },
      }),
      col.accessor("campaignName", {
        id: "campaign",
        header: title.campaign,
        enableSorting: false,
        cell: ({ row }) =>
          row.original.campaignId && row.original.campaignName ? (
            <Link href={`/bonuses/${row.original.campaignId}`} className="underline-offset-4 hover:underline">
              <Cut text={row.original.campaignName} />
            </Link>
          ) : (
            <span className="text-muted-foreground">{t("bonuses.grants.noCampaign")}</span>
          ),
        meta: { label: title.campaign },
      }),
      col.accessor((r) => r.tradingAccount.type, {
        id: "account",
        header: title.account,
        enableSorting: false,
        cell: ({ row }) => (
          <span className="whitespace-nowrap">
            {row.original.tradingAccount.type} {row.original.currency}
            <span className="block text-xs text-muted-foreground">
              {row.original.withdrawable ? t("bonuses.withdrawable") : t("bonuses.nonWithdrawable")}
            </span>
          </span>
        ),
        meta: { label: title.account },
      }),
      col.accessor("amount", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.amount} className="justify-end" />,
        cell: ({ row }) => money(row.original.amount, row.original.currency),
        meta: { label: title.amount, className: right },
      }),
      col.accessor("remaining", {
        header: title.remaining,
        enableSorting: false,
        cell: ({ getValue }) => money(getValue()),
        meta: { label: title.remaining, className: right },
      }),
      col.accessor("released", {
        header: title.released,
        enableSorting: false,
        cell: ({ getValue }) => money(getValue()),
        meta: { label: title.released, className: right },
      }),
      col.accessor((r) => `${r.expired} + ${r.revoked}`, {
        id: "clawedBack",
        header: title.clawedBack,
        enableSorting: false,
        cell: ({ row }) => money(/^0(\.0*)?$/.test(row.original.revoked) ? row.original.expired : `${row.original.expired} + ${row.original.revoked}`),
        meta: { label: title.clawedBack, className: right },
      }),
      col.accessor("shortfall", {
        header: title.shortfall,
        enableSorting: false,
        cell: ({ getValue }) => money(getValue()),
        meta: { label: title.shortfall, className: right },
      }),
      col.accessor("status", {
        header: title.status,
        enableSorting: false,
        cell: ({ getValue }) => <GrantStatusBadge status={getValue()} />,
        meta: { label: title.status },
      }),
      col.accessor("expiresAt", {
        header: title.expiresAt,
        enableSorting: false,
        cell: ({ getValue }) => {
          const at = getValue();
          return at ? time(at) : none;
        },
        meta: { label: title.expiresAt },
      }),
      col.accessor("reason", {
        header: title.reason,
        enableSorting: false,
        cell: ({ getValue }) => <Cut text={getValue()} className="max-w-56" />,
        meta: { label: title.reason },
      }),
      col.accessor((r) => r.requestedBy?.name ?? null, {
        id: "requestedBy",
        header: title.requestedBy,
        enableSorting: false,
        cell: ({ getValue }) => {
          const name = getValue();
          return name ? <Cut text={name} className="max-w-36" /> : none;
        },
        meta: { label: title.requestedBy },
      }),
      col.accessor((r) => r.approvedBy?.name ?? null, {
        id: "approvedBy",
        header: title.approvedBy,
        enableSorting: false,
        cell: ({ getValue }) => {
          const name = getValue();
          return name ? <Cut text={name} className="max-w-36" /> : none;
        },
        meta: { label: title.approvedBy },
      }),
    ]);
  }, [t, dateTime]);
}
