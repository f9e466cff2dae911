/**
 * Streaming CSV (RFC 4180) for exports of any size: rows are pulled from an async iterator as the
 * client reads, so memory stays flat. Each cell goes through lib/csv.ts's `csvCell`, which also
 * neutralises spreadsheet formulas (CSV injection).
 */
import "server-only";

import { csvCell, csvLine, type CsvValue } from "@/lib/csv";

export { csvCell, csvLine, type CsvValue };

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
  /**
   * Digits a spreadsheet must keep as text (phone numbers, area codes, long ids): written as ="…", which
   * Excel, LibreOffice and Google Sheets show as the bare text — no leading zero lost, no 1.2E+17, no
   * visible apostrophe. Chosen over a leading tab, which the injection guard (lib/csv.ts) must treat as a
   * formula lead-in, and which a spreadsheet keeps as a stray character. Only a value made of digits
   * (with an optional leading +) takes this form, so nothing a user typed can become a formula.
   */
  text?: boolean;
}

const rowLine = <Row>(columns: CsvColumn<Row>[], row: Row) => columns.map((c) => csvCell(c.value(row), { text: c.text })).join(",") + "\r\n";

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
        chunk += rowLine(columns, next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
