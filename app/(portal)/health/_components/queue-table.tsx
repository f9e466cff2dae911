"use client";
/** Every queue's depth by state and how long its oldest waiting job has waited; each name opens the jobs page. */
import Link from "next/link";
import { Layers, ServerCrash } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatElapsed, formatNumber } from "@/lib/format";
import type { QueueHealth } from "@/lib/health/types";
import { useLocale, useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import { cn } from "@/lib/utils";

const COUNTS = ["waiting", "active", "delayed", "failed"] as const;

export function QueueTable({ queues, checkedAt }: { queues: QueueHealth[] | null; checkedAt: Date }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card data-testid="health-queues">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Layers className="size-4 text-muted-foreground" aria-hidden />
          {t("health.queues.title")}
        </CardTitle>
        <CardDescription>{t("health.queues.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {queues === null ? (
          <Alert variant="warning" role="alert">
            <ServerCrash />
            <AlertDescription>{t("health.queues.unavailable")}</AlertDescription>
          </Alert>
        ) : queues.length === 0 ? (
          <EmptyState icon={Layers} title={t("health.queues.empty")} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("health.queues.columns.queue")}</TableHead>
                {COUNTS.map((c) => (
                  <TableHead key={c} className="text-right">{t(`health.queues.columns.${c}`)}</TableHead>
                ))}
                <TableHead className="text-right">{t("health.queues.columns.oldestWaiting")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {queues.map((q) => (
                <TableRow key={q.name}>
                  {/* The description wraps: on one line it pushed the counts out of the card. */}
                  <TableCell className="min-w-64 whitespace-normal">
                    <Link href={`/jobs?queue=${encodeURIComponent(q.name)}&state=waiting`} className="font-mono text-xs underline-offset-4 hover:underline">
                      {q.name}
                    </Link>
                    <p className="text-xs text-muted-foreground">{translateDynamic(t, `jobs.queue.descriptions.${q.name}`, "")}</p>
                  </TableCell>
                  {COUNTS.map((c) => (
                    <TableCell key={c} className={cn("text-right tabular-nums", c === "failed" && q.failed > 0 && "font-medium text-destructive", q[c] === 0 && "text-muted-foreground")}>
                      {formatNumber(q[c], locale)}
                    </TableCell>
                  ))}
                  <TableCell className="text-right tabular-nums">
                    {q.oldestWaitingAt ? formatElapsed(q.oldestWaitingAt, checkedAt, locale) : <span className="text-muted-foreground">{t("health.queues.none")}</span>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
