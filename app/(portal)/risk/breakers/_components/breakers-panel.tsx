"use client";
/**
 * The circuit breakers' page body: each exchange area's breaker (state, failures, the last minute's calls,
 * when it opened), a Close button for admins on one that is not closed, and the recent transitions.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LoadError } from "@/components/load-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BreakerStateName } from "@/lib/breakers/schemas";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { BreakerResetDialog } from "./breaker-reset-dialog";
import { orCode, useFamilyName } from "./family-name";

const BADGE: Record<BreakerStateName, "success" | "destructive" | "warning"> = { closed: "success", open: "destructive", half_open: "warning" };

/** A transition's reason in words: reset | probing | probeOk | probeFailed | consecutive:<n> | rate:<failed>/<calls>. */
function useWhy() {
  const t = useT();
  return (why: string) => {
    const [code, detail = ""] = why.split(":");
    if (code === "consecutive") return t("exchange.breakers.whys.consecutive", { failures: detail });
    if (code === "rate") {
      const [failed, calls] = detail.split("/");
      return t("exchange.breakers.whys.rate", { failed: failed ?? "", calls: calls ?? "" });
    }
    return orCode(t, `exchange.breakers.whys.${code}`, why);
  };
}

export function BreakersPanel({ canReset }: { canReset: boolean }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const familyName = useFamilyName();
  const why = useWhy();
  const overview = useQuery(trpc.breaker.overview.queryOptions(undefined, { refetchInterval: 10_000 }));
  const [closing, setClosing] = useState<string | null>(null);
  if (overview.isPending) return <Skeleton className="h-48 w-full" />;
  if (overview.isError) return <LoadError title={t("exchange.breakers.loadError")} error={overview.error} onRetry={() => void overview.refetch()} />;
  const { enabled, available, breakers, history } = overview.data;

  return (
    <div className="grid gap-4">
      {!enabled && <p className="text-muted-foreground rounded-md border p-3 text-sm">{t("exchange.breakers.off")}</p>}
      {!available && <p className="rounded-md border border-amber-500/50 p-3 text-sm">{t("exchange.breakers.unavailable")}</p>}
      <Card>
        <CardHeader>
          <CardTitle>{t("exchange.breakers.listTitle")}</CardTitle>
          <CardDescription>{t("exchange.breakers.rule")}</CardDescription>
        </CardHeader>
        <CardContent>
          {breakers.length === 0 ? (
            <p className="text-muted-foreground text-sm">{t("exchange.breakers.empty")}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("exchange.breakers.columns.family")}</TableHead>
                  <TableHead>{t("exchange.breakers.columns.state")}</TableHead>
                  <TableHead className="text-right">{t("exchange.breakers.columns.failures")}</TableHead>
                  <TableHead>{t("exchange.breakers.columns.window")}</TableHead>
                  <TableHead>{t("exchange.breakers.columns.openedAt")}</TableHead>
                  {canReset && <TableHead />}
                </TableRow>
              </TableHeader>
              <TableBody>
                {breakers.map((b) => (
                  <TableRow key={b.family}>
                    <TableCell>{familyName(b.family)}</TableCell>
                    <TableCell>
                      <Badge variant={BADGE[b.state]}>{t(`exchange.breakers.states.${b.state}`)}</Badge>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{b.consecutiveFailures}</TableCell>
                    <TableCell>{t("exchange.breakers.window", { failed: b.windowFailures, calls: b.windowCalls })}</TableCell>
                    <TableCell>{b.openedAt ? format.date(b.openedAt) : "—"}</TableCell>
                    {canReset && (
                      <TableCell className="text-right">
                        {b.state !== "closed" && (
                          <Button size="sm" variant="outline" onClick={() => setClosing(b.family)}>
                            {t("exchange.breakers.reset.button")}
                          </Button>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("exchange.breakers.history.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          {history.length === 0 ? (
            <p className="text-muted-foreground text-sm">{t("exchange.breakers.history.empty")}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("exchange.breakers.history.at")}</TableHead>
                  <TableHead>{t("exchange.breakers.columns.family")}</TableHead>
                  <TableHead>{t("exchange.breakers.history.change")}</TableHead>
                  <TableHead>{t("exchange.breakers.history.why")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {history.map((h, i) => (
                  <TableRow key={`${h.family}-${String(h.at)}-${i}`}>
                    <TableCell>{format.date(h.at)}</TableCell>
                    <TableCell>{familyName(h.family)}</TableCell>
                    <TableCell>
                      {t(`exchange.breakers.states.${h.from}`)} → {t(`exchange.breakers.states.${h.to}`)}
                    </TableCell>
                    <TableCell>{why(h.why)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {closing && <BreakerResetDialog family={closing} onClose={() => setClosing(null)} />}
    </div>
  );
}
