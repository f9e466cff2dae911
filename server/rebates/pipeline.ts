/**
 * Moves one rebate file along: requested → generating → downloading → importing → imported (or failed),
 * one exchange step at a time, honouring the endpoints' limits (1 request an hour, 2 link reads a minute)
 * through the shared limiter — a step that would wait longer is tried again later, never sent early.
 *
 *  - requested: POST the range (DMA `end` is exclusive on the wire); accepted → generating.
 *  - generating: read the range's file; "ongoing" → look again after a growing pause; "finished" → download.
 *  - downloading: a fresh link every time (each read gives one; a link expires after 2 h FD / 9 h DMA), the
 *    bytes streamed into the store with their SHA-256. An expired or refused link is asked for again.
 *  - importing: ./import.ts, once; the same bytes already imported for the brand → recorded as a duplicate.
 * Exchange faults: a time-out, 429/50011 or 5xx waits and tries again up to a limit, then fails the file
 * with what the exchange said; a refusal (parameters, permissions) fails it at once. A failed file can be
 * retried by staff.
 */
import "server-only";
import type { Db } from "../db/client";
import type { RebateFile } from "../db/generated/client";
import { brandExchange, type BrandClientOptions } from "../exchange/brand-client";
import { isOkxError, type OkxClient } from "../exchange/okx";
import { fileKind, type FileKindDef } from "./kinds";
import { newFileKey, storeStream } from "./storage";
import { Readable } from "node:stream";
import { importStoredFile, RebateImportError } from "./import";

export interface RebatePipelineDeps {
  db: Db;
  clientOptions?: BrandClientOptions;
  /** First pause between link reads while the exchange generates the file; doubles up to 15 min. Default 60 s. */
  pollMs?: number;
  now?: () => Date;
  /** Download time-out (no bytes for this long). Default 60 s. */
  downloadIdleMs?: number;
}

const DAY_MS = 86_400_000;
const MAX_POLL_MS = 15 * 60_000;
/** Exchange faults (time-outs, 5xx, limits) tolerated per file before it fails. */
const MAX_FAULTS = 20;
/** Downloads and imports tried per file before it fails. */
const MAX_ATTEMPTS = 5;

export const yyyymmdd = (day: Date) => day.toISOString().slice(0, 10).replaceAll("-", "");
const wireRange = (def: FileKindDef, file: Pick<RebateFile, "beginDay" | "endDay">) => ({
  begin: file.beginDay,
  end: new Date(file.endDay.getTime() + (def.endExclusive ? DAY_MS : 0)),
});

type Step = Partial<Pick<RebateFile, "state" | "nextCheckAt" | "checks" | "attempts" | "errorKey" | "errorDetail" | "exchangeRequestedAt">> & {
  [k: string]: unknown;
};

/** Runs the file's steps while each leaves it due at once; returns its state at the end. */
export async function advanceRebateFile(deps: RebatePipelineDeps, id: string): Promise<RebateFile["state"]> {
  const { db } = deps;
  for (let guard = 0; guard < 10; guard++) {
    const file = await db.rebateFile.findUniqueOrThrow({ where: { id } });
    const now = deps.now?.() ?? new Date();
    if (file.state === "imported" || file.state === "failed" || file.nextCheckAt > now) return file.state;
    const { client } = await brandExchange(db, file.brandId, deps.clientOptions);
    const change = await step(deps, client, file, now);
    await db.rebateFile.update({ where: { id }, data: { ...change, heartbeatAt: new Date() } });
    if (change.state === file.state && (change.nextCheckAt ?? now) > now) return file.state;
  }
  return (await db.rebateFile.findUniqueOrThrow({ where: { id }, select: { state: true } })).state;
}

async function step(deps: RebatePipelineDeps, client: OkxClient, file: RebateFile, now: Date): Promise<Step> {
  const def = fileKind(file.kind);
  const range = wireRange(def, file);
  try {
    switch (file.state) {
      case "requested": {
        const answer = await client[def.createEndpoint]({ begin: yyyymmdd(range.begin), end: yyyymmdd(range.end) }, { maxRateWaitMs: 0 });
        return { state: "generating", exchangeRequestedAt: answer?.ts ?? now, nextCheckAt: now, checks: 0, errorKey: null, errorDetail: null };
      }
      case "generating":
      case "downloading": {
        const files = await client[def.listEndpoint]({ type: false, begin: yyyymmdd(range.begin), end: yyyymmdd(range.end) }, { maxRateWaitMs: 35_000 });
        const ours = files.find((f) => f.beginTime.getTime() === range.begin.getTime() && f.endTime.getTime() === range.end.getTime());
        if (!ours) {
          // The exchange does not know the range (never received, or forgotten): ask again.
          return { state: "requested", nextCheckAt: now, checks: file.checks + 1 };
        }
        if (ours.state !== "finished" || !ours.fileHref) {
          const pause = Math.min(MAX_POLL_MS, (deps.pollMs ?? 60_000) * 2 ** Math.min(file.checks, 10));
          return { state: "generating", nextCheckAt: new Date(now.getTime() + pause), checks: file.checks + 1, errorKey: null, errorDetail: null };
        }
        return await download(deps, file, ours.fileHref, now);
      }
      case "importing":
        return await importStep(deps, file, now);
      default:
        return {};
    }
  } catch (error) {
    return failure(file, error, now);
  }
}

async function download(deps: RebatePipelineDeps, file: RebateFile, href: string, now: Date): Promise<Step> {
  if (file.attempts >= MAX_ATTEMPTS) return { state: "failed", errorKey: "rebates.errors.tooManyAttempts" };
  await deps.db.rebateFile.update({ where: { id: file.id }, data: { state: "downloading", attempts: file.attempts + 1, progressBytes: 0, heartbeatAt: new Date() } });
  const idleMs = deps.downloadIdleMs ?? 60_000;
  const controller = new AbortController();
  let idle = setTimeout(() => controller.abort(), idleMs);
  try {
    const response = await fetch(href, { signal: controller.signal });
    if (!response.ok || !response.body) {
      // An expired or refused link: a fresh one at the next look (each read of the list gives one).
      await response.body?.cancel();
      return { state: "downloading", nextCheckAt: new Date(now.getTime() + 30_000), errorKey: "rebates.errors.linkRefused", errorDetail: `HTTP ${response.status}` };
    }
    const key = newFileKey(file.brandId);
    let lastReport = 0;
    const stored = await storeStream(key, Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), (bytes) => {
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(), idleMs);
      if (Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        void deps.db.rebateFile.update({ where: { id: file.id }, data: { progressBytes: bytes, heartbeatAt: new Date() } }).catch(() => undefined);
      }
    });
    const same = await deps.db.rebateFile.findFirst({
      where: { brandId: file.brandId, kind: file.kind, sha256: stored.sha256, state: "imported", id: { not: file.id } },
      select: { id: true },
    });
    const kept = { storageKey: key, sha256: stored.sha256, bytes: BigInt(stored.bytes), progressBytes: BigInt(stored.bytes) };
    if (same) {
      return { ...kept, state: "imported", duplicateOfId: same.id, rowsAdded: 0, importedAt: new Date(), errorKey: null, errorDetail: null };
    }
    return { ...kept, state: "importing", nextCheckAt: new Date(), errorKey: null, errorDetail: null };
  } catch (error) {
    if (controller.signal.aborted) return faultStep(file, now, "rebates.errors.downloadTimeout", `no data for ${idleMs / 1000} s`);
    return faultStep(file, now, "rebates.errors.downloadFailed", error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(idle);
  }
}

async function importStep(deps: RebatePipelineDeps, file: RebateFile, now: Date): Promise<Step> {
  if (!file.storageKey) return { state: "downloading", nextCheckAt: now };
  let lastReport = 0;
  const outcome = await importStoredFile({ id: file.id, brandId: file.brandId, kind: file.kind, storageKey: file.storageKey }, (bytes) => {
    if (Date.now() - lastReport < 1000) return;
    lastReport = Date.now();
    void deps.db.rebateFile.update({ where: { id: file.id }, data: { progressBytes: bytes, heartbeatAt: new Date() } }).catch(() => undefined);
  });
  // The import wrote the file's final state itself, in its own transaction.
  const after = await deps.db.rebateFile.findUniqueOrThrow({ where: { id: file.id }, select: { state: true } });
  return outcome.status === "already" ? {} : { state: after.state };
}

/** A fault the next look may not meet again: retried later, until there were too many. */
function faultStep(file: RebateFile, now: Date, errorKey: string, errorDetail: string): Step {
  const faults = file.checks + 1;
  if (faults >= MAX_FAULTS) return { state: "failed", errorKey, errorDetail };
  return { nextCheckAt: new Date(now.getTime() + Math.min(MAX_POLL_MS, 15_000 * 2 ** Math.min(faults, 6))), checks: faults, errorKey, errorDetail };
}

function failure(file: RebateFile, error: unknown, now: Date): Step {
  if (error instanceof RebateImportError) {
    return { state: "failed", errorKey: error.key, errorDetail: error.detail.slice(0, 500) };
  }
  if (isOkxError(error)) {
    const detail = `${error.code}: ${error.msg}`.slice(0, 500);
    if (error.kind === "rate_limited") {
      // The limit is the exchange's law: wait for the next slot (an hour for a new request), not a failure.
      return { nextCheckAt: new Date(now.getTime() + (file.state === "requested" ? 5 * 60_000 : 30_000)), errorKey: "rebates.errors.waitingForLimit", errorDetail: detail };
    }
    if (error.kind === "transient") return faultStep(file, now, "rebates.errors.exchangeUnavailable", detail);
    return { state: "failed", errorKey: "rebates.errors.exchangeRefused", errorDetail: detail };
  }
  return faultStep(file, now, "rebates.errors.unexpected", error instanceof Error ? error.message.slice(0, 500) : String(error));
}
