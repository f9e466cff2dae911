/**
 * The dispatcher's run (the `message-dispatch` job, every few seconds): send queued automatic messages,
 * hand each scheduled message whose time has come to the fan-out queue, pick up fan-outs whose worker died,
 * and write `read_at` behind the customers' "mark all read". Every step is idempotent.
 */
import "server-only";
import type { Db } from "../db/client";
import { sendAutomaticMessages } from "./automatic";
import { stalledFanouts } from "./fanout";
import { materialiseReadAll } from "./inbox-state";

/** A fan-out nobody advanced for this long is taken to have lost its worker. */
export const FANOUT_STALE_MS = 2 * 60 * 1000;

export interface DispatchDeps {
  db: Db;
  /** Adds a `message-fanout` job (deduplicated by its job id). */
  enqueueFanout: (message: { id: string; brandId: string }, attempt: string) => Promise<void>;
}

export interface DispatchSummary {
  automaticSent: number;
  automaticCancelled: number;
  started: number;
  resumed: number;
  readAllWritten: number;
}

export async function dispatchMessages({ db, enqueueFanout }: DispatchDeps): Promise<DispatchSummary> {
  let automaticSent = 0;
  let automaticCancelled = 0;
  // Drain the automatic queue in batches, a bounded number per run so one run cannot run forever.
  for (let i = 0; i < 20; i++) {
    const batch = await sendAutomaticMessages(db);
    automaticSent += batch.sent;
    automaticCancelled += batch.cancelled;
    if (batch.sent + batch.cancelled === 0) break;
  }

  const due = await db.$queryRaw<{ id: string; brandId: string }[]>`
    SELECT id, brand_id AS "brandId" FROM message
    WHERE status = 'scheduled' AND source <> 'automatic' AND scheduled_at <= now() ORDER BY scheduled_at LIMIT 100`;
  for (const message of due) await enqueueFanout(message, "due");

  const stalled = await stalledFanouts(db, FANOUT_STALE_MS);
  const slot = String(Math.floor(Date.now() / FANOUT_STALE_MS));
  for (const message of stalled) await enqueueFanout(message, `resume-${slot}`);

  const readAllWritten = await materialiseReadAll(db);
  return { automaticSent, automaticCancelled, started: due.length, resumed: stalled.length, readAllWritten };
}
