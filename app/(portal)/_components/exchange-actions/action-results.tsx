"use client";
/** The exchange's answer to an action, item by item: what went through, what failed and OKX's code and message. */
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatDecimal } from "@/lib/format";
import { translateDynamic, type Translate } from "@/lib/i18n/translate";
import type { ActionItemResult, ExchangeActionResult, ItemStatus } from "@/lib/exchange-actions/types";
import { SkippedList } from "./preview-tables";

const BADGE: Record<ItemStatus, "success" | "destructive" | "warning" | "secondary"> = { done: "success", failed: "destructive", unknown: "warning", not_open: "secondary" };

function itemLabel(t: Translate, i: ActionItemResult, size: string | null) {
  const word = (group: "mgnModes" | "sides", value: string | null) => (value ? translateDynamic(t, `exchangeActions.${group}.${value}`, value) : "");
  const what = i.kind === "order" ? `${i.instId} #${i.ordId}` : `${i.instId} · ${word("mgnModes", i.mgnMode)} · ${word("sides", i.posSide)}`;
  return size ? `${i.subAcct} · ${what} · ${size}` : `${i.subAcct} · ${what}`;
}

export function ActionResults({ result }: { result: ExchangeActionResult }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="grid gap-3" data-testid="exchange-action-results">
      <p className="text-sm font-medium" role="status">
        {t("exchangeActions.results.summary", result.counts)}
      </p>
      {result.items.length > 0 && (
        <div className="max-h-80 overflow-auto rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("exchangeActions.results.columns.item")}</TableHead>
                <TableHead>{t("exchangeActions.results.columns.outcome")}</TableHead>
                <TableHead>{t("exchangeActions.results.columns.code")}</TableHead>
                <TableHead>{t("exchangeActions.results.columns.message")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.items.map((i, index) => (
                <TableRow key={index} data-status={i.status}>
                  <TableCell className="font-mono text-xs">{itemLabel(t, i, i.size === null ? null : formatDecimal(i.size, locale))}</TableCell>
                  <TableCell>
                    <Badge variant={BADGE[i.status]}>{t(`exchangeActions.results.status.${i.status}`)}</Badge>
                  </TableCell>
                  <TableCell className="font-mono text-xs">{i.code ?? "—"}</TableCell>
                  <TableCell className="text-xs">
                    {i.message ?? ""}
                    {i.checkedAfterUnclearAnswer && <p className="text-muted-foreground">{t("exchangeActions.results.checked", { code: i.code ?? "" })}</p>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <SkippedList skipped={result.skipped} />
    </div>
  );
}
