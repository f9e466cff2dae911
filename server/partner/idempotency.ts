/**
 * Idempotency keys on partner POSTs, with Stripe's semantics, kept in `partner_idempotency_key` (a row
 * with a unique (brand, key), so it survives a Redis flush and a restart):
 * - the first request claims the key (INSERT … ON CONFLICT DO NOTHING) and runs;
 * - its answer — a success or a refusal met while running — is saved and replayed to every retry with
 *   the same key and the same request (method, path, body), with `Idempotent-Replayed: true`;
 * - the same key with another request, or from another of the brand's partner keys, is refused (409);
 * - a retry while the first still runs waits for it (up to 5 s), then answers 409 "still processing";
 * - an answer that says "try again" (5xx: the database or another service failed, so the services'
 *   transactions rolled back), or the emergency stop's 409, is not saved: the claim is released and the
 *   retry runs afresh;
 * - a claim left by a process that died is taken over once it is older than STALE_MS.
 * Rows are kept 48 h (purged hourly by the requests themselves), so a key is honoured for at least 24 h.
 */
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { PartnerContext } from "../actor";
import type { Db } from "../db/client";

const STALE_MS = 30_000;
const WAIT_MS = 5_000;
const POLL_MS = 50;
const KEEP_HOURS = 48;

export type Claim =
  | { kind: "claimed"; id: string }
  | { kind: "replay"; status: number; body: string }
  | { kind: "mismatch" }
  | { kind: "in_flight" };

export const requestHash = (method: string, path: string, body: Uint8Array) =>
  createHash("sha256").update(`${method} ${path}\n`).update(body).digest("hex");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function tryClaim(ctx: PartnerContext, key: string, hash: string): Promise<Claim> {
  const id = randomUUID();
  const inserted = await ctx.db.$queryRaw<{ id: string }[]>`
    INSERT INTO partner_idempotency_key (id, brand_id, key, partner_key_id, request_hash)
    VALUES (${id}::uuid, ${ctx.tenantId}::uuid, ${key}, ${ctx.actor.id}::uuid, ${hash})
    ON CONFLICT (brand_id, key) DO NOTHING
    RETURNING id::text`;
  if (inserted.length > 0) return { kind: "claimed", id };
  const [row] = await ctx.db.$queryRaw<{ id: string; request_hash: string; partner_key_id: string; state: string; response_status: number | null; response_body: string | null; stale: boolean }[]>`
    SELECT id::text, request_hash, partner_key_id::text, state::text, response_status, response_body, claimed_at < now() - make_interval(secs => ${STALE_MS / 1000}) AS stale
    FROM partner_idempotency_key WHERE brand_id = ${ctx.tenantId}::uuid AND key = ${key}`;
  if (!row) return { kind: "in_flight" }; // released between the two statements: the next attempt claims it
  // Another key's answer is not this key's to replay: its scopes, and what it may see, can differ.
  if (row.request_hash !== hash || row.partner_key_id !== ctx.actor.id) return { kind: "mismatch" };
  if (row.state === "done") return { kind: "replay", status: row.response_status!, body: row.response_body! };
  if (row.stale) {
    const taken = await ctx.db.$executeRaw`
      UPDATE partner_idempotency_key SET claimed_at = now()
      WHERE id = ${row.id}::uuid AND state = 'in_flight' AND claimed_at < now() - make_interval(secs => ${STALE_MS / 1000})`;
    if (taken === 1) return { kind: "claimed", id: row.id };
  }
  return { kind: "in_flight" };
}

/** Claims the key, or tells what to answer instead; waits up to 5 s for a request still in flight. */
export async function claim(ctx: PartnerContext, key: string, hash: string): Promise<Claim> {
  purgeHourly(ctx.db);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const result = await tryClaim(ctx, key, hash);
    if (result.kind !== "in_flight" || Date.now() >= deadline) return result;
    await sleep(POLL_MS);
  }
}

export async function saveAnswer(db: Db, id: string, status: number, body: string): Promise<void> {
  await db.$executeRaw`
    UPDATE partner_idempotency_key SET state = 'done', response_status = ${status}, response_body = ${body} WHERE id = ${id}::uuid`;
}

/**
 * Gives the key back after an answer that says "try again". The database may be what failed, so this
 * retries in the background for about 10 s; until it succeeds a retry waits, then hears "still processing".
 */
export function release(db: Db, id: string): void {
  void (async () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      try {
        await db.$executeRaw`DELETE FROM partner_idempotency_key WHERE id = ${id}::uuid AND state = 'in_flight'`;
        return;
      } catch {
        await sleep(250 * 2 ** Math.min(attempt, 3));
      }
    }
  })();
}

let lastPurge = 0;
/** Deletes keys past their 48 h at most once an hour per process, riding on the requests that need the table. */
function purgeHourly(db: Db) {
  if (Date.now() - lastPurge < 3_600_000) return;
  lastPurge = Date.now();
  void purgeOld(db).catch(() => undefined);
}

export const purgeOld = (db: Db) =>
  db.$executeRaw`DELETE FROM partner_idempotency_key WHERE created_at < now() - make_interval(hours => ${KEEP_HOURS})`;
