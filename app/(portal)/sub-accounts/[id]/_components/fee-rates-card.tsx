"use client";
/**
 * Fee rates by instrument family (seed 001's types 1–9), maker and taker, exactly as the exchange sent
 * them (decimal text; as OKX shows them, negative is a fee charged and positive a rebate). A type the last
 * sync did not report says so.
 */
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import { cn } from "@/lib/utils";
import { FEE_TYPES, type SubaccountFeeRateView } from "@/lib/subaccounts/schemas";

export function FeeRatesCard({ feeRates }: { feeRates: SubaccountFeeRateView[] }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  const byType = new Map(feeRates.map((f) => [f.type, f]));
  const newest = feeRates.reduce<Date | null>((max, f) => (!max || f.syncedAt > max ? f.syncedAt : max), null);
  const rate = (value: string) => <span className={cn("font-mono tabular-nums", !value.startsWith("-") && !/^[+]?0*\.?0*$/.test(value) && "text-success")}>{value}</span>;

  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("subaccounts.feeRates.title")}</CardTitle>
        <CardDescription>
          {t("subaccounts.feeRates.description")}
          {newest && <> {t("subaccounts.feeRates.syncedAt", { time: dateTime.format(newest) })}</>}
        </CardDescription>
      </CardHeader>
      <CardContent className="px-4">
        {feeRates.length === 0 ? (
          <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">{t("subaccounts.feeRates.empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-md border">
            <Table>
              <TableCaption className="sr-only">{t("subaccounts.feeRates.title")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-14">{t("subaccounts.feeRates.type")}</TableHead>
                  <TableHead>{t("subaccounts.feeRates.family")}</TableHead>
                  <TableHead className="text-right">{t("subaccounts.feeRates.maker")}</TableHead>
                  <TableHead className="text-right">{t("subaccounts.feeRates.taker")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {FEE_TYPES.map((type) => {
                  const fee = byType.get(type);
                  return (
                    <TableRow key={type}>
                      <TableCell className="font-mono tabular-nums text-muted-foreground">{type}</TableCell>
                      <TableCell>{translateDynamic(t, `subaccounts.feeTypes.${type}`, String(type))}</TableCell>
                      {fee ? (
                        <>
                          <TableCell className="text-right">{rate(fee.maker)}</TableCell>
                          <TableCell className="text-right">{rate(fee.taker)}</TableCell>
                        </>
                      ) : (
                        <TableCell colSpan={2} className="text-right text-muted-foreground">
                          {t("subaccounts.feeRates.missing")}
                        </TableCell>
                      )}
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
