/**
 * The direct load (FileKindDef.direct): the file's lines COPY straight into the kind's table through
 * ./direct-load.ts, then one statement sums what the file brought and the days it brought are recorded as
 * its own. Imports of one brand's files of a kind run one at a time (a transaction lock), since which days a
 * file brings depends on the days the others already brought. A refused row undoes the COPY (a savepoint),
 * so the import's transaction keeps only the error report.
 */
import "server-only";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { DirectLineLoader } from "./direct-load";
import type { LoadContext, LoadResult } from "./load";

/** Memory for the sums' hash tables (a year's file has millions of sub-account days); this transaction only. */
const SUMS_WORK_MEM = "256MB";

export async function loadDirect({ client, file, brand, def, open, copying, phase }: LoadContext): Promise<LoadResult> {
  const direct = def.direct;
  if (!direct) throw new Error(`${def.kind} does not load directly`);
  await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`rebate-import:${def.kind}:${file.brandId}`]);
  const owned = await client.query<{ d: number }>(`SELECT (day - date '1970-01-01') AS d FROM ${direct.dayTable} WHERE brand_id = $1::uuid`, [file.brandId]);
  const loader = new DirectLineLoader(def, brand, new Set(owned.rows.map((r) => Number(r.d))));

  await client.query("SAVEPOINT load");
  const copy = client.query(copyFrom(`COPY ${direct.table} (${direct.tableColumns.join(", ")}) FROM STDIN WITH (FORMAT csv)`));
  copying(true);
  await pipeline(...open(), loader, copy);
  copying(false);
  phase("copy");
  if (loader.refusedRows > 0) {
    await client.query("ROLLBACK TO SAVEPOINT load");
    return { rowsTotal: loader.rows, refused: { rows: loader.refusedRows, errors: loader.errors } };
  }

  const days = [...loader.days.keys()];
  let rowsUnmatched = 0;
  if (days.length > 0) {
    // A block-range index knows nothing of pages written since it was last summarized (it matches them
    // all): summarized now, the sums below and every report after read only the ranges they need.
    await client.query("SELECT brin_summarize_new_values($1::regclass)", [direct.timeIndex]);
    await client.query(`SET LOCAL work_mem = '${SUMS_WORK_MEM}'`);
    const sums = await client.query<{ unmatched: string }>(direct.rollupSql, [file.brandId, loader.minTs, loader.maxTs, days]);
    rowsUnmatched = Number(sums.rows[0]?.unmatched ?? 0);
    await client.query(
      `INSERT INTO ${direct.dayTable} (brand_id, day, file_id, trades)
       SELECT $1::uuid, date '1970-01-01' + d, $2::uuid, n FROM unnest($3::int[], $4::int[]) AS x(d, n)`,
      [file.brandId, file.id, days, days.map((d) => loader.days.get(d) ?? 0)],
    );
  }
  phase("sums");
  const rowsAdded = Number(copy.rowCount ?? 0);
  return { rowsTotal: loader.rows, rowsAdded, rowsUnmatched };
}
