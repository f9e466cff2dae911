/**
 * Reconciliation runs: a range of a brand's days waiting to be reconciled (./reconcile.ts). An import asks
 * for one over its file's days, in its own transaction (./file-days.ts); staff ask for one over any range
 * ("Reconcile"). The rebate-reconciliation job (every minute) claims the due runs — a heartbeat keeps two
 * workers off one run, and a worker that died is taken over — and does them one by one. A run the exchange
 * cannot answer now (its limit, an outage) waits and is tried again, up to MAX_ATTEMPTS; one it refuses
 * fails saying why, and staff can ask again.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { Prisma } from "../db/client";
import { invalid } from "../errors";
import { isOkxError } from "../exchange/okx";
import type { ZReconcileInput } from "@/lib/rebates/reconciliation-schemas";
import { reconcileRange, RECONCILABLE_KINDS, type ReconcileOptions } from "./reconcile";

/** A claim older than this belonged to a worker that stopped. */
export const RUN_STALE_MS = 5 * 60_000;
const RUNS_PER_JOB = 10;
const MAX_ATTEMPTS = 10;

const utcDay = (text: string) => new Date(`${text}T00:00:00.000Z`);
const today = (now: Date) => utcDay(now.toISOString().slice(0, 10));

/**
 * Asks for a reconciliation of `from`…`to` (up to yesterday) of the brand's trading details; the same range
 * already waiting is not asked for twice. Audited.
 */
export async function requestReconciliation(ctx: TenantContext, input: z.infer<typeof ZReconcileInput>, now = new Date()) {
  const from = utcDay(input.from);
  const to = utcDay(input.to);
  if (to >= today(now)) throw invalid("to", "rebateReconciliation.errors.rangeFuture");
  const kind = RECONCILABLE_KINDS[0];
  return ctx.db.$transaction(async (tx) => {
    const waiting = await tx.rebateReconciliationRun.findFirst({
      where: { brandId: ctx.tenantId, kind, fromDay: from, toDay: to, state: { in: ["pending", "running"] } },
      select: { id: true },
    });
    if (waiting) return { id: waiting.id, duplicate: true };
    const run = await tx.rebateReconciliationRun.create({
      data: { brandId: ctx.tenantId, kind, fromDay: from, toDay: to, trigger: "manual", requestedById: ctx.actor.id },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "rebate.reconciliation_requested",
      entityType: "rebate_reconciliation",
      entityId: run.id,
      after: { kind, from: input.from, to: input.to },
    });
    return { id: run.id, duplicate: false };
  });
}

/** Claims up to `limit` due runs (optionally of one brand) for this worker. */
async function claimDue(deps: ReconcileOptions, brandId: string | undefined, limit: number): Promise<string[]> {
  const now = deps.now?.() ?? new Date();
  const stale = new Date(now.getTime() - RUN_STALE_MS);
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    UPDATE rebate_reconciliation_run SET state = 'running', heartbeat_at = now(), updated_at = now()
    WHERE id IN (
      SELECT id FROM rebate_reconciliation_run
      WHERE ((state = 'pending' AND next_check_at <= ${now}) OR (state = 'running' AND heartbeat_at < ${stale}))
        ${brandId ? Prisma.sql`AND brand_id = ${brandId}::uuid` : Prisma.empty}
      ORDER BY next_check_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return rows.map((r) => r.id);
}

export interface ReconciliationJobSummary {
  done: number;
  failed: number;
  waiting: number;
}

/** The job: every due run, one after the other. */
export async function runReconciliations(deps: ReconcileOptions, options: { brandId?: string } = {}): Promise<ReconciliationJobSummary> {
  const summary: ReconciliationJobSummary = { done: 0, failed: 0, waiting: 0 };
  for (const id of await claimDue(deps, options.brandId, RUNS_PER_JOB)) {
    const state = await runOne(deps, id);
    if (state === "done") summary.done++;
    else if (state === "failed") summary.failed++;
    else summary.waiting++;
  }
  return summary;
}

/** Does one claimed run; returns its state after. */
async function runOne(deps: ReconcileOptions, id: string): Promise<"done" | "failed" | "pending"> {
  const run = await deps.db.rebateReconciliationRun.findUniqueOrThrow({ where: { id } });
  const now = deps.now?.() ?? new Date();
  const attempts = run.attempts + 1;
  try {
    const outcome = await reconcileRange(deps, { id, brandId: run.brandId, kind: run.kind, from: run.fromDay, to: run.toDay });
    await deps.db.rebateReconciliationRun.update({
      where: { id },
      data: {
        state: "done",
        attempts,
        days: outcome.days,
        differences: outcome.differences,
        exchange: outcome.exchange,
        errorKey: null,
        errorDetail: outcome.exchangeDetail,
        heartbeatAt: null,
        finishedAt: new Date(),
      },
    });
    return "done";
  } catch (error) {
    const detail = (isOkxError(error) ? `${error.code}: ${error.msg}` : error instanceof Error ? error.message : String(error)).slice(0, 500);
    const retry = isOkxError(error) && (error.kind === "rate_limited" || error.kind === "transient") && attempts < MAX_ATTEMPTS;
    const errorKey = !isOkxError(error)
      ? "rebateReconciliation.errors.unexpected"
      : error.kind === "rate_limited" || error.kind === "transient"
        ? "rebateReconciliation.errors.exchangeUnavailable"
        : "rebateReconciliation.errors.exchangeRefused";
    await deps.db.rebateReconciliationRun.update({
      where: { id },
      data: retry
        ? { state: "pending", attempts, nextCheckAt: new Date(now.getTime() + Math.min(15 * 60_000, 30_000 * 2 ** (attempts - 1))), heartbeatAt: null, errorKey, errorDetail: detail }
        : { state: "failed", attempts, heartbeatAt: null, errorKey, errorDetail: detail, finishedAt: new Date() },
    });
    return retry ? "pending" : "failed";
  }
}

export interface ReconciliationRunRow {
  id: string;
  from: string;
  to: string;
  state: "pending" | "running" | "done" | "failed";
  trigger: string;
  exchange: string | null;
  days: number | null;
  differences: number | null;
  errorKey: string | null;
  errorDetail: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The brand's runs still to do, and the last one finished: what the page says above the days. */
export async function reconciliationRuns(ctx: TenantContext): Promise<{ active: ReconciliationRunRow[]; last: ReconciliationRunRow | null }> {
  const [active, last] = await Promise.all([
    ctx.db.rebateReconciliationRun.findMany({ where: { brandId: ctx.tenantId, state: { in: ["pending", "running"] } }, orderBy: { createdAt: "asc" }, take: 20 }),
    ctx.db.rebateReconciliationRun.findFirst({ where: { brandId: ctx.tenantId, state: { in: ["done", "failed"] } }, orderBy: [{ finishedAt: "desc" }, { id: "desc" }] }),
  ]);
  const row = (r: (typeof active)[number]): ReconciliationRunRow => ({
    id: r.id,
    from: isoDay(r.fromDay),
    to: isoDay(r.toDay),
    state: r.state,
    trigger: r.trigger,
    exchange: r.exchange,
    days: r.days,
    differences: r.differences,
    errorKey: r.errorKey,
    errorDetail: r.errorDetail,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
  });
  return { active: active.map(row), last: last ? row(last) : null };
}
