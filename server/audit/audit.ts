/**
 * Writing and verifying the audit log. `recordAudit` must be called inside the transaction that makes
 * the change, so a change and its audit row commit or roll back together.
 */
import "server-only";
import { auditNow } from "../clock";
import type { Actor, RequestMeta } from "../actor";
import type { Db, DbTx } from "../db/client";
import { auditHash, GENESIS_HASH, PLATFORM_CHAIN, type ChainedFields } from "./chain";
import { toAuditJson } from "./redact";
import { normaliseIp } from "@/lib/audit/ip";

export interface AuditEntry {
  /** Brand the change belongs to; null for platform-level changes (brands, platform admins). */
  brandId: string | null;
  /** Dotted verb, e.g. "staff.create", "auth.login_failed". */
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export function actorFields(actor: Actor) {
  switch (actor.type) {
    case "staff":
      return { actorType: "staff", actorId: actor.id, actorLabel: actor.email };
    case "partner":
      return { actorType: "partner", actorId: actor.id, actorLabel: `${actor.label} (${actor.accessKey})` };
    case "system":
      return { actorType: "system", actorId: actor.id, actorLabel: actor.id };
    case "anonymous":
      return { actorType: "anonymous", actorId: null, actorLabel: actor.label };
  }
}

export async function recordAudit(
  tx: DbTx,
  who: { actor: Actor; request: RequestMeta },
  entry: AuditEntry,
): Promise<void> {
  await recordAudits(tx, who, [entry]);
}

/**
 * Several audit rows of one actor in one go (a batch of risk events): per chain, one lock, one read of
 * the chain's head and one insert, the rows chained in the order given.
 */
export async function recordAudits(
  tx: DbTx,
  who: { actor: Actor; request: RequestMeta },
  entries: readonly AuditEntry[],
): Promise<void> {
  const byChain = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const chain = e.brandId ?? PLATFORM_CHAIN;
    byChain.set(chain, [...(byChain.get(chain) ?? []), e]);
  }
  // A fixed order of chains: two batches locking the same two chains never wait on each other in a circle.
  for (const chain of [...byChain.keys()].sort()) {
    // Serialise writers of one chain until commit, so two transactions never take the same seq.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${chain}`}, 0))`;
    const last = await tx.auditLog.findFirst({
      where: { chain },
      orderBy: { seq: "desc" },
      select: { seq: true, hash: true },
    });
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows = byChain.get(chain)!.map((entry) => {
      const fields = {
        chain,
        seq: ++seq,
        brandId: entry.brandId,
        ...actorFields(who.actor),
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        before: entry.before === undefined ? null : toAuditJson(entry.before),
        after: entry.after === undefined ? null : toAuditJson(entry.after),
        // One spelling per address, so filters and readers see 127.0.0.1, not ::ffff:127.0.0.1.
        ip: normaliseIp(who.request.ip),
        userAgent: who.request.userAgent,
        createdAt: auditNow(),
        prevHash,
      };
      prevHash = auditHash(fields);
      return { ...fields, before: fields.before ?? undefined, after: fields.after ?? undefined, hash: prevHash };
    });
    if (rows.length === 1) await tx.auditLog.create({ data: rows[0]! });
    else await insertRows(tx, rows);
  }
}

type Row = ChainedFields & { hash: string; before?: unknown; after?: unknown };

/**
 * Many rows in one statement, as parallel arrays: the ORM's createMany compiles a statement per call whose
 * cost grows with the rows, which at thousands of rows a second was most of the batch's CPU time.
 */
async function insertRows(tx: DbTx, rows: Row[]) {
  const col = <T>(f: (r: Row) => T) => rows.map(f);
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  await tx.$executeRaw`
    INSERT INTO audit_log (chain, seq, brand_id, actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after, ip, user_agent, created_at, prev_hash, hash)
    SELECT * FROM unnest(${col((r) => r.chain)}::text[], ${col((r) => r.seq)}::int[], ${col((r) => r.brandId)}::uuid[], ${col((r) => r.actorType)}::text[],
      ${col((r) => r.actorId)}::text[], ${col((r) => r.actorLabel)}::text[], ${col((r) => r.action)}::text[], ${col((r) => r.entityType)}::text[],
      ${col((r) => r.entityId)}::text[], ${col((r) => json(r.before))}::jsonb[], ${col((r) => json(r.after))}::jsonb[], ${col((r) => r.ip)}::text[],
      ${col((r) => r.userAgent)}::text[], ${col((r) => r.createdAt.toISOString())}::timestamptz[], ${col((r) => r.prevHash)}::text[], ${col((r) => r.hash)}::text[])`;
}

export interface ChainBreak {
  chain: string;
  id: bigint;
  seq: number;
  reason: string;
}

export interface VerifyReport {
  chains: number;
  rows: number;
  breaks: ChainBreak[];
}

/**
 * Recomputes every chain from its first row. Reports, per chain, the first link that does not hold:
 * a row whose content no longer matches its hash, a row not pointing at its predecessor, or a gap.
 */
export async function verifyAuditChains(
  db: Db | DbTx,
  options: { chain?: string; batchSize?: number } = {},
): Promise<VerifyReport> {
  const batchSize = options.batchSize ?? 2000;
  const chains = options.chain
    ? [{ chain: options.chain }]
    : await db.auditLog.findMany({ distinct: ["chain"], select: { chain: true } });
  const report: VerifyReport = { chains: chains.length, rows: 0, breaks: [] };
  for (const { chain } of chains) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let cursorSeq = 0;
    chainLoop: for (;;) {
      const rows = await db.auditLog.findMany({
        where: { chain, seq: { gt: cursorSeq } },
        orderBy: { seq: "asc" },
        take: batchSize,
      });
      if (rows.length === 0) break;
      for (const row of rows) {
        report.rows++;
        const fail = (reason: string) => report.breaks.push({ chain, id: row.id, seq: row.seq, reason });
        if (row.seq !== expectedSeq) {
          fail(`sequence gap: expected seq ${expectedSeq}, found ${row.seq} (rows removed)`);
          break chainLoop;
        }
        if (row.prevHash !== prevHash) {
          fail("prev_hash does not match the previous row's hash (row inserted or previous row changed)");
          break chainLoop;
        }
        const recomputed = auditHash(row);
        if (recomputed !== row.hash) {
          fail("content does not match its hash (row changed after it was written)");
          break chainLoop;
        }
        prevHash = row.hash;
        expectedSeq++;
        cursorSeq = row.seq;
      }
    }
  }
  return report;
}
