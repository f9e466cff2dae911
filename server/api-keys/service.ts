/**
 * Sub-account API keys (seed 001's DMA broker "create / query sub-account API key", and the ND modify and
 * delete calls): created, changed and deleted on the exchange first, then mirrored in `subaccount_api_key`,
 * every change audited in the transaction that stores it.
 *
 * Secrets: the secret key and passphrase of a key created here are returned once, in the answer to
 * `createApiKey`, and otherwise kept only AES-256-GCM sealed (server/crypto/secrets.ts) for the step-up
 * reveal (./reveal.ts). They never reach the audit log, a log line or any other answer.
 */
import "server-only";
import { assertExchangeMutationsAllowed } from "../exchange-actions/mutation-guard";
import { isRiskyKey, withReadOnly, type ApiKeyPerm } from "@/lib/api-keys/rules";
import type { BrandContext, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { encryptSecret } from "../crypto/secrets";
import type { Prisma } from "../db/client";
import { AppError, invalid } from "../errors";
import { brandExchange, type BrandClientOptions } from "../exchange/brand-client";
import type { ApiKeyInfo, CreatedApiKey, Result } from "../exchange/okx";
import { exchangeRefusal, isUnknownKeyError } from "./exchange-errors";
import { auditSnapshot, keySelect, loadKey, loadSubaccount, maskApiKey, parseInput, STALE, toRows } from "./records";
import {
  ZApiKeyListInput,
  ZApiKeyVersion,
  ZCreateApiKeyInput,
  ZModifyApiKeyInput,
  ZSubaccountKeysInput,
  type ApiKeyListInput,
  type CreateApiKeyInput,
  type ModifyApiKeyInput,
} from "@/lib/api-keys/schemas";
import type { ApiKeyCredentials, ApiKeyPage, ApiKeyRefreshSummary, ApiKeyRow, RiskyApiKeySummary, SubaccountApiKeys } from "./types";

export interface ApiKeyDeps {
  /** Options of the brand's exchange client (tests point the simulator URL at theirs). */
  clientOptions?: BrandClientOptions;
}

const ENTITY = "subaccount_api_key";
const RISKY_WHERE = { ips: { isEmpty: true }, perms: { hasSome: ["trade", "withdraw"] } } satisfies Prisma.SubaccountApiKeyWhereInput;

const exchangeFor = async (ctx: BrandContext, deps: ApiKeyDeps) => (await brandExchange(ctx.db, ctx.tenantId, deps.clientOptions)).client;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v) => b.includes(v));

// ── Reading ───────────────────────────────────────────────────────────────────────────────────────

function listWhere(ctx: TenantContext, q: ApiKeyListInput): Prisma.SubaccountApiKeyWhereInput {
  const and: Prisma.SubaccountApiKeyWhereInput[] = [];
  if (q.q) {
    and.push({
      OR: [
        { label: { contains: q.q, mode: "insensitive" } },
        { apiKey: { startsWith: q.q } },
        { subaccount: { subAcct: { contains: q.q, mode: "insensitive" } } },
      ],
    });
  }
  if (q.perm === "read_only") and.push({ NOT: { perms: { hasSome: ["trade", "withdraw"] } } });
  else if (q.perm) and.push({ perms: { has: q.perm } });
  if (q.risky) and.push(RISKY_WHERE);
  return { brandId: ctx.tenantId, AND: and };
}

const listOrder = (q: ApiKeyListInput): Prisma.SubaccountApiKeyOrderByWithRelationInput[] =>
  q.sort === "label" ? [{ label: q.dir }, { id: q.dir }] : [{ exchangeCreatedAt: q.dir }, { id: q.dir }];

/** One page of the brand's keys: search (sub-account, label, key prefix), permission and "unbound risky" filters. */
export async function listApiKeys(ctx: TenantContext, rawInput: ApiKeyListInput): Promise<ApiKeyPage> {
  const q = parseInput(ZApiKeyListInput, rawInput);
  const where = listWhere(ctx, q);
  const [records, total] = await Promise.all([
    ctx.db.subaccountApiKey.findMany({ where, orderBy: listOrder(q), skip: (q.page - 1) * q.pageSize, take: q.pageSize, select: keySelect }),
    ctx.db.subaccountApiKey.count({ where }),
  ]);
  return { rows: await toRows(ctx.db, records), total, page: q.page, pageSize: q.pageSize };
}

/** Every key matching the list's filters, in batches, for the CSV export (masked, like the table). */
export async function* iterateApiKeys(ctx: TenantContext, q: ApiKeyListInput, batchSize = 500): AsyncGenerator<ApiKeyRow> {
  const where = listWhere(ctx, q);
  for (let skip = 0; ; skip += batchSize) {
    const batch = await ctx.db.subaccountApiKey.findMany({ where, orderBy: listOrder(q), skip, take: batchSize, select: keySelect });
    for (const row of await toRows(ctx.db, batch)) yield row;
    if (batch.length < batchSize) return;
  }
}

/** Every key of one sub-account (the exchange allows a few dozen at most), newest first. */
export async function listSubaccountApiKeys(ctx: TenantContext, rawInput: { subaccountId: string }): Promise<SubaccountApiKeys> {
  const input = parseInput(ZSubaccountKeysInput, rawInput);
  const sub = await loadSubaccount(ctx.db, ctx, input.subaccountId);
  const records = await ctx.db.subaccountApiKey.findMany({
    where: { brandId: ctx.tenantId, subaccountId: sub.id },
    orderBy: [{ exchangeCreatedAt: "desc" }, { id: "desc" }],
    select: keySelect,
  });
  return { subaccount: { id: sub.id, subAcct: sub.subAcct, removed: sub.removedAt !== null }, rows: await toRows(ctx.db, records) };
}

/** Keys with trade or withdraw and no IP binding, which the exchange deletes after 14 idle days: for the dashboard. */
export async function riskyApiKeySummary(ctx: TenantContext, limit = 5): Promise<RiskyApiKeySummary> {
  const where = { brandId: ctx.tenantId, ...RISKY_WHERE };
  const [count, records] = await Promise.all([
    ctx.db.subaccountApiKey.count({ where }),
    ctx.db.subaccountApiKey.findMany({ where, orderBy: [{ exchangeCreatedAt: "desc" }, { id: "desc" }], take: limit, select: keySelect }),
  ]);
  const keys = (await toRows(ctx.db, records)).map(({ id, subaccountId, subAcct, label, apiKeyMasked, perms, exchangeCreatedAt }) => ({
    id,
    subaccountId,
    subAcct,
    label,
    apiKeyMasked,
    perms,
    exchangeCreatedAt,
  }));
  return { count, keys };
}

// ── Create ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Creates a key on the exchange and keeps it. The answer is the only time the secret key and passphrase
 * leave the server unasked: the stored copies are sealed, and a later look needs `revealApiKey`'s step-up.
 */
export async function createApiKey(ctx: TenantContext, rawInput: CreateApiKeyInput, deps: ApiKeyDeps = {}): Promise<ApiKeyCredentials> {
  const input = parseInput(ZCreateApiKeyInput, rawInput);
  const sub = await loadSubaccount(ctx.db, ctx, input.subaccountId);
  if (sub.removedAt) {
    throw new AppError("CONFLICT", "apiKeys.errors.subaccountRemoved.create", { field: "subaccountId", params: { subAcct: sub.subAcct } });
  }
  await assertExchangeMutationsAllowed(ctx.db, ctx.tenantId);
  const client = await exchangeFor(ctx, deps);
  let created: CreatedApiKey;
  try {
    created = await client.createApiKey({
      subAcct: sub.subAcct,
      label: input.label,
      passphrase: input.passphrase,
      perm: withReadOnly(input.perms),
      ...(input.ips.length ? { ip: input.ips } : {}),
    });
  } catch (error) {
    exchangeRefusal(error, { subAcct: sub.subAcct });
  }
  const passphrase = created.passphrase || input.passphrase;
  const columns = {
    label: created.label || input.label,
    perms: created.perm.length ? withReadOnly(created.perm) : withReadOnly(input.perms),
    ips: created.ip,
    secretKeyEnc: encryptSecret(created.secretKey),
    passphraseEnc: encryptSecret(passphrase),
    exchangeCreatedAt: created.ts,
    createdById: ctx.actor.id,
  };
  try {
    return await ctx.db.$transaction(async (tx) => {
      // Upsert: a concurrent "Refresh from exchange" may have listed the new key (without its secret) already.
      const row = await tx.subaccountApiKey.upsert({
        where: { brandId_apiKey: { brandId: ctx.tenantId, apiKey: created.apiKey } },
        create: { brandId: ctx.tenantId, subaccountId: sub.id, apiKey: created.apiKey, ...columns },
        update: { ...columns, version: { increment: 1 } },
        select: keySelect,
      });
      await recordAudit(tx, ctx, {
        brandId: ctx.tenantId,
        action: "apikey.create",
        entityType: ENTITY,
        entityId: row.id,
        after: auditSnapshot({ ...row, subAcct: sub.subAcct }),
      });
      const [key] = await toRows(tx, [row]);
      return { key, apiKey: created.apiKey, secretKey: created.secretKey, passphrase };
    });
  } catch (error) {
    // Nobody could ever see this key's secret again: take the key back rather than leave it on the exchange.
    await client.deleteApiKey({ subAcct: sub.subAcct, apiKey: created.apiKey }).catch(() => undefined);
    throw error;
  }
}

// ── Modify ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Changes label, permissions and/or bound IPs on the exchange, then the row. A stale `version` is refused
 * before anything is sent; fields equal to the stored ones are not sent; no change at all sends nothing.
 * Staff, or the system (a risk limit's keys_read_only), may call it.
 */
export async function modifyApiKey(ctx: BrandContext, rawInput: ModifyApiKeyInput, deps: ApiKeyDeps = {}): Promise<ApiKeyRow> {
  const input = parseInput(ZModifyApiKeyInput, rawInput);
  const before = await loadKey(ctx.db, ctx, input.id);
  if (before.version !== input.version) throw new AppError("CONFLICT", STALE);
  const subAcct = before.subaccount.subAcct;
  if (before.subaccount.removedAt) throw new AppError("CONFLICT", "apiKeys.errors.subaccountRemoved.modify", { params: { subAcct } });

  const change: { label?: string; perm?: ApiKeyPerm[]; ip?: string[] } = {};
  if (input.label !== undefined && input.label !== before.label) change.label = input.label;
  if (input.perms !== undefined) {
    const perms = withReadOnly(input.perms);
    if (!sameSet(perms, before.perms)) change.perm = perms;
  }
  if (input.ips !== undefined && !sameSet(input.ips, before.ips)) {
    // The exchange reads an empty `ip` as "unchanged", so unbinding every IP cannot be done in place.
    if (input.ips.length === 0) throw invalid("ips", "apiKeys.errors.cannotUnbindAllIps");
    change.ip = input.ips;
  }
  if (Object.keys(change).length === 0) return (await toRows(ctx.db, [before]))[0];

  await assertExchangeMutationsAllowed(ctx.db, ctx.tenantId);
  const client = await exchangeFor(ctx, deps);
  try {
    await client.modifyApiKey({ subAcct, apiKey: before.apiKey, ...change });
  } catch (error) {
    exchangeRefusal(error, { subAcct });
  }
  return ctx.db.$transaction(async (tx) => {
    // What the exchange now holds is the old key plus this change (its answer echoes the same fields).
    const { count } = await tx.subaccountApiKey.updateMany({
      where: { id: before.id, brandId: ctx.tenantId },
      data: {
        ...(change.label !== undefined ? { label: change.label } : {}),
        ...(change.perm ? { perms: change.perm } : {}),
        ...(change.ip ? { ips: change.ip } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new AppError("CONFLICT", "apiKeys.errors.deletedMeanwhile");
    const after = await loadKey(tx, ctx, before.id);
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "apikey.modify",
      entityType: ENTITY,
      entityId: before.id,
      before: auditSnapshot({ ...before, subAcct }),
      after: auditSnapshot({ ...after, subAcct }),
    });
    return (await toRows(tx, [after]))[0];
  });
}

// ── Delete ────────────────────────────────────────────────────────────────────────────────────────

/** Deletes the key on the exchange, then here. A key the exchange no longer has is simply removed here. */
export async function removeApiKey(ctx: TenantContext, rawInput: { id: string; version: number }, deps: ApiKeyDeps = {}): Promise<{ id: string }> {
  const input = parseInput(ZApiKeyVersion, rawInput);
  const before = await loadKey(ctx.db, ctx, input.id);
  if (before.version !== input.version) throw new AppError("CONFLICT", STALE);
  const subAcct = before.subaccount.subAcct;
  // A sub-account gone from the exchange took its keys with it.
  let goneOnExchange = before.subaccount.removedAt !== null;
  if (!goneOnExchange) {
    await assertExchangeMutationsAllowed(ctx.db, ctx.tenantId);
    const client = await exchangeFor(ctx, deps);
    try {
      await client.deleteApiKey({ subAcct, apiKey: before.apiKey });
    } catch (error) {
      if (!isUnknownKeyError(error)) exchangeRefusal(error, { subAcct });
      goneOnExchange = true;
    }
  }
  await ctx.db.$transaction(async (tx) => {
    await tx.subaccountApiKey.deleteMany({ where: { id: before.id, brandId: ctx.tenantId } });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "apikey.delete",
      entityType: ENTITY,
      entityId: before.id,
      before: auditSnapshot({ ...before, subAcct }),
      after: { alreadyGoneOnExchange: goneOnExchange },
    });
  });
  return { id: before.id };
}

// ── Refresh ───────────────────────────────────────────────────────────────────────────────────────

const infoColumns = (k: ApiKeyInfo) => ({ label: k.label, perms: withReadOnly(k.perm), ips: k.ip, exchangeCreatedAt: k.ts });

/**
 * Mirrors what the exchange lists for one sub-account: keys made elsewhere are added (without a secret,
 * so they cannot be revealed), changed ones updated, and rows the exchange no longer lists deleted.
 */
export async function refreshApiKeys(ctx: TenantContext, rawInput: { subaccountId: string }, deps: ApiKeyDeps = {}): Promise<ApiKeyRefreshSummary> {
  const input = parseInput(ZSubaccountKeysInput, rawInput);
  const sub = await loadSubaccount(ctx.db, ctx, input.subaccountId);
  if (sub.removedAt) throw new AppError("CONFLICT", "apiKeys.errors.subaccountRemoved.refresh", { params: { subAcct: sub.subAcct } });
  const client = await exchangeFor(ctx, deps);
  const listedAt = new Date();
  let listed: Result<"getApiKeys">;
  try {
    listed = await client.getApiKeys({ subAcct: sub.subAcct });
  } catch (error) {
    exchangeRefusal(error, { subAcct: sub.subAcct });
  }

  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.subaccountApiKey.findMany({
      where: { brandId: ctx.tenantId, OR: [{ subaccountId: sub.id }, { apiKey: { in: listed.map((k) => k.apiKey) } }] },
      select: { id: true, apiKey: true, label: true, perms: true, ips: true, exchangeCreatedAt: true, createdAt: true },
    });
    const byKey = new Map(existing.map((r) => [r.apiKey, r]));
    const fresh = listed.filter((k) => !byKey.has(k.apiKey));
    const created = fresh.length
      ? (
          await tx.subaccountApiKey.createMany({
            data: fresh.map((k) => ({ brandId: ctx.tenantId, subaccountId: sub.id, apiKey: k.apiKey, ...infoColumns(k) })),
            skipDuplicates: true,
          })
        ).count
      : 0;
    let updated = 0;
    for (const k of listed) {
      const row = byKey.get(k.apiKey);
      if (!row) continue;
      const next = infoColumns(k);
      const differs =
        row.label !== next.label ||
        !sameSet(row.perms, next.perms) ||
        !sameSet(row.ips, next.ips) ||
        row.exchangeCreatedAt.getTime() !== next.exchangeCreatedAt.getTime();
      if (!differs) continue;
      await tx.subaccountApiKey.update({ where: { id: row.id }, data: { ...next, subaccountId: sub.id, version: { increment: 1 } } });
      updated++;
    }
    const listedKeys = new Set(listed.map((k) => k.apiKey));
    // Rows stored after the list was read (a create finishing meanwhile) are not "gone".
    const gone = existing.filter((r) => !listedKeys.has(r.apiKey) && r.createdAt < listedAt);
    if (gone.length) await tx.subaccountApiKey.deleteMany({ where: { brandId: ctx.tenantId, id: { in: gone.map((r) => r.id) } } });
    const summary = { subAcct: sub.subAcct, seen: listed.length, created, updated, removed: gone.length };
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "apikey.refresh",
      entityType: "subaccount",
      entityId: sub.id,
      after: {
        ...summary,
        addedKeys: fresh.map((k) => maskApiKey(k.apiKey)),
        removedKeys: gone.map((r) => maskApiKey(r.apiKey)),
        unboundRisky: listed.filter((k) => isRiskyKey(withReadOnly(k.perm), k.ip)).length,
      },
    });
    return summary;
  });
}
