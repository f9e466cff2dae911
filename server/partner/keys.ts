/**
 * Partner keys: what a brand's own systems sign partner REST API calls with. Admins create, edit, rotate
 * and revoke them in the portal; every change is audited in the transaction that makes it.
 *
 * The secret is returned once, in the answer to `createPartnerKey` / `rotatePartnerKey`, and otherwise kept
 * only sealed (server/crypto/secrets.ts), opened to verify a request's HMAC (./authenticate.ts). It never
 * reaches the audit log, a log line or any other answer.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { encryptSecret } from "../crypto/secrets";
import type { DbTx } from "../db/client";
import { AppError, invalid, notFound } from "../errors";
import {
  ZPartnerKeyFields,
  ZPartnerKeyListInput,
  ZRevokePartnerKeyInput,
  ZRotatePartnerKeyInput,
  ZUpdatePartnerKeyInput,
  type PartnerKeyStatus,
} from "@/lib/partner-api/schemas";
import type { PartnerKeyRecord, PartnerKeyRow } from "./types";

type In<T extends z.ZodType> = z.input<T>;

const ENTITY = "partner_key";
const HOUR_MS = 3_600_000;

/** "bdk_" and 24 hex digits: public, sent with every request. */
const newAccessKey = () => `bdk_${randomBytes(12).toString("hex")}`;
/** 256 random bits, base64url: the HMAC key. */
const newSecret = () => randomBytes(32).toString("base64url");

export function statusOf(key: Pick<PartnerKeyRecord, "revokedAt" | "expiresAt" | "retiresAt">, now = new Date()): PartnerKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  if (key.retiresAt) return key.retiresAt <= now ? "expired" : "retiring";
  return "active";
}

export function toRow(key: PartnerKeyRecord, now = new Date()): PartnerKeyRow {
  return {
    id: key.id,
    accessKey: key.accessKey,
    label: key.label,
    scopes: key.scopes,
    ipAllowlist: key.ipAllowlist,
    rateLimitPerSecond: key.rateLimitPerSecond,
    expiresAt: key.expiresAt,
    retiresAt: key.retiresAt,
    revokedAt: key.revokedAt,
    replacedById: key.replacedById,
    lastUsedAt: key.lastUsedAt,
    lastUsedIp: key.lastUsedIp,
    requestCount: Number(key.requestCount),
    createdAt: key.createdAt,
    version: key.version,
    status: statusOf(key, now),
  };
}

/** What the audit log keeps of a key: never its secret. */
const snapshot = (key: PartnerKeyRecord) => ({
  accessKey: key.accessKey,
  label: key.label,
  scopes: key.scopes,
  ipAllowlist: key.ipAllowlist,
  rateLimitPerSecond: key.rateLimitPerSecond,
  expiresAt: key.expiresAt,
  retiresAt: key.retiresAt,
  revokedAt: key.revokedAt,
});

async function load(tx: DbTx, ctx: TenantContext, id: string): Promise<PartnerKeyRecord> {
  const key = await tx.partnerKey.findFirst({ where: { id, brandId: ctx.tenantId } });
  if (!key) throw notFound("partnerKey");
  return key;
}

function assertFuture(expiresAt: Date | null) {
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw invalid("expiresAt", "partnerApi.errors.expiryInPast");
}

function assertChangeable(key: PartnerKeyRecord, version: number) {
  if (key.version !== version) throw new AppError("CONFLICT", "partnerApi.errors.staleVersion");
  const status = statusOf(key);
  if (status === "revoked" || status === "expired") throw new AppError("CONFLICT", "partnerApi.errors.keyEnded");
}

export async function listPartnerKeys(ctx: TenantContext, input: In<typeof ZPartnerKeyListInput> = {}): Promise<PartnerKeyRow[]> {
  const q = ZPartnerKeyListInput.parse(input);
  const now = new Date();
  const keys = await ctx.db.partnerKey.findMany({ where: { brandId: ctx.tenantId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 });
  const rows = keys.map((k) => toRow(k, now));
  return q.status ? rows.filter((r) => r.status === q.status) : rows;
}

/** A new key and its secret, shown this once. */
export async function createPartnerKey(ctx: TenantContext, input: In<typeof ZPartnerKeyFields>): Promise<{ key: PartnerKeyRow; secret: string }> {
  const fields = ZPartnerKeyFields.parse(input);
  assertFuture(fields.expiresAt);
  const secret = newSecret();
  const created = await ctx.db.$transaction(async (tx) => {
    const key = await tx.partnerKey.create({
      data: { ...fields, brandId: ctx.tenantId, accessKey: newAccessKey(), secretEnc: encryptSecret(secret), createdById: ctx.actor.id },
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "partnerkey.create", entityType: ENTITY, entityId: key.id, after: snapshot(key) });
    return key;
  });
  return { key: toRow(created), secret };
}

export async function updatePartnerKey(ctx: TenantContext, input: In<typeof ZUpdatePartnerKeyInput>): Promise<PartnerKeyRow> {
  const { id, version, ...fields } = ZUpdatePartnerKeyInput.parse(input);
  assertFuture(fields.expiresAt);
  return ctx.db.$transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    assertChangeable(before, version);
    const { count } = await tx.partnerKey.updateMany({ where: { id, brandId: ctx.tenantId, version }, data: { ...fields, version: { increment: 1 } } });
    if (count === 0) throw new AppError("CONFLICT", "partnerApi.errors.staleVersion");
    const after = await load(tx, ctx, id);
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "partnerkey.update", entityType: ENTITY, entityId: id, before: snapshot(before), after: snapshot(after) });
    return toRow(after);
  });
}

export async function revokePartnerKey(ctx: TenantContext, input: In<typeof ZRevokePartnerKeyInput>): Promise<PartnerKeyRow> {
  const { id, version } = ZRevokePartnerKeyInput.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    if (before.version !== version) throw new AppError("CONFLICT", "partnerApi.errors.staleVersion");
    if (before.revokedAt) throw new AppError("CONFLICT", "partnerApi.errors.alreadyRevoked");
    const after = await tx.partnerKey.update({ where: { id }, data: { revokedAt: new Date(), revokedById: ctx.actor.id, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "partnerkey.revoke", entityType: ENTITY, entityId: id, before: snapshot(before), after: snapshot(after) });
    return toRow(after);
  });
}

/**
 * A new key with the old one's label, scopes, addresses, expiry and limit; the old one keeps working for
 * `overlapHours` (0: it stops now), so the partner can deploy the new secret without a gap.
 */
export async function rotatePartnerKey(ctx: TenantContext, input: In<typeof ZRotatePartnerKeyInput>): Promise<{ key: PartnerKeyRow; secret: string }> {
  const { id, version, overlapHours } = ZRotatePartnerKeyInput.parse(input);
  const secret = newSecret();
  const created = await ctx.db.$transaction(async (tx) => {
    const old = await load(tx, ctx, id);
    assertChangeable(old, version);
    if (old.retiresAt) throw new AppError("CONFLICT", "partnerApi.errors.alreadyRotated");
    const fresh = await tx.partnerKey.create({
      data: {
        brandId: ctx.tenantId,
        accessKey: newAccessKey(),
        secretEnc: encryptSecret(secret),
        label: old.label,
        scopes: old.scopes,
        ipAllowlist: old.ipAllowlist,
        rateLimitPerSecond: old.rateLimitPerSecond,
        expiresAt: old.expiresAt,
        createdById: ctx.actor.id,
      },
    });
    const retired = await tx.partnerKey.update({
      where: { id: old.id },
      data: { retiresAt: new Date(Date.now() + overlapHours * HOUR_MS), replacedById: fresh.id, version: { increment: 1 } },
    });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "partnerkey.rotate",
      entityType: ENTITY,
      entityId: old.id,
      before: snapshot(old),
      after: { ...snapshot(retired), replacedBy: fresh.accessKey, overlapHours },
    });
    return fresh;
  });
  return { key: toRow(created), secret };
}
