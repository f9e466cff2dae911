/**
 * The exchange-account sync of one sub-account, through its own API key (subaccountClient): balances
 * (account/balance + asset/balances, valued in USDT), positions, open orders (every page), and the fills
 * and bills newer than the stored bill-id cursors. Run by the `exchange-account-sync` job.
 *
 * Each data kind succeeds or fails on its own: a time-out, a 429 or a 5xx on one is recorded against that
 * kind (exchange_sync_kind_state) and the others still run. A sub-account without a usable key records why
 * (NoUsableKeyError.why) and asks the exchange nothing. The kinds are read side by side (separate
 * endpoints, separate limits), then everything read is written in ONE transaction: snapshots replaced
 * whole, fills and bills added with their cursors moved, every kind's outcome — so a failed write leaves
 * the cursors where they were and the next run reads the same span again. One transaction per sub-account
 * rather than two per kind is what lets a refresh keep up with the exchange's pace (bench/exchange-accounts).
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
import { addBills, addFills, recordKind, replaceBalances, replaceOpenOrders, replacePositions, type KindFailure, type Scope } from "./sync-store";
import type { SubaccountSyncReason } from "./sync-queue";

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

  const state = await db.exchangeSyncState.findUnique({ where: { subaccountId }, select: { fillsCursor: true, billsCursor: true } });
  const limit = deps.pageSize;

  // Read: each kind on its own, side by side; a kind's write is kept for the one transaction below.
  const reads: Record<ExchangeDataKind, () => Promise<(tx: DbTx, at: Date) => Promise<number>>> = {
    balances: async () => {
      const b = await readBalances(client, destination);
      return (tx, at) => replaceBalances(tx, s, b, at);
    },
    positions: async () => {
      const positions = await readPositions(client);
      const values = await contractValues(client, positions, destination);
      return (tx, at) => replacePositions(tx, s, positions, values, at);
    },
    orders: async () => {
      const orders = await readOpenOrders(client, limit);
      return (tx, at) => replaceOpenOrders(tx, s, orders, at);
    },
    fills: async () => {
      const r = await readFillsSince(client, state?.fillsCursor ?? null, limit);
      if (r.truncated) summary.truncated.push("fills");
      return (tx) => addFills(tx, s, r.rows, r.cursor);
    },
    bills: async () => {
      const r = await readBillsSince(client, state?.billsCursor ?? null, limit);
      if (r.truncated) summary.truncated.push("bills");
      return (tx) => addBills(tx, s, r.rows, r.cursor);
    },
  };
  const kinds = DATA_KINDS.filter((k) => !deps.kinds || deps.kinds.includes(k));
  const outcomes = await Promise.all(
    kinds.map(async (kind) => {
      try {
        return { kind, write: await reads[kind]() };
      } catch (error) {
        summary.failures[kind] = kindFailure(error);
        return { kind, write: null };
      }
    }),
  );

  // Write: everything read, and every kind's outcome, at once.
  await db.$transaction(async (tx) => {
    const at = now();
    await tx.exchangeSyncState.upsert({ where: { subaccountId }, create: { ...s, noKeyReason: null, lastRunAt: at }, update: { noKeyReason: null, lastRunAt: at } });
    for (const { kind, write } of outcomes) {
      if (write) summary.stored[kind] = await write(tx, at);
      await recordKind(tx, s, kind, at, summary.failures[kind] ?? null);
    }
  });
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
