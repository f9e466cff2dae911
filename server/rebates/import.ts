/**
 * Imports one stored exchange file, all or nothing, without holding it in memory. The file (gunzipped when
 * it is an archive) streams into PostgreSQL `COPY` on one dedicated connection while its lines are checked on
 * the way (the kind's rules, ./kinds.ts), one of two ways:
 *  - merged (loadMerged below): COPY into a temporary staging table, checked by ./line-checks.ts; then one
 *    merge inserts the rows new to the brand (duplicates within the file and with earlier files skipped on
 *    the kind's natural key), attributes them and adds them to the daily sums;
 *  - direct (./direct-import.ts): COPY straight into the kind's table, checked by ./direct-load.ts; then one
 *    pass sums what the file brought.
 * Refused rows are written to the file's error report and nothing else is kept; otherwise the file is marked
 * imported.
 * All of it is one transaction that starts by locking the file's row, so two workers cannot import it twice
 * and a worker killed midway leaves nothing behind.
 */
import "server-only";
import { PassThrough, type Readable, type Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { env } from "../env";
import type { RebateFileKind } from "../db/generated/enums";
import { loadDirect } from "./direct-import";
import { FileDayTotals, recordFileDays } from "./file-days";
import { fileKind } from "./kinds";
import type { LoadContext, LoadResult } from "./load";
import { FileRefusal, LineChecker } from "./line-checks";
import { readStored, storedHead } from "./storage";

export class RebateImportError extends Error {
  constructor(
    readonly key: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export type ImportOutcome =
  | { status: "imported"; rowsTotal: number; rowsAdded: number; rowsDuplicate: number; rowsUnmatched: number }
  | { status: "refused"; rowsTotal: number; rowsRefused: number }
  | { status: "already" };

export async function importStoredFile(
  file: { id: string; brandId: string; kind: RebateFileKind; storageKey: string },
  onProgress?: (bytesRead: number) => void,
  /** Each phase's duration as it ends (copy with the line checks, merge): for the benchmark. */
  onPhase?: (phase: "copy" | "merge" | "sums", ms: number) => void,
): Promise<ImportOutcome> {
  let phaseStart = performance.now();
  const phase = (name: "copy" | "merge" | "sums") => {
    onPhase?.(name, performance.now() - phaseStart);
    phaseStart = performance.now();
  };
  const def = fileKind(file.kind);
  const gzip = (await storedHead(file.storageKey, 2)).equals(Buffer.from([0x1f, 0x8b]));
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  // A COPY cut short leaves the connection busy: closing it is what rolls the transaction back then.
  let copying = false;
  try {
    await client.query("BEGIN");
    const locked = await client.query<{ state: string; broker_code: string | null }>(
      "SELECT f.state, b.broker_code FROM rebate_file f JOIN brand b ON b.id = f.brand_id WHERE f.id = $1 FOR UPDATE OF f",
      [file.id],
    );
    if (locked.rows[0]?.state !== "importing") {
      await client.query("ROLLBACK");
      return { status: "already" };
    }
    const days = FileDayTotals.for(def);
    const open = (): [Readable, Transform] => {
      let bytesRead = 0;
      const source: Readable = readStored(file.storageKey);
      source.on("data", (chunk: Buffer) => onProgress?.((bytesRead += chunk.length)));
      const inflated = gzip ? createGunzip() : new PassThrough();
      days?.observe(inflated);
      return [source, inflated];
    };
    const brand = { brandId: file.brandId, brokerCode: locked.rows[0].broker_code };
    const load: LoadContext = { client, file, brand, def, open, copying: (on) => (copying = on), phase };
    const result = def.direct ? await loadDirect(load) : await loadMerged(load);
    if (result.refused) {
      const e = result.refused.errors;
      await client.query(
        `INSERT INTO rebate_file_error (file_id, line, field, value, reason)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
        [file.id, e.map((x) => x.line), e.map((x) => x.field), e.map((x) => x.value), e.map((x) => x.reason)],
      );
      await client.query(
        `UPDATE rebate_file SET state = 'failed', rows_total = $2, rows_refused = $3, error_key = 'rebates.errors.rowsRefused',
           error_detail = NULL, heartbeat_at = NULL, updated_at = now() WHERE id = $1`,
        [file.id, result.rowsTotal, result.refused.rows],
      );
      await client.query("COMMIT");
      return { status: "refused", rowsTotal: result.rowsTotal, rowsRefused: result.refused.rows };
    }
    const { rowsTotal, rowsAdded, rowsUnmatched } = result;
    if (days) await recordFileDays(client, file, days);
    await client.query(
      `UPDATE rebate_file SET state = 'imported', rows_total = $2, rows_added = $3, rows_duplicate = $4, rows_unmatched = $5,
         rows_refused = 0, error_key = NULL, error_detail = NULL, heartbeat_at = NULL, imported_at = now(), updated_at = now()
       WHERE id = $1`,
      [file.id, rowsTotal, rowsAdded, rowsTotal - rowsAdded, rowsUnmatched],
    );
    await client.query("COMMIT");
    return { status: "imported", rowsTotal, rowsAdded, rowsDuplicate: rowsTotal - rowsAdded, rowsUnmatched };
  } catch (error) {
    if (!copying) await client.query("ROLLBACK").catch(() => undefined);
    throw asImportError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The merge: every line staged as text, then inserted where new (see FileKindDef.mergeSql). */
async function loadMerged({ client, file, brand, def, open, copying, phase }: LoadContext): Promise<LoadResult> {
  const columns = def.columns.map((c) => c.column);
  await client.query(`CREATE TEMP TABLE stage (${columns.map((c) => `${c} text`).join(", ")}) ON COMMIT DROP`);
  const copy = client.query(copyFrom(`COPY stage (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv, HEADER true)`));
  copying(true);
  const checker = new LineChecker(def, brand);
  await pipeline(...open(), checker, copy);
  copying(false);
  phase("copy");
  const rowsTotal = Number(copy.rowCount ?? 0);
  if (checker.refusedRows > 0) return { rowsTotal, refused: { rows: checker.refusedRows, errors: checker.errors } };
  const merged = await client.query<{ added: string; matched: string }>(
    `WITH ins AS (${def.mergeSql}),
     rollup AS (${def.rollupSql})
     SELECT count(*) AS added, count(*) FILTER (WHERE matched) AS matched FROM ins`,
    [file.id, file.brandId],
  );
  phase("merge");
  const rowsAdded = Number(merged.rows[0].added);
  return { rowsTotal, rowsAdded, rowsUnmatched: rowsAdded - Number(merged.rows[0].matched) };
}

/** What went wrong, in the file's terms: a broken archive, a malformed CSV line (PostgreSQL names it), or else. */
function asImportError(error: unknown): Error {
  if (error instanceof RebateImportError) return error;
  if (error instanceof FileRefusal) return new RebateImportError(error.key, error.detail);
  const e = error as { code?: string; message?: string; where?: string };
  if (e.code === "Z_DATA_ERROR" || e.code === "Z_BUF_ERROR" || /unexpected end of file|incorrect header check/i.test(e.message ?? "")) {
    return new RebateImportError("rebates.errors.corruptArchive", e.message ?? "the archive is damaged");
  }
  // 22P04 bad_copy_file_format, 22021 invalid byte sequence, 22P02/22003 etc. raised by COPY itself.
  if (typeof e.code === "string" && e.code.startsWith("22")) {
    const line = /line (\d+)/.exec(e.where ?? "")?.[1];
    return new RebateImportError("rebates.errors.malformedCsv", `${line ? `line ${line}: ` : ""}${e.message ?? ""}`.slice(0, 500));
  }
  return error instanceof Error ? error : new Error(String(error));
}
