/**
 * One CSV export: who may run it, the list schema its query follows, how to stream its rows, its columns.
 * Columns are declared once with the builders below, and the request chooses how they are written:
 *  - headers in the reader's language (default) or the stable machine keys (`headers=machine`);
 *  - internal uuids left out unless asked for (`ids=1`);
 *  - a status as its readable label with the code in its own column (`coded`);
 *  - digits spreadsheets would mangle (phones, area codes, uids) kept as text for people, plain for machines.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import type { Permission } from "@/lib/auth/permissions";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { CsvColumn, CsvValue } from "./csv";

export interface ExportColumn<Row> {
  /** The machine header: stable, snake_case. */
  key: string;
  /** The header people read, in their language. */
  label: (t: Translate) => string;
  value: (row: Row, t: Translate) => CsvValue;
  /** Digits to keep as text in a spreadsheet (see CsvColumn.text). */
  text?: boolean;
  /** An internal uuid: written only with `ids=1`. */
  internal?: boolean;
}

/** A column whose header was written before headers were translated: the same text both ways. */
export interface LegacyColumn<Row> {
  header: string;
  // The same signature as ExportColumn's, so a column list of both still types its rows.
  value: (row: Row, t: Translate) => CsvValue;
}

export interface Exporter<Schema extends z.ZodType, Row> {
  permission: Permission;
  schema: Schema;
  columns: (ExportColumn<Row> | LegacyColumn<Row>)[];
  rows: (ctx: TenantContext, query: z.infer<Schema>) => AsyncIterable<Row>;
}

/** Domains define their exporter next to their service; server/export/registry.ts lists them. */
export const defineExporter = <Schema extends z.ZodType, Row>(e: Exporter<Schema, Row>) => e;

/** The column builders, typed for one row type: `columns: (c) => [c.col(...), ...c.coded(...)]`. */
export function exportColumns<Row>() {
  return {
    /** A value under a translated header. */
    col: (key: string, label: MessageKey, value: (row: Row, t: Translate) => CsvValue, options: { text?: boolean } = {}): ExportColumn<Row> => ({
      key,
      label: (t) => t(label),
      value,
      ...options,
    }),
    /** Digits kept as text: phone numbers, area codes, uids. */
    digits: (key: string, label: MessageKey, value: (row: Row) => CsvValue): ExportColumn<Row> => ({ key, label: (t) => t(label), value, text: true }),
    /** The readable label of a code, then the code itself (`<key>_code`) for formulas and imports. */
    coded: <C extends string>(key: string, label: MessageKey, code: (row: Row) => C | null | undefined, labelOf: (code: C) => MessageKey): ExportColumn<Row>[] => [
      {
        key,
        label: (t) => t(label),
        value: (row, t) => {
          const c = code(row);
          if (c == null) return null;
          // A code without a label (a language added later) is shown as itself, never as a message key.
          const readable = t(labelOf(c));
          return readable === labelOf(c) ? c : readable;
        },
      },
      { key: `${key}_code`, label: (t) => t("table.exportCodeOf", { label: t(label) }), value: (row) => code(row) },
    ],
    /** An internal uuid, only with `ids=1`. */
    id: (key: string, value: (row: Row) => CsvValue): ExportColumn<Row> => ({ key, label: () => key, value, internal: true }),
  };
}

export interface ExportOptions {
  t: Translate;
  /** Machine headers and plain values, for programs (`headers=machine`). */
  machine: boolean;
  /** Include internal uuids (`ids=1`). */
  ids: boolean;
}

/** The columns as this request writes them. */
export function csvColumns<Row>(columns: Exporter<z.ZodType, Row>["columns"], { t, machine, ids }: ExportOptions): CsvColumn<Row>[] {
  return columns.flatMap((column): CsvColumn<Row>[] => {
    if ("header" in column) return [{ header: column.header, value: (row) => column.value(row, t) }];
    if (column.internal && !ids) return [];
    return [{ header: machine ? column.key : column.label(t), value: (row) => column.value(row, t), text: column.text && !machine }];
  });
}
