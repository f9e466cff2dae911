/**
 * The stop's optional second half: every open order of the stopped brand's sub-accounts (every brand's,
 * for the global stop) cancelled through each sub-account's own trading key. Cancelling only lowers
 * exposure, so it is the one exchange mutation that goes ahead while the stop holds — and only from here,
 * as the system: staff cancels stay refused. Runs as the emergency-cancel-orders job; the counts are
 * written on the stop as it goes, so the page shows progress. Safe to run again: a second run reads the
 * open orders afresh and finds only what the first left.
 */
import "server-only";
import { systemActor, type BrandContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Db } from "../db/client";
import { requestSubaccountSync } from "../exchange-accounts/sync-queue";
import type { BrandClientOptions } from "../exchange/brand-client";
import { AppError } from "../errors";
import { isOkxError } from "../exchange/okx";
import { NoUsableKeyError, subaccountClient } from "../exchange/subaccount-client";
import { cancelAllOf } from "../exchange-actions/cancel";
import { liveOrders } from "../exchange-actions/live";
import type { ActionItemResult } from "@/lib/exchange-actions/types";
import type { EmergencyCancelProgress } from "@/lib/emergency/schemas";

export const CANCEL_ACTOR = systemActor("emergency-cancel-orders");
const NO_REQUEST = { ip: null, userAgent: null };
/** Progress is written at most this often (and at the end): a brand may have thousands of sub-accounts. */
const PROGRESS_EVERY_MS = 500;
/** The audit row keeps the first items; the counts cover them all. */
const AUDITED_ITEMS = 200;

export const initialProgress = (): EmergencyCancelProgress => ({ subaccounts: 0, done: 0, cancelled: 0, failed: 0, unknown: 0, skipped: 0, startedAt: null, finishedAt: null, outcome: "queued" });

type Stop = { id: string; brandId: string | null; reason: string };

/** Cancels the stop's open orders; returns the final counts (null when the stop was not found or did not ask). */
export async function cancelOrdersForStop(db: Db, stopId: string, clientOptions: BrandClientOptions = {}): Promise<EmergencyCancelProgress | null> {
  const stop = await db.emergencyStop.findUnique({ where: { id: stopId }, select: { id: true, brandId: true, reason: true, cancelOrders: true, resetAt: true } });
  if (!stop?.cancelOrders) return null;
  const brands = stop.brandId ? [stop.brandId] : (await db.brand.findMany({ where: { status: "active" }, select: { id: true }, orderBy: { name: "asc" } })).map((b) => b.id);
  const subs = await db.subaccount.findMany({ where: { brandId: { in: brands }, removedAt: null }, select: { id: true, brandId: true, subAcct: true }, orderBy: [{ brandId: "asc" }, { createdAt: "asc" }] });
  const progress: EmergencyCancelProgress = { ...initialProgress(), subaccounts: subs.length, startedAt: new Date().toISOString(), outcome: "running" };
  let written = 0;
  const save = async (force = false) => {
    if (!force && Date.now() - written < PROGRESS_EVERY_MS) return;
    written = Date.now();
    await db.emergencyStop.update({ where: { id: stop.id }, data: { cancelProgress: { ...progress } } });
  };
  await save(true);

  const byBrand = new Map<string, ActionItemResult[]>();
  try {
    // A sub-account the exchange was busy for (time-out, 5xx, rate limit) gets a second pass at the end.
    const again: typeof subs = [];
    for (const [pass, list] of [[1, subs], [2, again]] as const) {
      for (const sub of list) {
        // A reset ends the stop: what it had not reached stays as it is, and staff decide from there.
        if ((await db.emergencyStop.findUnique({ where: { id: stop.id }, select: { resetAt: true } }))?.resetAt) {
          progress.outcome = "reset";
          break;
        }
        const outcome = await cancelOne(db, sub, byBrand, clientOptions);
        if (outcome === "busy" && pass === 1) {
          again.push(sub);
          continue;
        }
        if (outcome === "busy" || outcome === "skipped") progress.skipped++;
        else Object.entries(outcome).forEach(([k, n]) => (progress[k as "cancelled" | "failed" | "unknown"] += n));
        progress.done++;
        await save();
      }
      if (progress.outcome === "reset") break;
    }
  } catch (error) {
    // Shown as failed until the job's next attempt starts over (reading the open orders afresh).
    progress.outcome = "failed";
    progress.finishedAt = new Date().toISOString();
    await save(true).catch(() => undefined);
    throw error;
  }
  if (progress.outcome === "running") progress.outcome = "finished";
  progress.finishedAt = new Date().toISOString();
  await save(true);
  await auditAndSync(db, stop, byBrand);
  return progress;
}

type Counted = { cancelled: number; failed: number; unknown: number };

/**
 * One sub-account's open orders cancelled: counts by outcome; "skipped" without a key that may trade (or
 * when it is gone); "busy" when the exchange did not answer the read in time or asked to slow down.
 */
async function cancelOne(db: Db, sub: { id: string; brandId: string; subAcct: string }, byBrand: Map<string, ActionItemResult[]>, clientOptions: BrandClientOptions): Promise<Counted | "skipped" | "busy"> {
  const ctx: BrandContext = { db, actor: CANCEL_ACTOR, tenantId: sub.brandId, request: NO_REQUEST };
  const items = byBrand.get(sub.brandId) ?? [];
  byBrand.set(sub.brandId, items);
  const before = items.length;
  try {
    const { client, baseUrl } = await subaccountClient(db, sub.brandId, sub.id, "trade", clientOptions);
    const orders = await liveOrders(client);
    await cancelAllOf(ctx, { subaccountId: sub.id, subAcct: sub.subAcct, client, destination: baseUrl }, orders, items, { guarded: false });
  } catch (e) {
    if (isOkxError(e) && (e.kind === "transient" || e.outcomeUnknown)) return "busy";
    if (e instanceof NoUsableKeyError || isOkxError(e) || (e instanceof AppError && e.code === "NOT_FOUND")) return "skipped";
    throw e;
  }
  const mine = items.slice(before);
  return { cancelled: mine.filter((i) => i.status === "done").length, failed: mine.filter((i) => i.status === "failed").length, unknown: mine.filter((i) => i.status === "unknown").length };
}

/** One audit row per brand (on its own chain) with what was sent to its customers' sub-accounts; then a sync of each. */
async function auditAndSync(db: Db, stop: Stop, byBrand: Map<string, ActionItemResult[]>) {
  for (const [brandId, items] of byBrand) {
    const counts = { cancelled: items.filter((i) => i.status === "done").length, failed: items.filter((i) => i.status === "failed").length, unknown: items.filter((i) => i.status === "unknown").length };
    await db.$transaction((tx) =>
      recordAudit(tx, { actor: CANCEL_ACTOR, request: NO_REQUEST }, {
        brandId,
        action: "emergency.cancel_orders",
        entityType: "emergency_stop",
        entityId: stop.id,
        after: { scope: stop.brandId ? "brand" : "global", reason: stop.reason, counts, items: items.slice(0, AUDITED_ITEMS), itemsLeftOut: Math.max(0, items.length - AUDITED_ITEMS) },
      }),
    );
    const touched = [...new Set(items.map((i) => i.subaccountId))];
    // The scheduled sync catches up anyway: a queue that is down must not fail a finished cancel.
    await Promise.all(touched.map((id) => requestSubaccountSync(brandId, id, "action").catch(() => undefined)));
  }
}
