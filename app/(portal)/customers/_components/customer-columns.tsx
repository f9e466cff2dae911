"use client";
/** Column definitions of the customers table. Column ids equal the server's sort keys where sortable. */
import Link from "next/link";
import { useMemo } from "react";
import { KycLevelBadge, CustomerStatusBadge } from "@/components/customers/customer-badges";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { TruncatedText } from "@/components/data-table/truncated-text";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { countryName } from "@/lib/countries";
import { useLocale, useT } from "@/lib/i18n/client";
import type { CustomerRow } from "@/server/customers/types";

const col = createDataTableColumnHelper<CustomerRow>();
/** Tags shown in a cell before "+2". */
const VISIBLE_TAGS = 2;

export const customerHref = (id: string) => `/customers/${id}`;

export function useCustomerColumns() {
  const t = useT();
  const locale = useLocale();
  const dateTime = useDateTimeFormat();
  const date = useDateTimeFormat("date");

  return useMemo(() => {
    const title = {
      uid: t("customers.columns.uid"),
      name: t("customers.columns.name"),
      email: t("customers.columns.email"),
      phone: t("customers.columns.phone"),
      country: t("customers.columns.country"),
      status: t("customers.columns.status"),
      kycLevel: t("customers.columns.kycLevel"),
      group: t("customers.columns.group"),
      tags: t("customers.columns.tags"),
      registeredAt: t("customers.columns.registeredAt"),
      source: t("customers.columns.source"),
    };
    const none = <span className="text-muted-foreground">{t("customers.none")}</span>;
    return col.columns([
      col.accessor("uid", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.uid} />,
        cell: ({ getValue }) => <span className="font-mono text-xs tabular-nums">{getValue()}</span>,
        meta: { label: title.uid, className: "w-24" },
      }),
      col.accessor("name", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.name} />,
        cell: ({ row }) => (
          <Link
            href={customerHref(row.original.id)}
            title={row.original.name}
            className="block max-w-44 truncate font-medium underline-offset-4 outline-none hover:underline focus-visible:underline"
          >
            {row.original.name}
          </Link>
        ),
        enableHiding: false,
        meta: { label: title.name },
      }),
      col.accessor("email", {
        header: title.email,
        enableSorting: false,
        cell: ({ getValue }) => {
          const email = getValue();
          return email ? <TruncatedText className="max-w-48 text-muted-foreground">{email}</TruncatedText> : none;
        },
        meta: { label: title.email },
      }),
      col.accessor("phone", {
        header: title.phone,
        enableSorting: false,
        cell: ({ row }) => {
          const { phone, phoneCountryCode } = row.original;
          return phone ? (
            <span className="whitespace-nowrap tabular-nums">
              <span className="text-muted-foreground">{phoneCountryCode}</span> {phone}
            </span>
          ) : (
            none
          );
        },
        meta: { label: title.phone },
      }),
      col.accessor("country", {
        header: title.country,
        enableSorting: false,
        cell: ({ getValue }) => <TruncatedText className="max-w-32">{countryName(getValue(), locale)}</TruncatedText>,
        meta: { label: title.country },
      }),
      col.accessor("status", {
        header: title.status,
        enableSorting: false,
        cell: ({ getValue }) => <CustomerStatusBadge status={getValue()} />,
        meta: { label: title.status },
      }),
      col.accessor("kycLevel", {
        header: title.kycLevel,
        enableSorting: false,
        cell: ({ getValue }) => <KycLevelBadge level={getValue()} />,
        meta: { label: title.kycLevel },
      }),
      col.accessor("groupName", {
        id: "group",
        header: title.group,
        enableSorting: false,
        cell: ({ getValue }) => {
          const group = getValue();
          return group ? <TruncatedText className="max-w-32">{group}</TruncatedText> : none;
        },
        meta: { label: title.group },
      }),
      col.accessor("tags", {
        header: title.tags,
        enableSorting: false,
        cell: ({ getValue }) => {
          const tags = getValue();
          if (tags.length === 0) return none;
          const hidden = tags.length - VISIBLE_TAGS;
          return (
            <span className="flex items-center gap-1" title={tags.join(", ")}>
              {tags.slice(0, VISIBLE_TAGS).map((tag) => (
                <Badge key={tag} variant="secondary" className="max-w-24 truncate px-1.5 font-normal">
                  {tag}
                </Badge>
              ))}
              {hidden > 0 && <span className="text-xs text-muted-foreground">{t("customers.moreTags", { count: hidden })}</span>}
            </span>
          );
        },
        meta: { label: title.tags },
      }),
      col.accessor("registeredAt", {
        header: ({ column }) => <DataTableColumnHeader column={column} title={title.registeredAt} />,
        // The day fits the default columns; the time is on hover.
        cell: ({ getValue }) => (
          <time dateTime={getValue().toISOString()} title={dateTime.format(getValue())} className="whitespace-nowrap tabular-nums text-muted-foreground">
            {date.format(getValue())}
          </time>
        ),
        sortDescFirst: true,
        meta: { label: title.registeredAt },
      }),
      col.accessor("registrationSource", {
        id: "source",
        header: title.source,
        enableSorting: false,
        cell: ({ getValue }) => <span className="text-muted-foreground">{t(`customers.sources.${getValue()}`)}</span>,
        meta: { label: title.source },
      }),
    ]);
  }, [t, locale, dateTime, date]);
}
