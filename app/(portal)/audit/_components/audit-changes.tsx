"use client";
/**
 * The fields an audit entry changed, as a table: the field's name, its value before and after. Secrets
 * read "Redacted" whatever was stored; dates, booleans and lists are written out for a reader.
 */
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { fieldDiff, valueWordsKey, type FieldDiffRow } from "@/lib/audit/present";
import { countryName } from "@/lib/countries";
import { useLocale, useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function AuditChanges({ entityType, before, after }: { entityType: string; before: unknown; after: unknown }) {
  const t = useT();
  const rows = fieldDiff(before, after);
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">{t("audit.changes.empty")}</p>;
  return (
    <Table aria-label={t("audit.changes.title")}>
      <TableHeader>
        <TableRow>
          <TableHead className="w-1/4">{t("audit.changes.field")}</TableHead>
          <TableHead>{t("audit.changes.before")}</TableHead>
          <TableHead>{t("audit.changes.after")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.field}>
            <TableCell className="align-top font-medium" title={row.field}>
              {translateDynamic(t, `audit.fields.${row.field}`, row.field)}
            </TableCell>
            <TableCell className="align-top whitespace-normal text-muted-foreground">
              <Value row={row} side="before" entityType={entityType} />
            </TableCell>
            <TableCell className="align-top whitespace-normal">
              <Value row={row} side="after" entityType={entityType} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Value({ row, side, entityType }: { row: FieldDiffRow; side: "before" | "after"; entityType: string }) {
  const t = useT();
  const locale = useLocale();
  const dateTime = useDateTimeFormat("dateTimeSeconds");
  const value = row[side];
  if (value === null || value === undefined || value === "") return <>{t("audit.changes.none")}</>;
  if (row.redacted) return <Badge variant="outline">{t("audit.changes.redacted")}</Badge>;
  const words = valueWordsKey(entityType, row.field, value);
  if (words) return <span title={String(value)}>{translateDynamic(t, words, String(value))}</span>;
  if (row.field === "country" && typeof value === "string") return <span title={value}>{countryName(value, locale)}</span>;
  if (typeof value === "boolean") return <>{value ? t("audit.changes.yes") : t("audit.changes.no")}</>;
  if (typeof value === "string" && ISO_INSTANT.test(value)) return <time dateTime={value}>{dateTime.format(new Date(value))}</time>;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object")) return <span className="break-words">{value.join(", ")}</span>;
  if (typeof value === "object") return <code className="font-mono text-xs break-all">{JSON.stringify(value)}</code>;
  return <span className="break-words">{String(value)}</span>;
}
