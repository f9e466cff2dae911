/**
 * One CSV cell and line (RFC 4180), for the server's streamed exports (server/export/csv.ts) and the files
 * a page builds in the browser (a rebate file's error report). Cells that a spreadsheet would run as a
 * formula are prefixed with an apostrophe (CSV injection); plain numbers, negative ones included, are not
 * formulas and stay as they are. Client-safe and pure.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const TEXT_DIGITS = /^\+?\d+$/;

/**
 * `text`: digits a spreadsheet must keep as text (phone numbers, long ids), written as ="…" — see
 * `CsvColumn.text` in server/export/csv.ts for why this form.
 */
export function csvCell(value: CsvValue, options: { text?: boolean } = {}): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (options.text && TEXT_DIGITS.test(text)) return `"=""${text}"""`;
  if (/^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: CsvValue[]) => cells.map((cell) => csvCell(cell)).join(",") + "\r\n";

/** A whole file: the header line, then one line per row; a BOM first so Excel reads UTF-8 (Chinese) correctly. */
export const csvText = (header: CsvValue[], rows: CsvValue[][]) => "\uFEFF" + csvLine(header) + rows.map(csvLine).join("");
