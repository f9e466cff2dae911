"use client";
/** Column definitions of the approvals inbox. "requestedAt" is the server's only sort key. */
import { Check, X } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { Amount } from "@/components/ui/amount";
import { Button } from "@/components/ui/button";
import { formatDecimal, formatElapsed } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translate";
import type { ApprovalItem } from "@/server/approvals/types";

const col = createDataTableColumnHelper<ApprovalItem>();

export type Decision = "approve" | "reject";

/** The item's one-line title in the reader's language, its amount grouped with every decimal ("Grant of 10,000.00 USDT to 孙军"). */
export function itemTitle(t: Translate, locale: string, item: Pick<ApprovalItem, "title">): string {
  const params = { ...item.title.params };
  if (typeof params.amount === "string") params.amount = formatDecimal(params.amount, locale);
  return t(item.title.key, params);
}

/** Who can decide, by role name ("Admin"). */
export const waitsOnText = (t: Translate, item: Pick<ApprovalItem, "waitsOn">) =>
  item.waitsOn.roles.map((role) => t(`shell.roles.${role}`)).join(", ");

interface ColumnOptions {
  /** Stable (useCallback): opens the approve or reject dialog. */
  onDecide: (item: ApprovalItem, decision: Decision) => void;
  /** Stable: filters the list by this requester. */
  onRequester?: (id: string) => void;
  kindLabels: Map<string, string>;
  /** The signed-in staff member: their own requests say another approver must decide. */
  viewerId: string;
}

export function useApprovalColumns({ onDecide, onRequester, kindLabels, viewerId }: ColumnOptions) {
  const t = useT();
  const locale = useLocale();
  const dateTime = useDateTimeFormat();

  return useMemo(() => {
    const title = {
      requestedAt: t("approvals.columns.requestedAt"),
      item: t("approvals.columns.item"),
      amount: t("approvals.columns.amount"),
      requestedBy: t("approvals.columns.requestedBy"),
      reason: t("approvals.columns.reason"),
      waitsOn: t("approvals.columns.waitsOn"),
      actions: t("approvals.columns.actions"),
    };
    const now = new Date();
    return col.columns([
      col.accessor("requestedAt", {
        id: "requestedAt",
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.requestedAt} />,
        cell: ({ getValue }) => (
          <time dateTime={getValue().toISOString()} title={dateTime.format(getValue())} className="whitespace-nowrap tabular-nums text-muted-foreground">
            {formatElapsed(getValue(), now, locale)}
          </time>
        ),
        meta: { label: title.requestedAt },
      }),
      col.accessor((r) => r.title.key, {
        id: "item",
        header: title.item,
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) => {
          const text = itemTitle(t, locale, row.original);
          return (
            <span className="flex max-w-80 flex-col gap-0.5">
              <Link href={row.original.href} className="truncate font-medium underline-offset-4 outline-none hover:underline focus-visible:underline" title={text}>
                {text}
              </Link>
              <Badge variant="secondary" className="w-fit rounded-sm px-1 text-[11px] font-normal">
                {kindLabels.get(row.original.kind) ?? row.original.kind}
              </Badge>
            </span>
          );
        },
        meta: { label: title.item },
      }),
      col.accessor("amount", {
        header: title.amount,
        enableSorting: false,
        cell: ({ row }) =>
          row.original.amount ? (
            <Amount value={row.original.amount} currency={row.original.currency} />
          ) : (
            <span className="text-muted-foreground">{t("approvals.none")}</span>
          ),
        meta: { label: title.amount, className: "text-right" },
      }),
      col.accessor((r) => r.requestedBy?.name ?? null, {
        id: "requestedBy",
        header: title.requestedBy,
        enableSorting: false,
        cell: ({ row }) => {
          const who = row.original.requestedBy;
          if (!who) return <span className="text-muted-foreground">{t("approvals.system")}</span>;
          if (!onRequester) return <span className="block max-w-40 truncate">{who.name}</span>;
          return (
            <button type="button" className="block max-w-40 truncate underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none" onClick={() => onRequester(who.id)}>
              {who.name}
            </button>
          );
        },
        meta: { label: title.requestedBy },
      }),
      col.accessor("reason", {
        header: title.reason,
        enableSorting: false,
        cell: ({ getValue }) =>
          getValue() ? (
            <span className="line-clamp-2 max-w-64 text-sm whitespace-normal" title={getValue()!}>
              {getValue()}
            </span>
          ) : (
            <span className="text-muted-foreground">{t("approvals.none")}</span>
          ),
        meta: { label: title.reason },
      }),
      col.accessor((r) => r.waitsOn.permission, {
        id: "waitsOn",
        header: title.waitsOn,
        enableSorting: false,
        cell: ({ row }) => (
          <span className="block max-w-48 text-sm" title={t("approvals.waitsOnHint")}>
            {waitsOnText(t, row.original)}
          </span>
        ),
        meta: { label: title.waitsOn },
      }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{title.actions}</span>,
        enableHiding: false,
        cell: ({ row }) => <DecisionCell item={row.original} onDecide={onDecide} label={itemTitle(t, locale, row.original)} viewerId={viewerId} />,
        meta: { label: title.actions },
      }),
    ]);
  }, [t, locale, dateTime, onDecide, onRequester, kindLabels, viewerId]);
}

/** Approve / Reject for those who may; otherwise why not, in words. */
function DecisionCell({ item, onDecide, label, viewerId }: { item: ApprovalItem; onDecide: ColumnOptions["onDecide"]; label: string; viewerId: string }) {
  const t = useT();
  if (!item.canDecide) {
    const why = item.requestedBy?.id === viewerId ? t("approvals.ownRequest") : t("approvals.cannotDecide", { roles: waitsOnText(t, item) });
    return <span className="block max-w-56 text-xs text-muted-foreground">{why}</span>;
  }
  return (
    <span className="flex justify-end gap-1.5">
      <Button size="sm" variant="outline" className="h-7" aria-label={t("approvals.approve.buttonLabel", { title: label })} onClick={() => onDecide(item, "approve")}>
        <Check />
        {t("approvals.approve.button")}
      </Button>
      <Button size="sm" variant="outline" className="h-7" aria-label={t("approvals.reject.buttonLabel", { title: label })} onClick={() => onDecide(item, "reject")}>
        <X />
        {t("approvals.reject.button")}
      </Button>
    </span>
  );
}
