/**
 * The audit hash chain. Each row's hash covers its own fields and the previous row's hash in the same
 * chain (one chain per brand, plus "platform"), so changing or removing any row breaks every later link.
 */
import "server-only";
import { createHash } from "node:crypto";
import { canonicalJson } from "./redact";

export const GENESIS_HASH = "0".repeat(64);
export const PLATFORM_CHAIN = "platform";

export interface ChainedFields {
  chain: string;
  seq: number;
  brandId: string | null;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  prevHash: string;
}

export function auditHash(row: ChainedFields): string {
  // Named fields only: a row read back from the database also carries id and hash.
  const payload = canonicalJson({
    chain: row.chain,
    seq: row.seq,
    brandId: row.brandId,
    actorType: row.actorType,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
    prevHash: row.prevHash,
  });
  return createHash("sha256").update(payload).digest("hex");
}
