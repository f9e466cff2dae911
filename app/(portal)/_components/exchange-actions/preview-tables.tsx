"use client";
/** What an exchange action will do, as the exchange listed it: the orders or positions, and sub-accounts it cannot reach. */
import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useLocale, useT } from "@/lib/i18n/client";
import { translateDynamic, type Translate } from "@/lib/i18n/translate";
import { formatDate, formatDecimal } from "@/lib/format";
import type { ExchangeActionPreview, PreviewOrder, PreviewPosition, SkippedSubaccount } from "@/lib/exchange-actions/types";

const dash = "—";
const num = (value: string | null, locale: string) => (value === null ? dash : formatDecimal(value, locale));
const word = (t: Translate, group: "sides" | "mgnModes", value: string) => (value ? translateDynamic(t, `exchangeActions.${group}.${value}`, value) : dash);

function OrdersTable({ orders }: { orders: PreviewOrder[] }) {
  const t = useT();
  const locale = useLocale();
  const c = (k: string) => t(`exchangeActions.preview.columns.${k}` as Parameters<Translate>[0]);
  return (
    <Table data-testid="exchange-action-orders">
      <TableCaption className="sr-only">{t("exchangeActions.preview.ordersCaption")}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{c("subAcct")}</TableHead>
          <TableHead>{c("instId")}</TableHead>
          <TableHead>{c("side")}</TableHead>
          <TableHead>{c("type")}</TableHead>
          <TableHead className="text-right">{c("price")}</TableHead>
          <TableHead className="text-right">{c("size")}</TableHead>
          <TableHead className="text-right">{c("remaining")}</TableHead>
          <TableHead className="text-right">{c("notional")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {orders.map((o) => (
          <TableRow key={`${o.subaccountId}:${o.ordId}`}>
            <TableCell>{o.subAcct}</TableCell>
            <TableCell className="font-mono text-xs">{o.instId}</TableCell>
            <TableCell>{word(t, "sides", o.side)}</TableCell>
            <TableCell>{o.ordType}</TableCell>
            <TableCell className="text-right tabular-nums">{o.px === null ? t("exchangeActions.preview.market") : num(o.px, locale)}</TableCell>
            <TableCell className="text-right tabular-nums">{num(o.sz, locale)}</TableCell>
            <TableCell className="text-right tabular-nums">{num(o.remainingSz, locale)}</TableCell>
            <TableCell className="text-right tabular-nums">{num(o.notional, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function PositionsTable({ positions }: { positions: PreviewPosition[] }) {
  const t = useT();
  const locale = useLocale();
  const c = (k: string) => t(`exchangeActions.preview.columns.${k}` as Parameters<Translate>[0]);
  return (
    <Table data-testid="exchange-action-positions">
      <TableCaption className="sr-only">{t("exchangeActions.preview.positionsCaption")}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{c("subAcct")}</TableHead>
          <TableHead>{c("instId")}</TableHead>
          <TableHead>{c("mgnMode")}</TableHead>
          <TableHead>{c("posSide")}</TableHead>
          <TableHead className="text-right">{c("position")}</TableHead>
          <TableHead className="text-right">{c("avgPx")}</TableHead>
          <TableHead className="text-right">{c("markPx")}</TableHead>
          <TableHead className="text-right">{c("upl")}</TableHead>
          <TableHead className="text-right">{c("notional")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {positions.map((p) => (
          <TableRow key={`${p.subaccountId}:${p.instId}:${p.mgnMode}:${p.posSide}`}>
            <TableCell>{p.subAcct}</TableCell>
            <TableCell className="font-mono text-xs">{p.instId}</TableCell>
            <TableCell>{word(t, "mgnModes", p.mgnMode)}</TableCell>
            <TableCell>{word(t, "sides", p.posSide)}</TableCell>
            <TableCell className="text-right tabular-nums">{num(p.pos, locale)}</TableCell>
            <TableCell className="text-right tabular-nums">{num(p.avgPx, locale)}</TableCell>
            <TableCell className="text-right tabular-nums">{num(p.markPx, locale)}</TableCell>
            <TableCell className="text-right tabular-nums">{num(p.upl, locale)}</TableCell>
            <TableCell className="text-right tabular-nums">{num(p.notionalUsd, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Sub-accounts the action cannot reach, each with why (no key that may trade, exchange unreadable). */
export function SkippedList({ skipped }: { skipped: SkippedSubaccount[] }) {
  const t = useT();
  if (skipped.length === 0) return null;
  return (
    <Alert variant="destructive" data-testid="exchange-action-skipped">
      <TriangleAlert aria-hidden />
      <AlertTitle>{t("exchangeActions.preview.skippedTitle")}</AlertTitle>
      <AlertDescription>
        <ul className="list-disc pl-4">
          {skipped.map((s) => (
            <li key={s.subaccountId}>
              <span className="font-medium">{s.subAcct}</span>: {translateDynamic((key, vars) => t(key, { ...vars, ...s.params }), s.reason, s.reason)}
            </li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}

export function PreviewTables({ preview }: { preview: ExchangeActionPreview }) {
  const t = useT();
  const locale = useLocale();
  const ordersAction = preview.action === "cancelOrder" || preview.action === "cancelAllOrders";
  const empty = ordersAction ? preview.orders.length === 0 : preview.positions.length === 0;
  return (
    <div className="grid gap-3">
      {empty ? (
        <p className="text-sm text-muted-foreground" data-testid="exchange-action-empty">
          {t(ordersAction ? "exchangeActions.preview.noOrders" : "exchangeActions.preview.noPositions")}
        </p>
      ) : (
        <div className="max-h-72 overflow-auto rounded-md border">{ordersAction ? <OrdersTable orders={preview.orders} /> : <PositionsTable positions={preview.positions} />}</div>
      )}
      <div className="flex flex-wrap justify-between gap-2 text-xs text-muted-foreground">
        <span>{t("exchangeActions.preview.readAt", { time: formatDate(preview.readAt, locale, "dateTimeSeconds") })}</span>
        {!empty && <span className="font-medium text-foreground">{t("exchangeActions.preview.total", { value: formatDecimal(preview.totalNotional, locale) })}</span>}
      </div>
      <SkippedList skipped={preview.skipped} />
    </div>
  );
}
