"use client";
/** The customer's balances by currency (trading + funding over all sub-accounts), valued in USDT. */
import { Wallet } from "lucide-react";
import { Amount } from "@/components/ui/amount";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CustomerExchangeSummary } from "@/lib/exchange-accounts/types";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/hooks/use-format";

export function ExchangeBalances({ summary }: { summary: CustomerExchangeSummary }) {
  const t = useT();
  const f = useFormat();
  const c = (key: "ccy" | "trading" | "funding" | "total" | "valueUsdt") => t(`exchangeAccounts.columns.${key}`);
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("exchangeAccounts.balances.title")}</CardTitle>
        <CardDescription>{t("exchangeAccounts.balances.description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 px-4">
        <div>
          <p className="text-xs text-muted-foreground">{t("exchangeAccounts.balances.total")}</p>
          <p className="text-2xl font-semibold tabular-nums" data-testid="exchange-total-value">
            {t("exchangeAccounts.balances.totalValue", { value: f.decimal(summary.totalValueUsdt, { minDecimals: 2, maxDecimals: 2 }) })}
          </p>
          {summary.unvalued.length > 0 && <p className="text-xs text-muted-foreground">{t("exchangeAccounts.balances.unvalued", { ccys: summary.unvalued.join(", ") })}</p>}
        </div>
        {summary.currencies.length === 0 ? (
          <EmptyState icon={Wallet} className="border-0 py-6" title={t("exchangeAccounts.balances.empty")} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{c("ccy")}</TableHead>
                <TableHead className="text-right">{c("trading")}</TableHead>
                <TableHead className="text-right">{c("funding")}</TableHead>
                <TableHead className="text-right">{c("valueUsdt")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.currencies.map((row) => (
                <TableRow key={row.ccy}>
                  <TableCell className="font-medium">{row.ccy}</TableCell>
                  <TableCell className="text-right">
                    <Amount value={row.trading} minDecimals={0} maxDecimals={8} className="font-mono text-xs" />
                  </TableCell>
                  <TableCell className="text-right">
                    <Amount value={row.funding} minDecimals={0} maxDecimals={8} className="font-mono text-xs" />
                  </TableCell>
                  <TableCell className="text-right">
                    {row.valueUsdt === null ? <span className="text-muted-foreground">{t("exchangeAccounts.none")}</span> : <Amount value={row.valueUsdt} maxDecimals={2} className="font-mono text-xs" />}
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
