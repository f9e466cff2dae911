"use client";
/**
 * One brand: where its exchange calls go, whether the last thing tried against the exchange worked, its
 * last connection test, any emergency stop, and per kind of data how old the stalest item is and what fails.
 */
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { formatElapsed } from "@/lib/format";
import { isStale, type BrandHealth, type KindFreshness } from "@/lib/health/types";
import { useLocale, useT } from "@/lib/i18n/client";
import { useFamilyName } from "@/app/(portal)/risk/breakers/_components/family-name";

const CONNECTIVITY_VARIANT = { ok: "success", failing: "destructive", unknown: "secondary" } as const;

export function BrandFreshness({ brand, checkedAt }: { brand: BrandHealth; checkedAt: Date }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  const titleId = `health-brand-${brand.brandId}`;
  return (
    <Card aria-labelledby={titleId} data-testid="health-brand">
      <CardHeader>
        <CardTitle id={titleId}>{brand.brandName}</CardTitle>
        <CardDescription>
          {brand.lastTest
            ? t("health.brands.lastTest", {
                time: dateTime.format(brand.lastTest.at),
                result: t(brand.lastTest.ok ? "health.brands.lastTestOk" : "health.brands.lastTestFailed"),
              })
            : null}
        </CardDescription>
        <CardAction className="flex flex-wrap justify-end gap-2">
          {brand.emergency && (
            <Badge variant="destructive">
              {t(brand.emergency.scope === "global" ? "health.emergency.global" : "health.emergency.brand")}
            </Badge>
          )}
          <BreakerBadge breakers={brand.breakers} />
          <Badge variant="outline">{t(`health.brands.destination.${brand.destination}`)}</Badge>
          <Badge variant={CONNECTIVITY_VARIANT[brand.connectivity]}>{t(`health.brands.connectivity.${brand.connectivity}`)}</Badge>
        </CardAction>
      </CardHeader>
      <CardContent>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("health.brands.columns.kind")}</TableHead>
              <TableHead>{t("health.brands.columns.state")}</TableHead>
              <TableHead>{t("health.brands.columns.lastSuccess")}</TableHead>
              <TableHead>{t("health.brands.columns.failing")}</TableHead>
              <TableHead className="w-2/5">{t("health.brands.columns.error")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {brand.kinds.map((row) => (
              <KindRow key={row.kind} row={row} checkedAt={checkedAt} />
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

/** Not closed breakers by area, linking to the breakers page; off or unknown when they cannot act or be read. */
function BreakerBadge({ breakers }: { breakers: BrandHealth["breakers"] }) {
  const t = useT();
  const familyName = useFamilyName();
  if (!breakers) return <Badge variant="secondary">{t("health.brands.breakers.unknown")}</Badge>;
  if (!breakers.enabled) return <Badge variant="secondary">{t("health.brands.breakers.off")}</Badge>;
  if (breakers.notClosed.length === 0) return <Badge variant="outline">{t("health.brands.breakers.closed")}</Badge>;
  return (
    <Badge variant="destructive" asChild>
      <Link href="/risk/breakers">{t("health.brands.breakers.open", { families: breakers.notClosed.map((b) => familyName(b.family)).join(", ") })}</Link>
    </Badge>
  );
}

function KindRow({ row, checkedAt }: { row: KindFreshness; checkedAt: Date }) {
  const t = useT();
  const locale = useLocale();
  const dateTime = useDateTimeFormat();
  const none = <span className="text-muted-foreground">{t("health.brands.none")}</span>;
  // No sub-account of the brand has been read for this kind yet (none with a key, or no run so far): neither fresh nor stale.
  const state = row.items === 0 ? "noItems" : !row.lastSuccessAt ? "never" : isStale(row, checkedAt.getTime()) ? "stale" : "fresh";
  const stateVariant = state === "fresh" ? "success" : state === "stale" ? "warning" : state === "never" ? "warning" : "secondary";
  return (
    <TableRow>
      <TableCell className="font-medium">{t(`health.brands.kinds.${row.kind}`)}</TableCell>
      <TableCell>
        <Badge variant={stateVariant}>{t(`health.brands.state.${state}`)}</Badge>
      </TableCell>
      <TableCell className="tabular-nums">
        {row.lastSuccessAt ? <time dateTime={row.lastSuccessAt.toISOString()} title={dateTime.format(row.lastSuccessAt)}>{formatElapsed(row.lastSuccessAt, checkedAt, locale)}</time> : none}
        {row.never > 0 && row.items !== null && <p className="text-xs text-muted-foreground">{t("health.brands.neverOf", { never: row.never })}</p>}
      </TableCell>
      <TableCell className="tabular-nums">
        {row.failing === 0 ? none : row.items !== null ? <span className="text-destructive">{t("health.brands.failingOf", { failing: row.failing, items: row.items })}</span> : <span className="text-destructive">{row.failing}</span>}
      </TableCell>
      <TableCell className="max-w-0 text-xs">
        {row.error ? <p className="truncate text-destructive" title={row.error}>{row.error}</p> : none}
      </TableCell>
    </TableRow>
  );
}
