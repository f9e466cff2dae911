/**
 * The brand's exchange (OKX) credentials: stored sealed, shown masked, audited without secrets, refused
 * with a named field when malformed, and tested against a real simulator started here (port 0, its own
 * data directory) — the brand pointed at it through the service's `endpoints` option, not the environment.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import {
  clearExchangeCredentials,
  getExchangeCredentials,
  setExchangeCredentials,
  testExchangeConnection,
} from "@/server/brands/exchange-credentials";
import { decryptSecret, encryptSecret } from "@/server/crypto/secrets";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { exchangeClientForBrand } from "@/server/exchange/brand-client";
import { createSimulator } from "@/server/exchange/sim";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const createCaller = createCallerFactory(appRouter);

/** Real-looking and unique per call, so a leak of one value can be searched for exactly. */
const freshKey = () => ({
  apiKey: randomUUID(),
  secretKey: randomUUID().replace(/-/g, "").toUpperCase(),
  passphrase: `Pass-${randomUUID().slice(0, 8)}-A1!`,
  mode: "demo" as const,
});

let simulator: { url: string; close: () => Promise<void> };
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "okx-sim-"));
  // No rate limits: these tests call the 1-per-second sub-account list several times a second, and what
  // they check is the outcome of one call, not the limiter (the client's and simulator's own tests do).
  simulator = await createSimulator({ port: 0, dataDir, rateLimits: false, log: () => {} });
});
afterAll(async () => {
  await simulator?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function adminOfNewBrand() {
  const brand = await createTestBrand();
  const { user } = await createTestStaff({ brandId: brand.id, role: "admin" });
  const ctx = await staffContext(user);
  return { brand, user, ctx: { ...ctx, tenantId: brand.id }, caller: createCaller(ctx) };
}

const brandRow = (id: string) => db.brand.findUniqueOrThrow({ where: { id } });
/** Every column of the row as PostgreSQL stores it, as text: what a database dump would show. */
const rawRow = async (id: string) =>
  (await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(b)::text AS row FROM brand b WHERE id = ${id}::uuid`)[0].row;
const auditRows = (brandId: string, action: string) =>
  db.auditLog.findMany({ where: { brandId, action }, orderBy: { seq: "asc" } });

describe("setting credentials", () => {
  it("stores the secret and passphrase encrypted and returns only masked metadata", async () => {
    const { brand, caller } = await adminOfNewBrand();
    const key = freshKey();
    const returned = await caller.brand.setExchangeCredentials(key);
    const view = await caller.brand.exchangeCredentials();

    for (const shown of [returned, view]) {
      expect(shown).toMatchObject({
        configured: true,
        usingSimulator: false,
        mode: "demo",
        apiKeyMasked: `${key.apiKey.slice(0, 4)}…${key.apiKey.slice(-4)}`,
        lastTest: null,
      });
      const text = JSON.stringify(shown);
      for (const secret of [key.apiKey, key.secretKey, key.passphrase]) expect(text).not.toContain(secret);
    }

    const raw = await rawRow(brand.id);
    expect(raw).not.toContain(key.secretKey);
    expect(raw).not.toContain(key.passphrase);
    const row = await brandRow(brand.id);
    expect(row.okxApiKey).toBe(key.apiKey); // the public half, kept plain so it can be shown masked
    expect(decryptSecret(row.okxSecretEnc!)).toBe(key.secretKey);
    expect(decryptSecret(row.okxPassphraseEnc!)).toBe(key.passphrase);
    expect(row.okxCredentialsUpdatedAt).toBeInstanceOf(Date);
  });

  it("audits the change with the secrets redacted", async () => {
    const { brand, ctx } = await adminOfNewBrand();
    const key = freshKey();
    await setExchangeCredentials(ctx, key);
    const [entry] = await auditRows(brand.id, "brand.exchange_credentials_set");
    expect(entry).toBeDefined();
    const text = JSON.stringify([entry.before, entry.after]);
    for (const secret of [key.apiKey, key.secretKey, key.passphrase]) expect(text).not.toContain(secret);
    expect(entry.before).toMatchObject({ configured: false, apiKey: null, secretKey: null, passphrase: null });
    expect(entry.after).toMatchObject({ configured: true, apiKey: "[REDACTED]", secretKey: "[REDACTED]", passphrase: "[REDACTED]", mode: "demo" });
  });

  it("replaces a key and forgets the previous one's test outcome", async () => {
    const { brand, ctx } = await adminOfNewBrand();
    await setExchangeCredentials(ctx, freshKey());
    await db.brand.update({ where: { id: brand.id }, data: { okxLastTestAt: new Date(), okxLastTestOk: true, okxLastTestMessage: "ok" } });
    const second = freshKey();
    const view = await setExchangeCredentials(ctx, { ...second, mode: "live" });
    expect(view).toMatchObject({ mode: "live", lastTest: null });
    expect((await brandRow(brand.id)).okxApiKey).toBe(second.apiKey);
  });

  it("trims a pasted key and secret, but takes the passphrase as typed", async () => {
    const { brand, ctx } = await adminOfNewBrand();
    const key = freshKey();
    await setExchangeCredentials(ctx, { ...key, apiKey: ` ${key.apiKey}\n`, secretKey: `${key.secretKey} ` });
    const row = await brandRow(brand.id);
    expect(row.okxApiKey).toBe(key.apiKey);
    expect(decryptSecret(row.okxSecretEnc!)).toBe(key.secretKey);
  });
});

describe("bad input names the field and changes nothing", () => {
  const cases: [field: string, patch: Record<string, unknown>][] = [
    ["apiKey", { apiKey: "" }],
    ["apiKey", { apiKey: "has spaces in it" }],
    ["apiKey", { apiKey: "a".repeat(65) }],
    ["secretKey", { secretKey: "" }],
    ["secretKey", { secretKey: "x".repeat(129) }],
    ["passphrase", { passphrase: "Sh0rt!" }],
    ["passphrase", { passphrase: "a".repeat(33) }],
    ["passphrase", { passphrase: "alllowercase1!" }],
    ["passphrase", { passphrase: "No Spaces-1!" }],
    ["mode", { mode: "paper" }],
  ];

  it.each(cases)("%s: %j", async (field, patch) => {
    const { brand, caller, ctx } = await adminOfNewBrand();
    await setExchangeCredentials(ctx, freshKey());
    const before = await brandRow(brand.id);
    const audits = await db.auditLog.count({ where: { brandId: brand.id } });

    // Through the API: a zod error on that field.
    const error = await caller.brand.setExchangeCredentials({ ...freshKey(), ...patch } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(new Set(((error as TRPCError).cause as ZodError).issues.map((i) => i.path[0]))).toEqual(new Set([field]));

    // Straight to the service (REST API, scripts): an AppError naming the field.
    const direct = await setExchangeCredentials(ctx, { ...freshKey(), ...patch } as never).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(AppError);
    expect(direct).toMatchObject({ code: "VALIDATION", field });

    expect(await brandRow(brand.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { brandId: brand.id } })).toBe(audits);
  });
});

describe("clearing credentials", () => {
  it("goes back to the simulator, audited", async () => {
    const { brand, ctx } = await adminOfNewBrand();
    await setExchangeCredentials(ctx, { ...freshKey(), mode: "live" });
    const view = await clearExchangeCredentials(ctx);
    expect(view).toMatchObject({ configured: false, usingSimulator: true, apiKeyMasked: null, mode: "demo", lastTest: null });
    expect(await getExchangeCredentials(ctx)).toEqual(view);
    const row = await brandRow(brand.id);
    expect([row.okxApiKey, row.okxSecretEnc, row.okxPassphraseEnc]).toEqual([null, null, null]);
    const [entry] = await auditRows(brand.id, "brand.exchange_credentials_cleared");
    expect(entry.before).toMatchObject({ configured: true, secretKey: "[REDACTED]" });
    expect(entry.after).toMatchObject({ configured: false, secretKey: null, passphrase: null });
  });
});

describe("testing the connection", () => {

  it("succeeds with no credentials: the simulator's demo key", async () => {
    const { brand, ctx } = await adminOfNewBrand();
    const result = await testExchangeConnection(ctx, { endpoints: { simulatorUrl: simulator.url } });
    expect(result).toMatchObject({ ok: true, failure: null, okxCode: null, usingSimulator: true, mode: "demo" });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.message).toMatch(/^Connected to the built-in simulator in \d+ ms$/);

    const view = await getExchangeCredentials(ctx);
    expect(view.lastTest).toMatchObject({ ok: true, message: result.message });
    const [entry] = await auditRows(brand.id, "brand.exchange_test");
    expect(entry.after).toMatchObject({ ok: true, usingSimulator: true });
  });

  it("fails with kind auth for a wrong key, says what to check, and records it", async () => {
    const { brand, ctx } = await adminOfNewBrand();
    const key = freshKey();
    await setExchangeCredentials(ctx, key);
    // The brand's "real exchange" is the simulator here, which knows only its own key.
    const logged: unknown[] = [];
    const logger = { call: (line: unknown) => logged.push(line), warn: (...args: unknown[]) => logged.push(args) };
    const result = await testExchangeConnection(ctx, { endpoints: { okxBaseUrl: simulator.url }, logger });
    expect(result).toMatchObject({ ok: false, failure: "auth", usingSimulator: false, mode: "demo" });
    expect(result.okxCode).toMatch(/^501\d\d$/);
    expect(result.message).toMatch(/^The exchange refused the key: check key, secret, passphrase and live\/demo mode/);

    const row = await brandRow(brand.id);
    expect(row).toMatchObject({ okxLastTestOk: false, okxLastTestMessage: result.message });
    const [entry] = await auditRows(brand.id, "brand.exchange_test");
    expect(entry.after).toMatchObject({ ok: false, failure: "auth", okxCode: result.okxCode });

    // Nothing the test produced — its result, the audit entry, the client's log lines — holds a secret.
    expect(logged.length).toBeGreaterThan(0);
    const everything = JSON.stringify([result, entry.before, entry.after, entry.entityId, logged]);
    for (const secret of [key.apiKey, key.secretKey, key.passphrase]) expect(everything).not.toContain(secret);
  });

  it("fails with the right key in the wrong mode (live key against a demo-only simulator)", async () => {
    const { ctx } = await adminOfNewBrand();
    const { DEFAULT_OKX_SIM_API_KEY, DEFAULT_OKX_SIM_SECRET_KEY, DEFAULT_OKX_SIM_PASSPHRASE } = await import("@/server/env-defaults");
    const simKey = { apiKey: DEFAULT_OKX_SIM_API_KEY, secretKey: DEFAULT_OKX_SIM_SECRET_KEY, passphrase: DEFAULT_OKX_SIM_PASSPHRASE };
    await setExchangeCredentials(ctx, { ...simKey, mode: "demo" });
    expect(await testExchangeConnection(ctx, { endpoints: { okxBaseUrl: simulator.url } })).toMatchObject({ ok: true, usingSimulator: false });
    await setExchangeCredentials(ctx, { ...simKey, mode: "live" });
    expect(await testExchangeConnection(ctx, { endpoints: { okxBaseUrl: simulator.url } })).toMatchObject({ ok: false, failure: "auth" });
  });

  it("reports an unreachable simulator as transient, naming it", async () => {
    const { ctx } = await adminOfNewBrand();
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const result = await testExchangeConnection(ctx, { endpoints: { simulatorUrl: "http://127.0.0.1:1" } });
    expect(result).toMatchObject({ ok: false, failure: "transient", usingSimulator: true });
    expect(result.message).toMatch(/^The built-in simulator did not answer at http:\/\/127\.0\.0\.1:1/);
  });

  it("reports stored secrets that no longer decrypt, without calling anyone", async () => {
    const { brand, ctx } = await adminOfNewBrand();
    await setExchangeCredentials(ctx, freshKey());
    await db.brand.update({ where: { id: brand.id }, data: { okxSecretEnc: "v1:AAAA:BBBB:CCCC" } });
    const result = await testExchangeConnection(ctx, { endpoints: { okxBaseUrl: simulator.url } });
    expect(result).toMatchObject({ ok: false, failure: "credentials" });
    expect(result.message).toMatch(/cannot be decrypted/);
  });

  it("is refused to roles without brand.manage", async () => {
    const { brand } = await adminOfNewBrand();
    const { user } = await createTestStaff({ brandId: brand.id, role: "support" });
    const caller = createCaller(await staffContext(user));
    await expect(caller.brand.testExchangeConnection()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.brand.setExchangeCredentials(freshKey())).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("exchangeClientForBrand", () => {
  it("sends a brand without credentials to the simulator, and one with credentials to OKX_BASE_URL with its key", async () => {
    const { brand, ctx } = await adminOfNewBrand();
    const onSimulator = await exchangeClientForBrand(db, brand.id, { endpoints: { simulatorUrl: simulator.url }, logger: silent });
    expect(onSimulator.mode).toBe("demo");
    const page = await onSimulator.subaccountInfo({ limit: 1 });
    expect(page.details.length).toBeLessThanOrEqual(1);

    await setExchangeCredentials(ctx, { ...freshKey(), mode: "live" });
    const own = await exchangeClientForBrand(db, brand.id, { endpoints: { okxBaseUrl: simulator.url, simulatorUrl: "http://127.0.0.1:1" }, logger: silent, maxRetries: 0 });
    expect(own.mode).toBe("live");
    // It reached the "exchange" (the simulator at okxBaseUrl) with the brand's key, which it refuses.
    await expect(own.subaccountInfo({ limit: 1 })).rejects.toMatchObject({ kind: "auth" });
  });

  it("refuses to fall back to the simulator when the brand's secrets cannot be read", async () => {
    const { brand } = await adminOfNewBrand();
    await db.brand.update({
      where: { id: brand.id },
      data: { okxApiKey: randomUUID(), okxSecretEnc: "v1:AAAA:BBBB:CCCC", okxPassphraseEnc: encryptSecret("Pass-1234!") },
    });
    await expect(exchangeClientForBrand(db, brand.id)).rejects.toMatchObject({ code: "EXCHANGE_ERROR" });
  });
});

const silent = { call: () => {}, warn: () => {} };
