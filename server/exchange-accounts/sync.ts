/**
 * The exchange-account sync of one sub-account, through its own API key (subaccountClient): balances
 * (account/balance + asset/balances, valued in USDT), positions, open orders (every page), and the fills
 * and bills newer than the stored bill-id cursors. Run by the `exchange-account-sync` job.
 *
 * Each data kind succeeds or fails on its own: a time-out, a 429 or a 5xx on one is recorded against that
 * kind (exchange_sync_kind_state) and the others still run. A sub-account without a usable key records why
 * (NoUsableKeyError.why) and asks the exchange nothing. The kinds are read side by side (separate
 * endpoints, separate limits), then everything read is written at once: snapshots replaced whole and
 * every kind's outcome in one statement (./sync-write.ts), and fills and bills with their cursors moved in
 * the same transaction — so a failed write leaves the cursors where they were and the next run reads the
 * same span again. One statement per refresh rather than a dozen ORM operations is what lets a refresh keep
 * up with the exchange's pace (bench/exchange-accounts).
 *
 * Audit: a sync writes no business data of its own (it mirrors the exchange), so a successful scheduled run
 * is recorded only in the sync state; runs asked for by staff or after an action, and runs with a failure,
 * write one audit row (counts and error codes — never keys or secrets).
 */
import "server-only";
import { systemActor } from "@/server/actor";
import { recordAudit } from "@/server/audit/audit";
import type { Db, DbTx } from "@/server/db/client";
import type { ExchangeDataKind } from "@/server/db/generated/enums";
import type { BrandClientOptions } from "@/server/exchange/brand-client";
import { isOkxError, LOCAL_CODES } from "@/server/exchange/okx";
import { NoUsableKeyError, subaccountClient, type NoKeyReason } from "@/server/exchange/subaccount-client";
import { AppError } from "../errors";
import { contractValues, readBalances, readBillsSince, readFillsSince, readOpenOrders, readPositions } from "./sync-read";
import { addBills, addFills, type KindFailure, type Scope } from "./sync-store";
import { writeSync, type Snapshots } from "./sync-write";
import { requestRiskEvaluation, type SubaccountSyncReason } from "./sync-queue";

const WHO = { actor: systemActor("exchange-account-sync"), request: { ip: null, userAgent: null } };

export const DATA_KINDS: readonly ExchangeDataKind[] = ["balances", "positions", "orders", "fills", "bills"];

export interface ExchangeSyncDeps {
  db: Db;
  /** The sub-account client's options (tests point the simulator URL at theirs, shorten retries). */
  clientOptions?: BrandClientOptions;
  /** Rows per request, 1–100. */
  pageSize?: number;
  /** The data kinds to read (default all): a refresh of balances, positions and orders skips the histories. */
  kinds?: readonly ExchangeDataKind[];
  now?: () => Date;
}

export interface ExchangeSyncSummary {
  brandId: string;
  subaccountId: string;
  outcome: "synced" | "partial" | "failed" | "no_key" | "not_found";
  noKeyReason?: NoKeyReason;
  /** Rows stored per kind (snapshots: rows now held; fills/bills: new rows). */
  stored: Partial<Record<ExchangeDataKind, number>>;
  failures: Partial<Record<ExchangeDataKind, KindFailure>>;
  /** Fills or bills left unread below the page guard on a first read of a busy account. */
  truncated: ExchangeDataKind[];
  durationMs: number;
}

/**
 * What went wrong, as a stable code the page translates (rate_limited, timeout, unavailable, auth,
 * exchange) and a short message with OKX's code — OKX's messages name parameters, never their values.
 */
export function kindFailure(error: unknown): KindFailure {
  if (isOkxError(error)) {
    const code =
      error.kind === "rate_limited"
        ? "rate_limited"
        : error.code === LOCAL_CODES.timeout
          ? "timeout"
          : error.kind === "transient"
            ? "unavailable"
            : error.kind === "auth"
              ? "auth"
              : "exchange";
    return { code, message: `${error.code}${error.httpStatus ? ` (HTTP ${error.httpStatus})` : ""}${error.msg ? ` ${error.msg}` : ""}`.slice(0, 300) };
  }
  return { code: "internal", message: (error instanceof Error ? error.message : String(error)).slice(0, 300) };
}

/** Syncs one sub-account of `brandId`. Never throws for the exchange's failures: they are recorded per kind. */
export async function syncExchangeAccount(brandId: string, subaccountId: string, deps: ExchangeSyncDeps, reason: SubaccountSyncReason = "schedule"): Promise<ExchangeSyncSummary> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const started = Date.now();
  const s: Scope = { brandId, subaccountId };
  const summary: ExchangeSyncSummary = { brandId, subaccountId, outcome: "synced", stored: {}, failures: {}, truncated: [], durationMs: 0 };
  const finish = async (outcome: ExchangeSyncSummary["outcome"]) => {
    summary.outcome = outcome;
    summary.durationMs = Date.now() - started;
    if (reason !== "schedule" || outcome !== "synced") await audit(db, summary, reason).catch(() => undefined);
    return summary;
  };

  let client;
  let destination: string;
  try {
    ({ client, baseUrl: destination } = await subaccountClient(db, brandId, subaccountId, "read_only", deps.clientOptions));
  } catch (error) {
    if (error instanceof NoUsableKeyError) {
      const at = now();
      await db.exchangeSyncState.upsert({
        where: { subaccountId },
        create: { ...s, noKeyReason: error.why, lastRunAt: at },
        update: { noKeyReason: error.why, lastRunAt: at },
      });
      summary.noKeyReason = error.why;
      return finish("no_key");
    }
    // Another brand's, or gone: nothing to record, nothing to retry.
    if (error instanceof AppError && error.code === "NOT_FOUND") return { ...summary, outcome: "not_found", durationMs: Date.now() - started };
    throw error;
  }

  const kinds = DATA_KINDS.filter((k) => !deps.kinds || deps.kinds.includes(k));
  const histories = kinds.includes("fills") || kinds.includes("bills");
  const state = histories ? await db.exchangeSyncState.findUnique({ where: { subaccountId }, select: { fillsCursor: true, billsCursor: true } }) : null;
  const limit = deps.pageSize;

  // Read: each kind on its own, side by side; what it read is kept for the one write below.
  const snapshots: Snapshots = {};
  const historyWrites: ((tx: DbTx) => Promise<void>)[] = [];
  const reads: Record<ExchangeDataKind, () => Promise<void>> = {
    balances: async () => {
      snapshots.balances = await readBalances(client, destination);
    },
    positions: async () => {
      const rows = await readPositions(client);
      snapshots.positions = { rows, contractValues: await contractValues(client, rows, destination) };
    },
    orders: async () => {
      snapshots.orders = await readOpenOrders(client, limit);
    },
    fills: async () => {
      const r = await readFillsSince(client, state?.fillsCursor ?? null, limit);
      if (r.truncated) summary.truncated.push("fills");
      historyWrites.push(async (tx) => void (summary.stored.fills = await addFills(tx, s, r.rows, r.cursor)));
    },
    bills: async () => {
      const r = await readBillsSince(client, state?.billsCursor ?? null, limit);
      if (r.truncated) summary.truncated.push("bills");
      historyWrites.push(async (tx) => void (summary.stored.bills = await addBills(tx, s, r.rows, r.cursor)));
    },
  };
  await Promise.all(
    kinds.map(async (kind) => {
      try {
        await reads[kind]();
      } catch (error) {
        summary.failures[kind] = kindFailure(error);
      }
    }),
  );

  // Write: the snapshots and every kind's outcome in one statement; with histories, in one transaction
  // with them, so a failed write leaves the cursors where they were.
  const outcomes = kinds.map((kind) => ({ kind, failure: summary.failures[kind] ?? null }));
  let customerId: string | null = null;
  const write = async (tx: Db | DbTx) => {
    const written = await writeSync(tx, s, now(), snapshots, outcomes);
    Object.assign(summary.stored, written.held);
    customerId = written.riskCustomerId;
    for (const history of historyWrites) await history(tx as DbTx);
  };
  await (historyWrites.length > 0 ? db.$transaction((tx) => write(tx)) : write(db));
  // After commit: new positions or balances may breach an exposure limit (the brand has one, or customerId
  // is null). Never fails the sync: the sweep catches up.
  if (customerId && (snapshots.positions || snapshots.balances)) await requestRiskEvaluation(brandId, customerId);
  const failed = Object.keys(summary.failures).length;
  return finish(failed === 0 ? "synced" : failed === kinds.length ? "failed" : "partial");
}

function audit(db: Db, summary: ExchangeSyncSummary, reason: SubaccountSyncReason) {
  return db.$transaction((tx) =>
    recordAudit(tx, WHO, {
      brandId: summary.brandId,
      action: summary.outcome === "synced" ? "exchange_account.sync" : "exchange_account.sync_incomplete",
      entityType: "subaccount",
      entityId: summary.subaccountId,
      after: { reason, ...summary },
    }),
  );
}
