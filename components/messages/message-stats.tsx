"use client";
/**
 * A message's statistics: recipients, delivered, read and the read rate; the read rate over time; and the
 * same by language. Refreshed every 2 s while sending and every 15 s once sent (reads keep coming in).
 */
import { useQuery } from "@tanstack/react-query";
import { LoadError } from "@/components/load-error";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import { useTRPC } from "@/lib/trpc/client";
import { ReadRateChart } from "./read-rate-chart";
import type { MessageDetail } from "./types";

export function MessageStatsPanel({ message }: { message: MessageDetail }) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const live = message.status === "sending" ? 2_000 : message.status === "sent" ? 15_000 : false;
  const stats = useQuery(trpc.message.stats.queryOptions({ id: message.id }, { refetchInterval: live }));
  const percent = (rate: number) => f.number(rate, { style: "percent", maximumFractionDigits: 1 });

  if (stats.isError) return <LoadError title={t("messages.stats.loadError")} error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  const tiles: [string, string, string][] = [
    ["recipients", t("messages.stats.recipients"), s ? f.number(s.recipients ?? message.estimatedCount) : "…"],
    ["delivered", t("messages.stats.delivered"), s ? f.number(s.delivered) : "…"],
    ["read", t("messages.stats.read"), s ? f.number(s.read) : "…"],
    ["read-rate", t("messages.stats.readRate"), s ? percent(s.readRate) : "…"],
  ];
  return (
    <section aria-labelledby="message-stats" className="grid gap-4">
      <h2 id="message-stats" className="text-base font-semibold">
        {t("messages.stats.title")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {tiles.map(([id, label, value]) => (
          <div key={id} className="rounded-md border p-3" data-testid={`stat-${id}`}>
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="font-mono text-xl tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card className="gap-2 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-sm">{t("messages.stats.chartTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="px-4">{s ? <ReadRateChart stats={s} startedAt={message.startedAt} asOf={stats.dataUpdatedAt} /> : <Skeleton className="h-56 w-full" />}</CardContent>
        </Card>
        <Card className="gap-2 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-sm">{t("messages.stats.byLanguage")}</CardTitle>
          </CardHeader>
          <CardContent className="px-4">
            {!s ? (
              <Skeleton className="h-24 w-full" />
            ) : s.byLocale.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("messages.stats.noDeliveries")}</p>
            ) : (
              <Table>
                <TableCaption className="sr-only">{t("messages.stats.byLanguage")}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("messages.stats.language")}</TableHead>
                    <TableHead className="text-right">{t("messages.stats.delivered")}</TableHead>
                    <TableHead className="text-right">{t("messages.stats.read")}</TableHead>
                    <TableHead className="text-right">{t("messages.stats.readRate")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {s.byLocale.map((l) => (
                    <TableRow key={l.locale}>
                      <TableCell>{translateDynamic(t, `messages.languageNames.${l.locale}`, l.locale)}</TableCell>
                      <TableCell className="text-right tabular-nums">{f.number(l.delivered)}</TableCell>
                      <TableCell className="text-right tabular-nums">{f.number(l.read)}</TableCell>
                      <TableCell className="text-right tabular-nums">{percent(l.delivered ? l.read / l.delivered : 0)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>
    </section>
  );
}
