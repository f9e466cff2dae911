/**
 * Reading API-key rows in the caller's brand and turning them into what the API returns (masked) and what
 * the audit log keeps (no secret, not even encrypted).
 */
import "server-only";
import type { z } from "zod";
import { isRiskyKey } from "@/lib/api-keys/rules";
import type { BrandContext } from "../actor";
import { maskSecret } from "../crypto/secrets";
import type { Db, DbTx, Prisma } from "../db/client";
import { notFound, type ErrorReason } from "../errors";
import { inputRefusal } from "./input-errors";
import type { ApiKeyRow } from "./types";

export const keySelect = {
  id: true,
  brandId: true,
  subaccountId: true,
  apiKey: true,
  label: true,
  perms: true,
  ips: true,
  secretKeyEnc: true,
  passphraseEnc: true,
  exchangeCreatedAt: true,
  createdById: true,
  lastRevealedAt: true,
  version: true,
  createdAt: true,
  subaccount: { select: { subAcct: true, removedAt: true } },
} satisfies Prisma.SubaccountApiKeySelect;

export type KeyRecord = Prisma.SubaccountApiKeyGetPayload<{ select: typeof keySelect }>;

export const maskApiKey = (apiKey: string) => maskSecret(apiKey);

/** Staff names for "created by", in one query for a page of rows (the column has no relation). */
export async function creatorNames(db: Db | DbTx, rows: { createdById: string | null }[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const staff = await db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(staff.map((s) => [s.id, s.name]));
}

export function toRow(r: KeyRecord, names: Map<string, string>): ApiKeyRow {
  return {
    id: r.id,
    subaccountId: r.subaccountId,
    subAcct: r.subaccount.subAcct,
    label: r.label,
    apiKeyMasked: maskApiKey(r.apiKey),
    perms: r.perms,
    ips: r.ips,
    risky: isRiskyKey(r.perms, r.ips),
    hasStoredSecret: Boolean(r.secretKeyEnc && r.passphraseEnc),
    exchangeCreatedAt: r.exchangeCreatedAt,
    createdBy: r.createdById ? { id: r.createdById, name: names.get(r.createdById) ?? "(removed staff member)" } : null,
    lastRevealedAt: r.lastRevealedAt,
    version: r.version,
  };
}

export async function toRows(db: Db | DbTx, records: KeyRecord[]): Promise<ApiKeyRow[]> {
  const names = await creatorNames(db, records);
  return records.map((r) => toRow(r, names));
}

/**
 * The audit's view of a key. Key names avoid the redactor's secret words on purpose (`key`, `revealable`):
 * these values are not secret, and nothing secret is ever put here.
 */
export const auditSnapshot = (r: Pick<KeyRecord, "apiKey" | "label" | "perms" | "ips" | "secretKeyEnc" | "version"> & { subAcct: string }) => ({
  subAcct: r.subAcct,
  key: maskApiKey(r.apiKey),
  label: r.label,
  perms: r.perms,
  ips: r.ips,
  unboundRisky: isRiskyKey(r.perms, r.ips),
  revealable: r.secretKeyEnc !== null,
  version: r.version,
});

export async function loadKey(db: Db | DbTx, ctx: BrandContext, id: string): Promise<KeyRecord> {
  const key = await db.subaccountApiKey.findFirst({ where: { id, brandId: ctx.tenantId }, select: keySelect });
  if (!key) throw notFound("apiKey");
  return key;
}

export async function loadSubaccount(db: Db | DbTx, ctx: BrandContext, id: string) {
  const sub = await db.subaccount.findFirst({ where: { id, brandId: ctx.tenantId }, select: { id: true, subAcct: true, removedAt: true } });
  if (!sub) throw notFound("subAccount");
  return sub;
}

/** Services are called by routers (input already parsed) and directly (jobs, REST, tests): parse again here. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw inputRefusal(parsed.error.issues[0]);
}

export const STALE = "apiKeys.errors.staleVersion" satisfies ErrorReason;
