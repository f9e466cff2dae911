"use client";
/**
 * The customer page's "Messages" tab: the in-app messages this customer received (newest first, 20 a
 * page) with their type, source, status, when each was delivered and when read ("Unread" until then).
 * Writers get "Send a message", which opens the composer with this customer as the audience.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Mail, Send } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { LoadError } from "@/components/load-error";
import { MessageStatusBadge, useMessageWords } from "@/components/messages/message-badges";
import { useMessageTitle } from "@/components/messages/message-columns";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import type { Permission } from "@/lib/auth/permissions";
import type { CustomerDetail } from "@/server/customers/types";

export function CustomerMessages({ customer, granted }: { customer: CustomerDetail; granted: readonly Permission[] }) {
  const t = useT();
  if (!granted.includes("message.read")) return <EmptyState icon={Mail} title={t("messages.customerTab.noAccess")} />;
  return <MessagesOfCustomer customer={customer} canSend={granted.includes("message.manage") && customer.status !== "closed"} />;
}

function MessagesOfCustomer({ customer, canSend }: { customer: CustomerDetail; canSend: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const words = useMessageWords();
  const titleOf = useMessageTitle();
  const dateTime = useDateTimeFormat();
  const [page, setPage] = useState(1);
  const query = useQuery(trpc.message.forCustomer.queryOptions({ customerId: customer.id, page }, { placeholderData: keepPreviousData }));
  const time = (d: Date) => (
    <time dateTime={d.toISOString()} className="whitespace-nowrap tabular-nums">
      {dateTime.format(d)}
    </time>
  );

  let body;
  if (query.isPending) body = <Skeleton className="h-40 w-full" />;
  else if (query.isError) body = <LoadError title={t("messages.customerTab.loadError")} error={query.error} onRetry={() => void query.refetch()} className="border-0" />;
  else if (query.data.total === 0) body = <EmptyState icon={Mail} className="border-0" title={t("messages.customerTab.empty")} />;
  else {
    const pages = Math.max(1, Math.ceil(query.data.total / query.data.pageSize));
    body = (
      <div className="grid gap-3">
        <div className="overflow-x-auto rounded-md border">
          <Table>
            <TableCaption className="sr-only">{t("messages.customerTab.title")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("messages.customerTab.columns.title")}</TableHead>
                <TableHead>{t("messages.customerTab.columns.type")}</TableHead>
                <TableHead>{t("messages.customerTab.columns.source")}</TableHead>
                <TableHead>{t("messages.customerTab.columns.status")}</TableHead>
                <TableHead>{t("messages.customerTab.columns.deliveredAt")}</TableHead>
                <TableHead>{t("messages.customerTab.columns.readAt")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody className={query.isPlaceholderData ? "opacity-60" : undefined}>
              {query.data.rows.map((m) => (
                <TableRow key={m.id}>
                  <TableCell className="max-w-80">
                    <Link href={`/messages/${m.id}`} lang={m.locale} className="block truncate font-medium underline-offset-4 hover:underline" title={m.title}>
                      {titleOf({ source: m.source, event: null, title: m.title })}
                    </Link>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{words.type(m.type)}</TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">{words.source(m.source)}</TableCell>
                  <TableCell>
                    <MessageStatusBadge status={m.status} />
                  </TableCell>
                  <TableCell className="text-muted-foreground">{time(m.deliveredAt)}</TableCell>
                  <TableCell>{m.readAt ? <span className="text-muted-foreground">{time(m.readAt)}</span> : <Badge variant="secondary">{t("messages.customerTab.unread")}</Badge>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        {pages > 1 && (
          <div className="flex items-center justify-end gap-2 text-sm">
            <span className="text-muted-foreground">{t("messages.customerTab.pageOf", { page, pages })}</span>
            <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              {t("messages.customerTab.previous")}
            </Button>
            <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
              {t("messages.customerTab.next")}
            </Button>
          </div>
        )}
      </div>
    );
  }

  return (
    <Card className="gap-4 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("messages.customerTab.title")}</CardTitle>
        <CardDescription>{t("messages.customerTab.description")}</CardDescription>
        {canSend && (
          <CardAction>
            <Button asChild size="sm">
              <Link href={`/messages/new?customer=${customer.id}`}>
                <Send />
                {t("messages.customerTab.send")}
              </Link>
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="px-4">{body}</CardContent>
    </Card>
  );
}
