/**
 * Who is calling the partner API, and whether they may call this endpoint: the signed headers, the key
 * (known, signature matching, not revoked, expired or retired), the caller's address, the endpoint's scope,
 * replay and rate. Each refusal names what is wrong. The key's status is told only to a caller whose
 * signature proves it holds the secret.
 */
import "server-only";
import type { Db } from "../db/client";
import type { PartnerContext, RequestMeta } from "../actor";
import { decryptSecret } from "../crypto/secrets";
import { AppError } from "../errors";
import { ipAllowed } from "@/lib/partner-api/cidr";
import { DEFAULT_RATE_LIMIT_PER_SECOND } from "@/lib/partner-api/schemas";
import { scopeOf, type ScopeAccess, type ScopeGroup } from "@/lib/partner-api/scopes";
import { HEADERS, parseTimestamp, sign, signatureMatches, TIMESTAMP_WINDOW_MS, withinWindow } from "@/lib/partner-api/signing";
import { statusOf } from "./keys";
import type { PartnerKeyRecord } from "./types";
import { countRequest, takeUsage } from "./limits";

export interface SignedRequest {
  method: string;
  /** Path and query exactly as received. */
  requestPath: string;
  headers: Headers;
  body: Uint8Array;
  meta: RequestMeta;
}

export interface RateState {
  limit: number;
  remaining: number;
  resetMs: number;
}

const unauthorized = (reason: ConstructorParameters<typeof AppError>[1], options: ConstructorParameters<typeof AppError>[2] = {}) =>
  new AppError("UNAUTHORIZED", reason, options);

function header(req: SignedRequest, name: string): string {
  const value = req.headers.get(name);
  if (!value) throw unauthorized("partnerApi.errors.missingHeader", { field: name, params: { header: name } });
  return value;
}

type KeyRow = Pick<PartnerKeyRecord, "id" | "brandId" | "accessKey" | "label" | "secretEnc" | "scopes" | "ipAllowlist" | "rateLimitPerSecond" | "expiresAt" | "revokedAt" | "retiresAt">;

/**
 * The key's row as it is now (read on every request, so a revocation or a new scope applies to the next
 * request). Raw SQL: it runs on every partner request, and Prisma's findUnique cost about 2.5× its Node CPU
 * (bench/partner-api, bench/RESULTS.md "Partner API").
 */
async function findKey(db: Db, accessKey: string): Promise<KeyRow | null> {
  const [key] = await db.$queryRaw<KeyRow[]>`
    SELECT id::text AS "id", brand_id::text AS "brandId", access_key AS "accessKey", label, secret_enc AS "secretEnc", scopes,
           ip_allowlist AS "ipAllowlist", rate_limit_per_second AS "rateLimitPerSecond",
           expires_at AS "expiresAt", revoked_at AS "revokedAt", retires_at AS "retiresAt"
    FROM partner_key WHERE access_key = ${accessKey}`;
  return key ?? null;
}

/** Writes the key's last use and request count, at most every 30 s per key; a failure only delays it. */
function flushUsage(db: Db, keyId: string, ip: string | null) {
  void takeUsage(keyId)
    .then((count) =>
      db.$executeRaw`UPDATE partner_key SET last_used_at = now(), last_used_ip = ${ip}, request_count = request_count + ${count} WHERE id = ${keyId}::uuid`,
    )
    .catch(() => undefined);
}

export async function authenticate(
  db: Db,
  req: SignedRequest,
  endpoint: { group: ScopeGroup; access: ScopeAccess },
): Promise<{ ctx: PartnerContext; rate: RateState }> {
  const accessKey = header(req, HEADERS.key);
  const signature = header(req, HEADERS.sign);
  const timestamp = header(req, HEADERS.timestamp);
  const at = parseTimestamp(timestamp);
  if (at === null) throw unauthorized("partnerApi.errors.invalidTimestamp", { field: HEADERS.timestamp });
  if (!withinWindow(at, Date.now())) {
    throw unauthorized("partnerApi.errors.timestampExpired", { field: HEADERS.timestamp, params: { seconds: TIMESTAMP_WINDOW_MS / 1000 } });
  }

  const key = accessKey.length <= 64 ? await findKey(db, accessKey) : null;
  if (!key) throw unauthorized("partnerApi.errors.unknownKey", { field: HEADERS.key });
  const expected = sign(decryptSecret(key.secretEnc), timestamp, req.method, req.requestPath, req.body);
  if (!signatureMatches(expected, signature)) throw unauthorized("partnerApi.errors.invalidSignature", { field: HEADERS.sign });

  const status = statusOf(key);
  if (status === "revoked") throw unauthorized("partnerApi.errors.keyRevoked", { field: HEADERS.key });
  if (status === "expired") throw unauthorized("partnerApi.errors.keyExpired", { field: HEADERS.key });
  if (!ipAllowed(req.meta.ip, key.ipAllowlist)) {
    throw new AppError("FORBIDDEN", "partnerApi.errors.ipNotAllowed", { params: { ip: req.meta.ip ?? "unknown" } });
  }
  const scope = scopeOf(endpoint.group, endpoint.access);
  if (!key.scopes.includes(scope)) throw new AppError("FORBIDDEN", "partnerApi.errors.scopeMissing", { params: { scope } });

  const counted = await countRequest(key.id, endpoint.group, signature);
  if (counted.replayed) throw unauthorized("partnerApi.errors.signatureReplayed", { field: HEADERS.sign });
  if (counted.flushUsage) flushUsage(db, key.id, req.meta.ip);
  const limit = key.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT_PER_SECOND;
  const rate = { limit, remaining: Math.max(0, limit - counted.count), resetMs: counted.resetMs };
  if (counted.count > limit) {
    throw new AppError("RATE_LIMITED", "partnerApi.errors.rateLimited", { params: { limit, group: endpoint.group, retryAfter: Math.ceil(counted.resetMs / 1000) } });
  }
  return {
    ctx: { db, tenantId: key.brandId, request: req.meta, actor: { type: "partner", id: key.id, accessKey: key.accessKey, label: key.label } },
    rate,
  };
}
