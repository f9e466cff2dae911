/**
 * Permission-matrix and brand-isolation cases for the apiKey procedures (see tests/procedure-cases.ts), and
 * the builders the API-key integration tests share. Procedures that reach the exchange go to the run's
 * simulator (OKX_SIM_URL, set by the integration global setup): their sub-account rows point at
 * sub-accounts the simulator really has. Cross-brand calls are refused before any exchange call.
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { encryptSecret } from "@/server/crypto/secrets";
import { newTotpSecret, totpCode } from "@/server/auth/totp";
import { db, type Prisma } from "@/server/db/client";
import { brandExchange, type BrandClientOptions } from "@/server/exchange/brand-client";
import { uniqueSuffix } from "../helpers/db";
import type { Fixture, ProcedureCase } from "../procedure-cases";

type Call = (path: string, input?: unknown) => Promise<unknown>;

export const TEST_PASSPHRASE = "Test-Pass-1!";
export const uniqueLabel = () => `t${uniqueSuffix()}`;

/** A sub-account row of `brandId`; by default with a made-up name the exchange does not know (no exchange call). */
export function createTestSubaccount(brandId: string, data: Partial<Prisma.SubaccountUncheckedCreateInput> = {}) {
  const now = new Date();
  return db.subaccount.create({
    data: {
      brandId,
      subAcct: `sub${uniqueSuffix()}`,
      uid: String(Date.now()),
      accountLevel: 1,
      enabled: true,
      canTransferOut: true,
      exchangeCreatedAt: now,
      lastSyncedAt: now,
      ...data,
    },
  });
}

const simNames = new Map<string, Promise<string[]>>();
let nextName = 0;

/** The simulator's sub-account names (read once per simulator). */
function simSubaccountNames(brandId: string, clientOptions?: BrandClientOptions): Promise<string[]> {
  const key = clientOptions?.endpoints?.simulatorUrl ?? "default";
  let names = simNames.get(key);
  if (!names) {
    names = brandExchange(db, brandId, clientOptions)
      .then(({ client }) => client.subaccountInfo({ limit: 100 }))
      .then((page) => page.details.filter((s) => s.enable).map((s) => s.subAcct));
    simNames.set(key, names);
  }
  return names;
}

/**
 * A sub-account row of `brandId` for one of the simulator's sub-accounts, taking them in turn so no single
 * one reaches the exchange's cap of keys per sub-account across a run.
 */
export async function simSubaccount(brandId: string, clientOptions?: BrandClientOptions) {
  const names = await simSubaccountNames(brandId, clientOptions);
  if (!names.length) throw new Error("the simulator lists no enabled sub-account");
  const subAcct = names[nextName++ % names.length];
  const existing = await db.subaccount.findUnique({ where: { brandId_subAcct: { brandId, subAcct } } });
  return existing ?? createTestSubaccount(brandId, { subAcct });
}

/** A key row straight in the database (no exchange call), with a stored secret unless told otherwise. */
export async function createTestKeyRow(
  brandId: string,
  options: { subaccountId?: string; perms?: string[]; ips?: string[]; stored?: boolean } = {},
) {
  const subaccountId = options.subaccountId ?? (await createTestSubaccount(brandId)).id;
  const stored = options.stored ?? true;
  return db.subaccountApiKey.create({
    data: {
      brandId,
      subaccountId,
      apiKey: randomUUID(),
      label: uniqueLabel(),
      perms: options.perms ?? ["read_only", "trade"],
      ips: options.ips ?? ["10.1.2.3"],
      secretKeyEnc: stored ? encryptSecret(`SECRET${uniqueSuffix().toUpperCase()}`) : null,
      passphraseEnc: stored ? encryptSecret(TEST_PASSPHRASE) : null,
      exchangeCreatedAt: new Date(),
    },
  });
}

/** A key really created on the simulator for one of its sub-accounts, and its row (as `create` would store it). */
export async function createSimKey(brandId: string, clientOptions?: BrandClientOptions) {
  const sub = await simSubaccount(brandId, clientOptions);
  const { client } = await brandExchange(db, brandId, clientOptions);
  const created = await client.createApiKey({ subAcct: sub.subAcct, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perm: ["read_only"], ip: ["10.9.8.7"] });
  const row = await db.subaccountApiKey.create({
    data: {
      brandId,
      subaccountId: sub.id,
      apiKey: created.apiKey,
      label: created.label,
      perms: created.perm,
      ips: created.ip,
      secretKeyEnc: encryptSecret(created.secretKey),
      passphraseEnc: encryptSecret(created.passphrase),
      exchangeCreatedAt: created.ts,
    },
  });
  return { sub, row, created };
}

/** Turns on TOTP for `userId` with `secret` (default: a fresh one), no step used yet, and returns a valid code. */
export async function enrolTotp(userId: string, secret = newTotpSecret()): Promise<{ secret: string; code: string }> {
  await db.staffUser.update({ where: { id: userId }, data: { totpSecretEnc: encryptSecret(secret), totpEnabledAt: new Date(), totpLastStep: null } });
  return { secret, code: await totpCode(secret) };
}

const keyState = (id: string) => db.subaccountApiKey.findUnique({ where: { id } });
const brandKeys = (brandId: string) => db.subaccountApiKey.findMany({ where: { brandId }, orderBy: { id: "asc" } });

/** Aims a by-id mutation at one of brand B's keys: NOT_FOUND, and the key untouched. */
const refusesBrandBKey =
  (path: string, extra: (f: Fixture) => Record<string, unknown> | Promise<Record<string, unknown>> = () => ({})) =>
  async (f: Fixture, call: Call) => {
    const theirs = await createTestKeyRow(f.brandB.id);
    const before = await keyState(theirs.id);
    await expect(call(path, { id: theirs.id, version: theirs.version, ...(await extra(f)) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await keyState(theirs.id)).toEqual(before);
  };

/** Aims a by-sub-account call at brand B's sub-account: NOT_FOUND, and B's keys untouched. */
const refusesBrandBSubaccount = (path: string, extra: Record<string, unknown> = {}) => async (f: Fixture, call: Call) => {
  const theirs = await createTestKeyRow(f.brandB.id);
  const before = await brandKeys(f.brandB.id);
  await expect(call(path, { subaccountId: theirs.subaccountId, ...extra })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await brandKeys(f.brandB.id)).toEqual(before);
};

export const API_KEY_CASES: Record<string, ProcedureCase> = {
  "apiKey.list": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const mine = await createTestKeyRow(f.brandA.id);
      const theirs = await createTestKeyRow(f.brandB.id, { ips: [] });
      const page = (await call("apiKey.list", { page: 1, pageSize: 100 })) as { rows: { id: string }[] };
      expect(page.rows.map((r) => r.id)).toContain(mine.id);
      expect(page.rows.map((r) => r.id)).not.toContain(theirs.id);
      const sub = await db.subaccount.findUniqueOrThrow({ where: { id: theirs.subaccountId } });
      for (const q of [sub.subAcct, theirs.label, theirs.apiKey]) {
        expect(((await call("apiKey.list", { page: 1, pageSize: 10, q })) as { total: number }).total).toBe(0);
      }
      const risky = (await call("apiKey.list", { page: 1, pageSize: 100, risky: true })) as { rows: { id: string }[] };
      expect(risky.rows.map((r) => r.id)).not.toContain(theirs.id);
    },
  },
  "apiKey.listForSubaccount": {
    input: async (f) => ({ subaccountId: (await createTestKeyRow(f.brandA.id)).subaccountId }),
    isolation: async (f, call) => {
      const theirs = await createTestKeyRow(f.brandB.id);
      await expect(call("apiKey.listForSubaccount", { subaccountId: theirs.subaccountId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "apiKey.riskySummary": {
    input: () => undefined,
    isolation: async (f, call) => {
      const before = (await call("apiKey.riskySummary")) as { count: number };
      const theirs = await createTestKeyRow(f.brandB.id, { ips: [], perms: ["read_only", "withdraw"] });
      const after = (await call("apiKey.riskySummary")) as { count: number; keys: { id: string }[] };
      expect(after.count).toBe(before.count);
      expect(after.keys.map((k) => k.id)).not.toContain(theirs.id);
    },
  },
  "apiKey.create": {
    input: async (f) => ({
      subaccountId: (await simSubaccount(f.brandA.id)).id,
      label: uniqueLabel(),
      passphrase: TEST_PASSPHRASE,
      perms: ["trade"],
      ips: ["10.20.30.40"],
    }),
    isolation: refusesBrandBSubaccount("apiKey.create", { label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: [], ips: [] }),
  },
  "apiKey.modify": {
    input: async (f) => {
      const { row } = await createSimKey(f.brandA.id);
      return { id: row.id, version: row.version, label: uniqueLabel() };
    },
    isolation: refusesBrandBKey("apiKey.modify", () => ({ label: "hijacked" })),
  },
  "apiKey.remove": {
    input: async (f) => {
      const { row } = await createSimKey(f.brandA.id);
      return { id: row.id, version: row.version };
    },
    isolation: refusesBrandBKey("apiKey.remove"),
  },
  "apiKey.refresh": {
    input: async (f) => ({ subaccountId: (await simSubaccount(f.brandA.id)).id }),
    isolation: refusesBrandBSubaccount("apiKey.refresh"),
  },
  "apiKey.reveal": {
    input: async (f, caller) => {
      const key = await createTestKeyRow(f.brandA.id);
      return { id: key.id, totpCode: (await enrolTotp(caller.id)).code };
    },
    isolation: async (f, call) => {
      const theirs = await createTestKeyRow(f.brandB.id);
      // A valid code for whichever brand-A role makes the call: only the brand check can refuse it.
      const secret = newTotpSecret();
      for (const role of ["admin", "operations"] as const) await enrolTotp(f.callers[role].id, secret);
      const code = await totpCode(secret);
      await expect(call("apiKey.reveal", { id: theirs.id, totpCode: code })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await keyState(theirs.id)).toEqual(theirs);
    },
  },
};
