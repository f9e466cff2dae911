/**
 * The sub-account sync: mirrors a brand's DMA sub-accounts (GET broker/dma/subaccount-info, paged) and
 * their fee rates (GET broker/dma/subaccount-trade-fee, types 1–9) into `subaccount` and
 * `subaccount_fee_rate`. Run by the `subaccount-sync` job (jobs/workers/subaccount-sync.ts).
 *
 * Safe to interrupt and re-run: every row is keyed by (brandId, subAcct), each page commits on its own,
 * and sub-accounts are only marked removed by a run that read every page — a run cut short marks nothing.
 * The exchange client's rate limiter paces the pages (1 request per second per key for both endpoints).
 */
import "server-only";
import type { Db, DbTx, Prisma } from "@/server/db/client";
import { systemActor } from "@/server/actor";
import { recordAudit } from "@/server/audit/audit";
import { brandExchange, type BrandClientOptions } from "@/server/exchange/brand-client";
import type { OkxClient, SubaccountFee, SubaccountInfo } from "@/server/exchange/okx";

/** The exchange's largest page. */
export const SYNC_PAGE_SIZE = 100;
/** A guard against an exchange that never reports the last page. */
const MAX_PAGES = 10_000;
const WHO = { actor: systemActor("subaccount-sync"), request: { ip: null, userAgent: null } };

export interface SyncDeps {
  db: Db;
  /** Options of the brand's exchange client (tests point the simulator URL at theirs). */
  clientOptions?: BrandClientOptions;
  /** Rows per request, 1–100. */
  pageSize?: number;
  /** Also sync fee rates (one more paged pass). Default true. */
  feeRates?: boolean;
  now?: () => Date;
  /** Called after each sub-account page is stored; a throw here interrupts the run (tests). */
  onPage?: (page: number, totalPage: number) => Promise<void> | void;
}

export interface SyncSummary {
  brandId: string;
  /** Sub-accounts the exchange listed in this run. */
  seen: number;
  created: number;
  /** Existing rows whose exchange fields changed (or that reappeared after being marked removed). */
  updated: number;
  /** Rows newly marked removed. */
  removed: number;
  /** Sub-account pages read. */
  pages: number;
  /** Fee-rate rows written (0 when fee rates are not synced). */
  feeRates: number;
  usingSimulator: boolean;
  durationMs: number;
}

type Row = Prisma.SubaccountUncheckedCreateInput;

/** The exchange's answer as the columns we keep. */
function toColumns(brandId: string, s: SubaccountInfo, syncedAt: Date) {
  return {
    brandId,
    subAcct: s.subAcct,
    uid: s.uid,
    label: s.label,
    accountLevel: Number(s.acctLv),
    enabled: s.enable,
    frozenFunctions: s.frozenFunc,
    canTransferOut: s.canTransOut,
    mainAcct: s.mainAcct === "" ? null : s.mainAcct,
    exchangeCreatedAt: s.ts,
    lastSyncedAt: syncedAt,
  } satisfies Row;
}

type Columns = ReturnType<typeof toColumns>;
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** True when any exchange field differs (lastSyncedAt and removedAt aside). */
function changed(existing: Columns & { removedAt: Date | null }, next: Columns): boolean {
  return (
    existing.removedAt !== null ||
    existing.uid !== next.uid ||
    existing.label !== next.label ||
    existing.accountLevel !== next.accountLevel ||
    existing.enabled !== next.enabled ||
    !sameList(existing.frozenFunctions, next.frozenFunctions) ||
    existing.canTransferOut !== next.canTransferOut ||
    existing.mainAcct !== next.mainAcct ||
    existing.exchangeCreatedAt.getTime() !== next.exchangeCreatedAt.getTime()
  );
}

/** Stores one page in one transaction; returns how many rows it created and changed. */
async function storePage(tx: DbTx, brandId: string, details: SubaccountInfo[], syncedAt: Date) {
  const incoming = details.map((s) => toColumns(brandId, s, syncedAt));
  const names = incoming.map((r) => r.subAcct);
  const existing = await tx.subaccount.findMany({ where: { brandId, subAcct: { in: names } } });
  const byName = new Map(existing.map((r) => [r.subAcct, r]));

  const fresh = incoming.filter((r) => !byName.has(r.subAcct));
  // skipDuplicates: a concurrent run may have inserted the same name meanwhile; the unique key decides.
  const created = fresh.length ? (await tx.subaccount.createMany({ data: fresh, skipDuplicates: true })).count : 0;

  let updated = 0;
  const unchanged: string[] = [];
  for (const next of incoming) {
    const row = byName.get(next.subAcct);
    if (!row) continue;
    if (changed(row, next)) {
      const lastSyncedAt = row.lastSyncedAt > syncedAt ? row.lastSyncedAt : syncedAt;
      await tx.subaccount.update({ where: { id: row.id }, data: { ...next, lastSyncedAt, removedAt: null, version: { increment: 1 } } });
      updated++;
    } else {
      unchanged.push(next.subAcct);
    }
  }
  if (unchanged.length) {
    // Never backwards: a newer run overlapping this one (a per-brand job beside the all-brands one) may
    // have stamped the row already, and an older stamp would make that run mark it removed.
    await tx.subaccount.updateMany({ where: { brandId, subAcct: { in: unchanged }, lastSyncedAt: { lt: syncedAt } }, data: { lastSyncedAt: syncedAt } });
  }
  return { created, updated };
}

/** Upserts one page of fee rates (up to 9 per sub-account) in one statement. */
export async function storeFeePage(tx: DbTx, brandId: string, details: SubaccountFee[], syncedAt: Date): Promise<number> {
  const ids = await tx.subaccount.findMany({
    where: { brandId, subAcct: { in: details.map((d) => d.subAcct) } },
    select: { id: true, subAcct: true },
  });
  const idOf = new Map(ids.map((r) => [r.subAcct, r.id]));
  const rows = details.flatMap((d) => {
    const id = idOf.get(d.subAcct);
    // A sub-account created after the info pass was read: the next run picks up its rates.
    return id ? d.feeRates.filter((f) => /^[1-9]$/.test(f.type)).map((f) => ({ id, type: Number(f.type), maker: f.maker, taker: f.taker })) : [];
  });
  if (!rows.length) return 0;
  return tx.$executeRaw`
    INSERT INTO "subaccount_fee_rate" ("id", "brand_id", "subaccount_id", "type", "maker", "taker", "synced_at")
    SELECT gen_random_uuid(), ${brandId}::uuid, r.sid, r.type, r.maker, r.taker, ${syncedAt}
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.type)}::smallint[],
                ${rows.map((r) => r.maker)}::numeric[], ${rows.map((r) => r.taker)}::numeric[]) AS r(sid, type, maker, taker)
    ON CONFLICT ("subaccount_id", "type") DO UPDATE
      SET "maker" = EXCLUDED."maker", "taker" = EXCLUDED."taker", "synced_at" = EXCLUDED."synced_at"`;
}

/** Reads every page of a paged list, calling `onPage` with each; returns the number of pages read. */
async function eachPage<T>(
  fetchPage: (page: number) => Promise<{ totalPage: number; details: T[] }>,
  onPage: (details: T[], page: number, totalPage: number) => Promise<void>,
): Promise<number> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await fetchPage(page);
    if (res.details.length === 0) return page - 1;
    await onPage(res.details, page, res.totalPage);
    if (page >= res.totalPage) return page;
  }
  throw new Error(`sub-account sync stopped after ${MAX_PAGES} pages: the exchange never reported the last page`);
}

/**
 * Syncs one brand's sub-accounts (and fee rates) from its exchange — its own credentials, or the simulator
 * (server/exchange/brand-client.ts). Writes one audit row per run, complete or not; rethrows a failure
 * so the job retries.
 */
export async function syncSubaccounts(brandId: string, deps: SyncDeps): Promise<SyncSummary> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const limit = deps.pageSize ?? SYNC_PAGE_SIZE;
  const started = Date.now();
  // Every row this run sees gets this stamp; rows left with an older one were not seen.
  const runAt = now();
  const { client, target } = await brandExchange(db, brandId, deps.clientOptions);
  const totals = { seen: 0, created: 0, updated: 0, removed: 0, pages: 0, feeRates: 0 };
  const summary = (): SyncSummary => ({ brandId, ...totals, usingSimulator: target.usingSimulator, durationMs: Date.now() - started });

  try {
    totals.pages = await eachPage(
      (page) => client.subaccountInfo({ page, limit }),
      async (details, page, totalPage) => {
        const r = await db.$transaction((tx) => storePage(tx, brandId, details, runAt));
        totals.seen += details.length;
        totals.created += r.created;
        totals.updated += r.updated;
        await deps.onPage?.(page, totalPage);
      },
    );

    // Every page was read: what was not seen is gone from the exchange. Marked in the same transaction as
    // the run's audit row, so the summary and the marks commit together.
    await db.$transaction(async (tx) => {
      const gone = await tx.subaccount.updateMany({
        where: { brandId, removedAt: null, lastSyncedAt: { lt: runAt } },
        data: { removedAt: now(), version: { increment: 1 } },
      });
      totals.removed = gone.count;
      if (deps.feeRates === false) await audit(tx, summary(), true);
    });

    if (deps.feeRates !== false) {
      await syncFeeRates(client, db, brandId, limit, runAt, totals);
      await db.$transaction((tx) => audit(tx, summary(), true));
    }
    return summary();
  } catch (error) {
    // Best effort: a failed run still leaves a trace, but the original error is what the job reports.
    await db.$transaction((tx) => audit(tx, summary(), false, error)).catch(() => undefined);
    throw error;
  }
}

async function syncFeeRates(client: OkxClient, db: Db, brandId: string, limit: number, runAt: Date, totals: { feeRates: number }) {
  await eachPage(
    (page) => client.subaccountTradeFee({ page, limit }),
    async (details) => {
      totals.feeRates += await db.$transaction((tx) => storeFeePage(tx, brandId, details, runAt));
    },
  );
}

function audit(tx: DbTx, summary: SyncSummary, complete: boolean, error?: unknown) {
  const message = error instanceof Error ? error.message : error === undefined ? undefined : String(error);
  return recordAudit(tx, WHO, {
    brandId: summary.brandId,
    action: complete ? "subaccount.sync" : "subaccount.sync_failed",
    entityType: "subaccount_sync",
    after: { ...summary, complete, ...(message ? { error: message.slice(0, 500) } : {}) },
  });
}

export interface SyncAllResult {
  brands: number;
  failed: number;
  results: SyncSummary[];
}

/**
 * Syncs every active brand, one after another (brands on the simulator share its key and so its rate
 * limit). A brand's failure does not stop the others; the run then fails with counts only, since the
 * message is shown on every brand's jobs page.
 */
export async function syncAllBrands(deps: SyncDeps): Promise<SyncAllResult> {
  const brands = await deps.db.brand.findMany({ where: { status: "active" }, select: { id: true }, orderBy: { createdAt: "asc" } });
  const results: SyncSummary[] = [];
  let failed = 0;
  for (const brand of brands) {
    try {
      results.push(await syncSubaccounts(brand.id, deps));
    } catch {
      failed++;
    }
  }
  if (failed > 0) throw new Error(`sub-account sync failed for ${failed} of ${brands.length} brand(s); see each brand's audit log`);
  return { brands: brands.length, failed, results };
}
