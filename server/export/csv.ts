/**
 * Streaming CSV (RFC 4180) for exports of any size: rows are pulled from an async iterator as the
 * client reads, so memory stays flat. Cells that a spreadsheet would run as a formula are prefixed
 * with an apostrophe (CSV injection).
 */
import "server-only";

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | Date | null | undefined;
}

export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: (string | number | boolean | Date | null | undefined)[]) => cells.map(csvCell).join(",") + "\r\n";

export function csvStream<Row>(columns: CsvColumn<Row>[], rows: AsyncIterable<Row>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // BOM so Excel opens UTF-8 (Chinese names) correctly.
      controller.enqueue(encoder.encode("\uFEFF" + csvLine(columns.map((c) => c.header))));
    },
    async pull(controller) {
      let chunk = "";
      for (let i = 0; i < 200; i++) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvLine(columns.map((c) => c.value(next.value)));
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
