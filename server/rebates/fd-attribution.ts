/**
 * Late attribution of FD rebate rows: a row imported before the brand reported who placed its order gets
 * the customer when the link arrives (./order-links.ts). Only links not yet applied are read (a partial
 * index keeps them), never every unmatched row, so a quiet minute costs one index probe. Each pass moves
 * the rows' sums from the day's unattributed bucket to the customer's, in the same statement, so the
 * reports' daily sums stay equal to the rows.
 *
 * A brand with an FD file being imported is left for the next pass: the import's merge may not see a link
 * made while it runs, and its rows become visible only when it commits — applying the link now could
 * miss them for good.
 */
import "server-only";
import { Prisma } from "../db/client";
import type { Db } from "../db/client";

/** Links applied per statement; a pass repeats while batches come back full, up to MAX_BATCHES. */
const BATCH = 5_000;
const MAX_BATCHES = 20;

const SUMMED = ["spot_trade_amt", "derivative_trade_amt", "fee", "net_fee", "settlement_fee", "broker_rebate", "sub_broker_rebate", "user_rebate"];
const cols = (f: (c: string) => string) => Prisma.raw(SUMMED.map(f).join(", "));

/** One batch: the rows of up to `limit` pending links get their customer; returns rows moved and links applied. */
async function applyBatch(db: Db, brandId: string | undefined, limit: number): Promise<{ rows: number; links: number }> {
  const brand = brandId ? Prisma.sql`AND l.brand_id = ${brandId}::uuid` : Prisma.empty;
  return db.$transaction(async (tx) => {
    const [moved] = await tx.$queryRaw<{ rows: number; links: number; brands: string[] }[]>`
      WITH links AS (
        SELECT l.brand_id, l.ord_id, l.customer_id FROM fd_order_link l
        WHERE l.attributed_at IS NULL ${brand}
          AND NOT EXISTS (SELECT 1 FROM rebate_file f WHERE f.brand_id = l.brand_id AND f.kind = 'fd_rebates' AND f.state = 'importing')
        ORDER BY l.brand_id, l.created_at
        LIMIT ${limit}
        FOR UPDATE OF l SKIP LOCKED),
      moved AS (
        UPDATE fd_rebate r SET customer_id = links.customer_id FROM links
        WHERE r.brand_id = links.brand_id AND r.ord_id = links.ord_id AND r.customer_id IS NULL
        RETURNING r.brand_id, r.day, r.inst_id, r.inst_family, r.affiliated, r.customer_id, ${cols((c) => `r.${c}`)}),
      sums AS (
        SELECT brand_id, day, inst_id, inst_family, affiliated, customer_id, count(*)::int AS orders, ${cols((c) => `sum(${c}) AS ${c}`)}
        FROM moved GROUP BY brand_id, day, inst_id, inst_family, affiliated, customer_id),
      added AS (
        INSERT INTO fd_rebate_daily AS d (brand_id, day, inst_id, inst_family, affiliated, customer_id, orders, ${cols((c) => c)})
        SELECT brand_id, day, inst_id, inst_family, affiliated, customer_id, orders, ${cols((c) => c)} FROM sums
        ON CONFLICT (brand_id, day, inst_id, affiliated, customer_id)
        DO UPDATE SET orders = d.orders + excluded.orders, ${cols((c) => `${c} = d.${c} + excluded.${c}`)}),
      taken AS (
        UPDATE fd_rebate_daily d SET orders = d.orders - s.orders, ${cols((c) => `${c} = d.${c} - s.${c}`)}
        FROM (SELECT brand_id, day, inst_id, affiliated, sum(orders)::int AS orders, ${cols((c) => `sum(${c}) AS ${c}`)}
              FROM sums GROUP BY brand_id, day, inst_id, affiliated) s
        WHERE d.brand_id = s.brand_id AND d.day = s.day AND d.inst_id = s.inst_id AND d.affiliated = s.affiliated AND d.customer_id IS NULL),
      applied AS (
        UPDATE fd_order_link l SET attributed_at = now() FROM links
        WHERE l.brand_id = links.brand_id AND l.ord_id = links.ord_id)
      SELECT (SELECT count(*) FROM moved)::int AS rows, (SELECT count(*) FROM links)::int AS links,
             (SELECT coalesce(array_agg(DISTINCT brand_id::text), '{}') FROM moved) AS brands`;
    if (moved.rows > 0) {
      // An unattributed bucket the move emptied is dropped (it would read as zero anyway).
      await tx.$executeRaw`DELETE FROM fd_rebate_daily WHERE brand_id = ANY(${moved.brands}::uuid[]) AND customer_id IS NULL AND orders = 0`;
    }
    return { rows: moved.rows, links: moved.links };
  });
}

/** Gives FD rows whose order got a link since the last pass their customer; returns how many rows moved. */
export async function attributeLinkedFdRebates(deps: { db: Db }, brandId?: string): Promise<number> {
  let rows = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const batch = await applyBatch(deps.db, brandId, BATCH);
    rows += batch.rows;
    if (batch.links < BATCH) break;
  }
  return rows;
}
