/**
 * The deposit history sync: mirrors the broker's sub-account deposits (GET asset/broker/dma/
 * subaccount-deposit-history, broker-wide, newest first, `after`/`before` millisecond cursors) into
 * `deposit`, incrementally from the brand's `deposit_sync_state.cursor_ts`. Run by the `deposit-sync`
 * job (jobs/workers/deposit-sync.ts).
 *
 * How it pages: `before=<cursor>` alone answers the `limit` deposits just newer than the cursor, so each
 * request reads forward in time; the first run starts at 0 and reads all history oldest to newest. Each
 * page commits on its own: one INSERT … ON CONFLICT (brand_id, dep_id) DO UPDATE for its rows, and the
 * cursor, in the same transaction — so a run cut at any point resumes where it stopped, and re-read rows
 * are updated, never duplicated.
 *
 * Millisecond ties: several deposits can share one `ts`, and a page can end in the middle of them. After
 * a page the cursor goes to its newest ts minus 1 ms, so the next request reads that millisecond again
 * whole (the upsert absorbs the re-read rows). A full page that is all one millisecond cannot be paged
 * past that way; that millisecond is read again split by state (and, if a state alone fills a page, by
 * type), then passed. Should one state and type still fill a page, the rest of that millisecond cannot be
 * reached through this endpoint's filters: it is reported (`truncatedMs`) in the run's summary and audit.
 *
 * Seed 001 does not say which deposits `before` alone answers when more than a page is newer than the
 * cursor. The simulator answers those just after the cursor; an exchange answering the newest ones would
 * leave a gap. So the run's first full page is checked once (is anything between the cursor and that
 * page?), and if so every full page's gap is read backwards (`after` + `before`, newest first) before the
 * cursor moves past it.
 *
 * Pending deposits: states 0, 1, 8, 12, 13 and 14 can still change (see PENDING_DEPOSIT_STATES). The stored
 * cursor is held back to just before the oldest such deposit of the last PENDING_LOOKBACK_MS (7 days), so
 * the next run reads it again and stores its new state. Deposits held for longer than that no longer hold
 * the cursor back (a deposit frozen for months must not make every run re-read months of history); their
 * later changes are not picked up by the incremental sync.
 *
 * Concurrency: each page transaction first locks the brand's sync-state row, so two runs for one brand
 * (the all-brands schedule beside a "Sync now") write one page at a time; the upsert never moves a deposit
 * from a final state (2, 11) back to a pending one, so a lagging run cannot undo a newer one's answer.
 *
 * Customers' messages: the statement that stores a page (and the one linking late sub-accounts) also queues
 * the "deposit credited" message of each recent credited deposit of a customer's sub-account, once per deposit.
 *
 * Risk limits: the customers those statements credited recent deposits to are collected over the run and,
 * once it ends (complete or not: every page stored is committed), get one risk-evaluate job each, in bulk.
 */
import "server-only";
import { systemActor } from "@/server/actor";
import { recordAudit } from "@/server/audit/audit";
import { Prisma, type Db, type DbTx } from "@/server/db/client";
import { brandExchange, type BrandClientOptions } from "@/server/exchange/brand-client";
import type { Deposit, OkxClient } from "@/server/exchange/okx";
import { automaticMessagesInsert, moneyVar } from "@/server/messages/queue";
import { enqueueEvaluations } from "@/server/risk/triggers";
import { DEPOSIT_STATES, FINAL_DEPOSIT_STATES, PENDING_DEPOSIT_STATES } from "@/lib/deposits/schemas";

/** The exchange's largest page. */
export const DEPOSIT_PAGE_SIZE = 100;
/** How far back a still-pending deposit holds the cursor. */
export const PENDING_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;
/** Deposits whose sub-account appeared this long before the previous completed run are linked again (clock skew, slow commits). */
const LINK_MARGIN_MS = 60 * 60 * 1000;
/** A guard against an exchange whose paging never ends. */
const MAX_PAGES = 100_000;
const WHO = { actor: systemActor("deposit-sync"), request: { ip: null, userAgent: null } };

export interface DepositSyncDeps {
  db: Db;
  /** Options of the brand's exchange client: Redis for shared rate limits, endpoints (tests, benchmarks). */
  clientOptions?: BrandClientOptions;
  /** Rows per request, 1–100. */
  pageSize?: number;
  now?: () => Date;
  /** Called after each page is stored; a throw here interrupts the run (tests). */
  onPage?: (page: number, info: { rows: number; cursor: Date }) => Promise<void> | void;
}

export interface DepositSyncSummary {
  brandId: string;
  /** Pages read (the split reads of a crowded millisecond and the one paging check are not counted). */
  pages: number;
  /** Deposit rows read (re-reads of a boundary millisecond included). */
  seen: number;
  created: number;
  /** Existing rows whose exchange fields (state, confirmations, txId, amount …) changed. */
  updated: number;
  /** Deposits stored before their sub-account was synced, now linked to it. */
  linked: number;
  /** Cursor when the run started, and the one stored last (held back for pending deposits). */
  startCursor: string | null;
  cursor: string | null;
  /** Milliseconds that filled a whole page and were read split by state. */
  crowdedMs: number;
  /** Milliseconds with deposits this endpoint's filters could not all reach (see the module comment). */
  truncatedMs: string[];
  usingSimulator: boolean;
  durationMs: number;
}

const PENDING_SQL = Prisma.sql`ARRAY[${Prisma.join(PENDING_DEPOSIT_STATES.map((s) => Prisma.sql`${s}`))}]::smallint[]`;
const FINAL_SQL = Prisma.sql`(${Prisma.join(FINAL_DEPOSIT_STATES.map((s) => Prisma.sql`${s}`))})`;

/** Credited deposit states (seed 001: 1 credited, 2 success). */
const CREDITED_STATES = [1, 2];

/**
 * The customer's "deposit credited" message for each deposit of `written` (a CTE of deposit rows) that is
 * credited, on a sub-account linked to a customer, and made since `since` (the pending lookback: history
 * read on a brand's first sync, or linked late, is not news). Once per deposit — the message's unique key
 * — however often the sync reads it or its state moves from credited to success.
 */
const creditedMessages = (written: Prisma.Sql, since: Date) =>
  automaticMessagesInsert(
    "deposit.credited",
    Prisma.sql`
      SELECT w."brand_id", s."customer_id", w."id"::text, jsonb_build_object('amount', ${moneyVar(Prisma.sql`w."amount"`, Prisma.sql`upper(w."ccy")`)})
      FROM ${written} w JOIN "subaccount" s ON s."id" = w."subaccount_id"
      WHERE s."customer_id" IS NOT NULL AND w."state" = ANY(${CREDITED_STATES}::int[]) AND w."exchange_ts" >= ${since}`,
  );
/** The customer a written row (of `up`, joined to its sub-account `s`) credited a recent deposit to, else null. */
const creditedTo = (since: Date) =>
  Prisma.sql`CASE WHEN up."state" = ANY(${CREDITED_STATES}::int[]) AND up."exchange_ts" >= ${since} THEN s."customer_id"::text END`;
/** The columns creditedMessages reads, returned by the statements that write deposits. */
const WRITTEN = Prisma.sql`d."id", d."brand_id", d."subaccount_id", d."state", d."amount", d."ccy", d."exchange_ts"`;

/** The exchange's state as the smallint we store; anything but digits is a response we cannot keep. */
function stateOf(d: Deposit): number {
  if (!/^\d{1,4}$/.test(d.state)) throw new Error(`deposit ${d.depId}: unexpected state "${d.state.slice(0, 20)}"`);
  return Number(d.state);
}

const confirmationsOf = (d: Deposit): number | null => (/^\d{1,9}$/.test(d.actualDepBlkConfirm) ? Number(d.actualDepBlkConfirm) : null);

/** One row per depId (a statement may not update the same row twice). */
function unique(rows: Deposit[]): Deposit[] {
  const byId = new Map<string, Deposit>();
  for (const r of rows) byId.set(r.depId, r);
  return [...byId.values()];
}

/**
 * Upserts one batch in one statement, linking each deposit to the brand's sub-account of that name when
 * it is known, and queueing the customers' messages of newly credited deposits (creditedMessages). Returns
 * one row per created or changed deposit (unchanged ones are not written at all), with the customer it
 * credited a recent deposit to.
 */
function upsertDeposits(tx: DbTx, brandId: string, rows: Deposit[], at: Date, floor: Date) {
  const text = (f: (d: Deposit) => string) => rows.map(f);
  return tx.$queryRaw<{ inserted: boolean; credited_to: string | null }[]>`
    WITH up AS (
    INSERT INTO "deposit" AS d ("id", "brand_id", "dep_id", "sub_acct", "subaccount_id", "ccy", "chain", "amount", "from_account",
                               "area_code_from", "to_address", "tx_id", "state", "confirmations", "exchange_ts", "first_seen_at", "updated_at")
    SELECT gen_random_uuid(), ${brandId}::uuid, r.dep_id, r.sub_acct, s.id, r.ccy, r.chain, r.amount, r.from_account,
           r.area_code_from, r.to_address, r.tx_id, r.state, r.confirmations, r.exchange_ts, ${at}, ${at}
    FROM unnest(
      ${text((d) => d.depId)}::text[], ${text((d) => d.subAcct)}::text[], ${text((d) => d.ccy)}::text[], ${text((d) => d.chain)}::text[],
      ${text((d) => d.amt)}::numeric[], ${text((d) => d.from)}::text[], ${rows.map((d) => d.areaCodeFrom || null)}::text[],
      ${text((d) => d.to)}::text[], ${text((d) => d.txId)}::text[], ${rows.map(stateOf)}::smallint[], ${rows.map(confirmationsOf)}::int[],
      ${text((d) => d.ts.toISOString())}::timestamptz[]
    ) AS r(dep_id, sub_acct, ccy, chain, amount, from_account, area_code_from, to_address, tx_id, state, confirmations, exchange_ts)
    LEFT JOIN "subaccount" s ON s.brand_id = ${brandId}::uuid AND s.sub_acct = r.sub_acct
    ON CONFLICT ("brand_id", "dep_id") DO UPDATE SET
      "sub_acct" = EXCLUDED."sub_acct",
      "subaccount_id" = COALESCE(d."subaccount_id", EXCLUDED."subaccount_id"),
      "ccy" = EXCLUDED."ccy",
      "chain" = EXCLUDED."chain",
      "amount" = EXCLUDED."amount",
      "from_account" = EXCLUDED."from_account",
      "area_code_from" = EXCLUDED."area_code_from",
      "to_address" = EXCLUDED."to_address",
      "tx_id" = EXCLUDED."tx_id",
      "state" = EXCLUDED."state",
      "confirmations" = EXCLUDED."confirmations",
      "exchange_ts" = EXCLUDED."exchange_ts",
      "updated_at" = EXCLUDED."updated_at"
    WHERE (
        (d."sub_acct", d."ccy", d."chain", d."amount", d."from_account", d."area_code_from", d."to_address", d."tx_id", d."state", d."confirmations", d."exchange_ts")
          IS DISTINCT FROM
        (EXCLUDED."sub_acct", EXCLUDED."ccy", EXCLUDED."chain", EXCLUDED."amount", EXCLUDED."from_account", EXCLUDED."area_code_from",
         EXCLUDED."to_address", EXCLUDED."tx_id", EXCLUDED."state", EXCLUDED."confirmations", EXCLUDED."exchange_ts")
        OR (d."subaccount_id" IS NULL AND EXCLUDED."subaccount_id" IS NOT NULL)
      )
      AND NOT (d."state" IN ${FINAL_SQL} AND EXCLUDED."state" NOT IN ${FINAL_SQL})
    RETURNING ${WRITTEN}, (xmax = 0) AS inserted),
    told AS (${creditedMessages(Prisma.sql`up`, floor)})
    SELECT up.inserted, ${creditedTo(floor)} AS credited_to FROM up LEFT JOIN "subaccount" s ON s."id" = up."subaccount_id"`;
}

/** The oldest deposit of the lookback window still in a pending state: one index probe per state. */
async function oldestPending(tx: DbTx, brandId: string, floor: Date): Promise<Date | null> {
  const [row] = await tx.$queryRaw<{ ts: Date | null }[]>`
    SELECT min(x.ts) AS ts
    FROM unnest(${PENDING_SQL}) AS p(state)
    CROSS JOIN LATERAL (
      SELECT min(d."exchange_ts") AS ts FROM "deposit" d
      WHERE d."brand_id" = ${brandId}::uuid AND d."state" = p.state AND d."exchange_ts" >= ${floor}
    ) x`;
  return row?.ts ?? null;
}

/**
 * Stores one batch and the cursor in one transaction. `readTo` is the last millisecond this run has read
 * completely; the stored cursor is that, held back to just before the oldest pending deposit.
 */
async function storePage(tx: DbTx, brandId: string, rows: Deposit[], readTo: number, floor: Date, at: Date) {
  // Serialises page writes of concurrent runs for this brand (and orders their row locks).
  await tx.$queryRaw`SELECT "brand_id" FROM "deposit_sync_state" WHERE "brand_id" = ${brandId}::uuid FOR UPDATE`;
  const written = rows.length ? await upsertDeposits(tx, brandId, rows, at, floor) : [];
  const pending = await oldestPending(tx, brandId, floor);
  const cursor = new Date(pending ? Math.min(readTo, pending.getTime() - 1) : readTo);
  await tx.$executeRaw`UPDATE "deposit_sync_state" SET "cursor_ts" = ${cursor}, "updated_at" = ${at} WHERE "brand_id" = ${brandId}::uuid`;
  const created = written.filter((w) => w.inserted).length;
  return { created, updated: written.length - created, cursor, creditedTo: written.map((w) => w.credited_to) };
}

/**
 * Every deposit of one crowded millisecond that the filters can reach: by state, and by state and type
 * when one state fills a page. `truncated` when even that leaves a full page.
 */
async function readMillisecond(client: OkxClient, ts: number, limit: number, alreadyRead: Deposit[]) {
  const found = new Map(alreadyRead.map((d) => [d.depId, d]));
  let truncated = false;
  for (const state of DEPOSIT_STATES) {
    const only = { after: String(ts + 1), before: String(ts - 1), state, limit };
    const rows = await client.depositHistory(only);
    for (const d of rows) found.set(d.depId, d);
    if (rows.length < limit) continue;
    for (const type of ["3", "4"] as const) {
      const part = await client.depositHistory({ ...only, type });
      for (const d of part) found.set(d.depId, d);
      if (part.length >= limit) truncated = true;
    }
  }
  return { rows: [...found.values()], truncated };
}

/**
 * Links deposits stored before their sub-account was, for sub-accounts created since `since`; a recent
 * credited deposit of a customer's sub-account gets its message then (creditedMessages).
 */
async function linkLateSubaccounts(db: Db, brandId: string, since: Date, at: Date, floor: Date): Promise<{ linked: number; creditedTo: string[] }> {
  const [r] = await db.$queryRaw<{ linked: number; credited_to: string[] }[]>`
    WITH up AS (
      UPDATE "deposit" d SET "subaccount_id" = s."id", "updated_at" = ${at}
      FROM "subaccount" s
      WHERE s."brand_id" = ${brandId}::uuid AND s."created_at" >= ${since}
        AND d."brand_id" = ${brandId}::uuid AND d."sub_acct" = s."sub_acct" AND d."subaccount_id" IS NULL
      RETURNING ${WRITTEN}),
    told AS (${creditedMessages(Prisma.sql`up`, floor)})
    SELECT count(*)::int AS linked, coalesce(array_agg(DISTINCT ${creditedTo(floor)}) FILTER (WHERE ${creditedTo(floor)} IS NOT NULL), '{}') AS credited_to
    FROM up LEFT JOIN "subaccount" s ON s."id" = up."subaccount_id"`;
  return { linked: r!.linked, creditedTo: r!.credited_to };
}

/**
 * Syncs one brand's deposit history from its exchange (its own credentials, or the simulator), forward
 * from its cursor. Writes one audit row per run, complete or not; rethrows a failure so the job retries.
 */
export async function syncDeposits(brandId: string, deps: DepositSyncDeps): Promise<DepositSyncSummary> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const limit = deps.pageSize ?? DEPOSIT_PAGE_SIZE;
  const started = Date.now();
  const { client, target } = await brandExchange(db, brandId, deps.clientOptions);

  await db.$executeRaw`INSERT INTO "deposit_sync_state" ("brand_id", "updated_at") VALUES (${brandId}::uuid, ${now()}) ON CONFLICT ("brand_id") DO NOTHING`;
  const state = await db.depositSyncState.findUniqueOrThrow({ where: { brandId } });
  const startCursor = state.cursorTs;
  const floor = new Date(now().getTime() - PENDING_LOOKBACK_MS);

  const totals = { pages: 0, seen: 0, created: 0, updated: 0, linked: 0, crowdedMs: 0 };
  const truncatedMs: string[] = [];
  let stored: Date | null = startCursor;
  const summary = (): DepositSyncSummary => ({
    brandId,
    ...totals,
    startCursor: startCursor?.toISOString() ?? null,
    cursor: stored?.toISOString() ?? null,
    truncatedMs,
    usingSimulator: target.usingSimulator,
    durationMs: Date.now() - started,
  });

  let batches = 0;
  /** Customers this run credited recent deposits to: their risk limits are evaluated when it ends. */
  const credited = new Set<string>();
  /** Stores one batch; `upTo` is the last millisecond read completely once it is stored. */
  const save = async (rows: Deposit[], upTo: number) => {
    const batch = unique(rows);
    const at = now();
    const r = await db.$transaction((tx) => storePage(tx, brandId, batch, upTo, floor, at));
    stored = r.cursor;
    totals.seen += batch.length;
    totals.created += r.created;
    totals.updated += r.updated;
    for (const id of r.creditedTo) if (id) credited.add(id);
    await deps.onPage?.(++batches, { rows: batch.length, cursor: r.cursor });
  };
  /** A full page all in one millisecond: that millisecond read whole (as far as the filters reach). */
  const crowded = async (ts: number, rows: Deposit[]) => {
    const split = await readMillisecond(client, ts, limit, rows);
    totals.crowdedMs++;
    if (split.truncated) truncatedMs.push(new Date(ts).toISOString());
    return split.rows;
  };
  const span = (rows: Deposit[]) => {
    const times = rows.map((d) => d.ts.getTime());
    return { newest: Math.max(...times), oldest: Math.min(...times), full: rows.length >= limit };
  };
  /**
   * Every deposit with lo < ts <= hi, newest first (`after` and `before` together), each batch stored with
   * the cursor left at `lo` — for an exchange whose `before` alone answers the newest deposits, not the
   * ones just after the cursor (see `newestFirst`).
   */
  const fillBackward = async (lo: number, hi: number) => {
    let upper = hi + 1;
    while (upper - 1 > lo) {
      const rows = await client.depositHistory({ after: String(upper), before: String(lo), limit });
      if (rows.length === 0) return;
      totals.pages++;
      const { newest, oldest, full } = span(rows);
      if (oldest <= lo || newest >= upper) throw new Error(`the exchange answered a deposit outside ${lo}–${upper}: paging cannot continue safely`);
      const isCrowded = full && newest === oldest;
      await save(isCrowded ? await crowded(oldest, rows) : rows, lo);
      if (!full) return;
      // The oldest millisecond may continue on the next page: read it again, unless it was read whole.
      upper = isCrowded ? oldest : oldest + 1;
    }
  };

  try {
    let readTo = startCursor?.getTime() ?? 0;
    /**
     * Whether `before` alone answers the newest deposits after the cursor (rather than those just after
     * it, as the simulator does): asked once, on the run's first full page, by looking for a deposit
     * between the cursor and that page. If so, each full page's gap is filled backwards before moving on.
     */
    let newestFirst: boolean | null = null;
    for (let page = 1; ; page++) {
      if (page > MAX_PAGES) throw new Error(`deposit sync stopped after ${MAX_PAGES} pages`);
      const rows = await client.depositHistory({ before: String(readTo), limit });
      if (rows.length === 0) break;
      totals.pages++;
      const { newest, oldest, full } = span(rows);
      if (oldest <= readTo) throw new Error(`the exchange answered a deposit at ${oldest} for "after ${readTo}": paging cannot continue safely`);

      const isCrowded = full && newest === oldest;
      if (full) {
        newestFirst ??= (await client.depositHistory({ after: String(oldest), before: String(readTo), limit: 1 })).length > 0;
        if (newestFirst) await fillBackward(readTo, isCrowded ? newest - 1 : oldest);
      }
      // Read completely up to here: the page's newest millisecond may continue on the next page.
      const next = isCrowded ? newest : newest - 1;
      await save(isCrowded ? await crowded(newest, rows) : rows, next);
      readTo = next;
      if (!full) break;
    }

    const since = state.lastCompletedAt ? new Date(state.lastCompletedAt.getTime() - LINK_MARGIN_MS) : new Date(0);
    const late = await linkLateSubaccounts(db, brandId, since, now(), floor);
    totals.linked = late.linked;
    for (const id of late.creditedTo) credited.add(id);
    await db.$transaction(async (tx) => {
      await tx.depositSyncState.update({ where: { brandId }, data: { lastCompletedAt: now() } });
      await audit(tx, summary(), true);
    });
    return summary();
  } catch (error) {
    // Best effort: a failed run still leaves a trace, but the original error is what the job reports.
    await db.$transaction((tx) => audit(tx, summary(), false, error)).catch(() => undefined);
    throw error;
  } finally {
    await enqueueEvaluations(brandId, credited);
  }
}

function audit(tx: DbTx, summary: DepositSyncSummary, complete: boolean, error?: unknown) {
  const message = error instanceof Error ? error.message : error === undefined ? undefined : String(error);
  return recordAudit(tx, WHO, {
    brandId: summary.brandId,
    action: complete ? "deposit.sync" : "deposit.sync_failed",
    entityType: "deposit_sync",
    after: { ...summary, complete, ...(message ? { error: message.slice(0, 500) } : {}) },
  });
}

export interface DepositSyncAllResult {
  brands: number;
  failed: number;
  results: DepositSyncSummary[];
}

/**
 * Syncs every active brand, one after another (brands on the simulator share its key and so its rate
 * limit). A brand's failure does not stop the others; the run then fails with counts only.
 */
export async function syncAllBrandsDeposits(deps: DepositSyncDeps): Promise<DepositSyncAllResult> {
  const brands = await deps.db.brand.findMany({ where: { status: "active" }, select: { id: true }, orderBy: { createdAt: "asc" } });
  const results: DepositSyncSummary[] = [];
  let failed = 0;
  for (const brand of brands) {
    try {
      results.push(await syncDeposits(brand.id, deps));
    } catch {
      failed++;
    }
  }
  if (failed > 0) throw new Error(`deposit sync failed for ${failed} of ${brands.length} brand(s); see each brand's audit log`);
  return { brands: brands.length, failed, results };
}
