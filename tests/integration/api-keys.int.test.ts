/**
 * Sub-account API keys against a simulator started here (its own data, its request counts): a created
 * key's secret is answered once and stored only sealed (checked in the raw table and the audit log), the
 * lists mask the key, modify and delete reach the exchange, seed-rule violations are refused naming the
 * field with nothing sent or stored, the unbound trade/withdraw risk is flagged, "Refresh from exchange"
 * mirrors keys made elsewhere, and the step-up reveal takes a caller's own TOTP code once.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { MAX_REVEAL_FAILURES, revealApiKey } from "@/server/api-keys/reveal";
import {
  createApiKey,
  iterateApiKeys,
  listApiKeys,
  listSubaccountApiKeys,
  modifyApiKey,
  refreshApiKeys,
  removeApiKey,
  riskyApiKeySummary,
  type ApiKeyDeps,
} from "@/server/api-keys/service";
import type { CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { totpCode } from "@/server/auth/totp";
import { decryptSecret } from "@/server/crypto/secrets";
import { db } from "@/server/db/client";
import { ENDPOINTS } from "@/server/exchange/okx";
import { simClient, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { createTestKeyRow, createTestSubaccount, enrolTotp, simSubaccount, TEST_PASSPHRASE, uniqueLabel } from "../cases/api-keys";
import { appRefusal as refusal } from "../helpers/refusal";

const CREATE = ["POST", ENDPOINTS.createApiKey.path] as const;
const MODIFY = ["POST", ENDPOINTS.modifyApiKey.path] as const;

let sim: SimHarness;
let deps: ApiKeyDeps;
let brandId: string;
let ctx: TenantContext;
let operator: Awaited<ReturnType<typeof createTestStaff>>["user"];

const exchange = () => simClient(sim.url, null, { forBrand: brandId });
const onExchange = async (subAcct: string, apiKey: string) => (await exchange().getApiKeys({ subAcct, apiKey }))[0];
const contextOf = async (user: Parameters<typeof staffContext>[0]): Promise<TenantContext> => ({
  ...(await staffContext(user, { tenantId: brandId })),
  tenantId: brandId,
});
/** Every stored word of the brand's audit log (ids are bigint, left out). */
const auditText = async () =>
  JSON.stringify(await db.auditLog.findMany({ where: { brandId }, select: { action: true, entityId: true, actorLabel: true, before: true, after: true } }));
const subaccount = () => simSubaccount(brandId, deps.clientOptions);

/** A 6-digit code valid in none of the steps verifyTotp accepts now (±1). */
async function wrongCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const valid = new Set(await Promise.all([-30, 0, 30].map((d) => totpCode(secret, now + d))));
  return ["000000", "111111", "222222", "333333"].find((c) => !valid.has(c))!;
}

beforeAll(async () => {
  sim = await startSim({ subaccounts: 6, deposits: 0 });
  deps = { clientOptions: { endpoints: { simulatorUrl: sim.url }, redis: null } };
  brandId = (await createTestBrand()).id;
  operator = (await createTestStaff({ brandId, role: "operations" })).user;
  ctx = await contextOf(operator);
});

afterAll(async () => {
  await sim?.close();
});

describe("create", () => {
  it("answers the secret once, stores it only sealed, and audits without it", async () => {
    const sub = await subaccount();
    const input = { subaccountId: sub.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: ["trade" as const], ips: ["10.0.0.1", "2001:db8::1"] };
    const created = await createApiKey(ctx, input, deps);

    expect(created.secretKey).toMatch(/\S{16,}/);
    expect(created.passphrase).toBe(TEST_PASSPHRASE);
    expect(created.key).toMatchObject({ subAcct: sub.subAcct, label: input.label, perms: ["read_only", "trade"], ips: input.ips, risky: false, hasStoredSecret: true });
    expect(created.key.createdBy).toEqual({ id: operator.id, name: operator.name });

    // The exchange has it as asked.
    expect(await onExchange(sub.subAcct, created.apiKey)).toMatchObject({ label: input.label, perm: ["read_only", "trade"], ip: input.ips });

    // Raw row: sealed columns decrypt to the secrets, and no column holds either in clear.
    const [raw] = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM subaccount_api_key WHERE id = ${created.key.id}::uuid`;
    const rawText = JSON.stringify(raw);
    expect(rawText).not.toContain(created.secretKey);
    expect(rawText).not.toContain(TEST_PASSPHRASE);
    expect(decryptSecret(raw.secret_key_enc as string)).toBe(created.secretKey);
    expect(decryptSecret(raw.passphrase_enc as string)).toBe(TEST_PASSPHRASE);

    const audit = await db.auditLog.findFirstOrThrow({ where: { brandId, action: "apikey.create", entityId: created.key.id } });
    expect(audit.after).toMatchObject({ subAcct: sub.subAcct, label: input.label, key: created.key.apiKeyMasked, revealable: true });
    const audits = await auditText();
    expect(audits).not.toContain(created.secretKey);
    expect(audits).not.toContain(TEST_PASSPHRASE);
    expect(audits).not.toContain(created.apiKey);

    // Never again in a list.
    const lists = JSON.stringify([await listSubaccountApiKeys(ctx, { subaccountId: sub.id }), await listApiKeys(ctx, { page: 1, pageSize: 100, dir: "desc" })]);
    expect(lists).not.toContain(created.secretKey);
    expect(lists).not.toContain(created.apiKey);
    expect(lists).toContain(`${created.apiKey.slice(0, 4)}…${created.apiKey.slice(-4)}`);
  });

  it("refuses each seed-rule violation naming the field, sending and storing nothing", async () => {
    const sub = await subaccount();
    const valid = { subaccountId: sub.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: [], ips: [] } satisfies CreateApiKeyInput;
    const twentyOne = Array.from({ length: 21 }, (_, i) => `10.1.0.${i + 1}`);
    const cases: [Partial<CreateApiKeyInput> | Record<string, unknown>, string, RegExp][] = [
      [{ label: "has space" }, "label", /letters and digits/],
      [{ label: "a".repeat(51) }, "label", /at most 50/],
      [{ passphrase: "Short1!" }, "passphrase", /8–32/],
      [{ passphrase: "nouppercase1!" }, "passphrase", /upper-case/],
      [{ passphrase: "NoSpecial123" }, "passphrase", /special/],
      [{ ips: twentyOne }, "ips", /At most 20 IP addresses can be bound \(21 given\)/],
      [{ ips: ["10.0.0.1", "300.1.1.1"] }, "ips", /"300\.1\.1\.1" is not an IPv4 or IPv6/],
      [{ ips: ["10.0.0.1", "10.0.0.1"] }, "ips", /listed twice/],
      [{ perms: ["admin"] }, "perms", /read_only, trade and withdraw/],
    ];
    const before = await sim.statsOf(...CREATE);
    const rows = await db.subaccountApiKey.count({ where: { brandId } });
    for (const [change, field, message] of cases) {
      const error = await refusal(createApiKey(ctx, { ...valid, ...change } as CreateApiKeyInput, deps));
      expect([error.code, error.field], JSON.stringify(change)).toEqual(["VALIDATION", field]);
      expect(error.message).toMatch(message);
      expect(error.reason, JSON.stringify(change)).toMatch(/^apiKeys\.errors\.input\./);
    }
    expect((await sim.statsOf(...CREATE)).requests).toBe(before.requests);
    expect(await db.subaccountApiKey.count({ where: { brandId } })).toBe(rows);
  });

  it("refuses through the procedure too, with the field in the zod error", async () => {
    const sub = await subaccount();
    const caller = createCallerFactory(appRouter)(await staffContext(operator, { tenantId: brandId }));
    const twentyOne = Array.from({ length: 21 }, (_, i) => `10.2.0.${i + 1}`);
    const error = await caller.apiKey
      .create({ subaccountId: sub.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: [], ips: twentyOne })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("At most 20 IP addresses");
  });

  it("refuses a removed sub-account, and maps an exchange refusal onto the sub-account field", async () => {
    const removed = await createTestSubaccount(brandId, { removedAt: new Date() });
    const before = await sim.statsOf(...CREATE);
    const gone = await refusal(createApiKey(ctx, { subaccountId: removed.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE }, deps));
    expect(gone).toMatchObject({ code: "CONFLICT", reason: "apiKeys.errors.subaccountRemoved.create", params: { subAcct: removed.subAcct } });
    expect(gone.message).toBe(`Sub-account ${removed.subAcct} is no longer on the exchange; API keys cannot be created for it`);
    expect((await sim.statsOf(...CREATE)).requests).toBe(before.requests);

    // A sub-account the exchange does not know: OKX's 51000 "Parameter subAcct error" → the field, named.
    const unknown = await createTestSubaccount(brandId);
    const refused = await refusal(createApiKey(ctx, { subaccountId: unknown.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE }, deps));
    expect([refused.code, refused.field, refused.reason]).toEqual(["VALIDATION", "subaccountId", "apiKeys.errors.exchangeRefused.subaccount"]);
    expect(refused.message).toContain(unknown.subAcct);
    expect(await db.subaccountApiKey.count({ where: { subaccountId: unknown.id } })).toBe(0);
  });
});

describe("the unbound trade/withdraw risk", () => {
  it("flags keys with trade or withdraw and no IP, in rows, the risky filter and the summary", async () => {
    const sub = await subaccount();
    const summaryBefore = await riskyApiKeySummary(ctx);
    const risky = await createApiKey(ctx, { subaccountId: sub.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: ["withdraw"] }, deps);
    const bound = await createApiKey(ctx, { subaccountId: sub.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perms: ["trade"], ips: ["10.3.0.1"] }, deps);
    const readOnly = await createApiKey(ctx, { subaccountId: sub.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE }, deps);
    expect([risky.key.risky, bound.key.risky, readOnly.key.risky]).toEqual([true, false, false]);
    expect(readOnly.key.perms).toEqual(["read_only"]);

    const page = await listApiKeys(ctx, { page: 1, pageSize: 100, dir: "desc", risky: true });
    const ids = page.rows.map((r) => r.id);
    expect(ids).toContain(risky.key.id);
    expect(ids).not.toContain(bound.key.id);
    expect(ids).not.toContain(readOnly.key.id);
    expect(page.rows.every((r) => r.risky)).toBe(true);

    const summary = await riskyApiKeySummary(ctx);
    expect(summary.count).toBe(summaryBefore.count + 1);
    expect(summary.keys[0]).toMatchObject({ id: risky.key.id, subaccountId: sub.id });

    const readOnlyOnly = await listApiKeys(ctx, { page: 1, pageSize: 100, dir: "desc", perm: "read_only" });
    expect(readOnlyOnly.rows.map((r) => r.id)).toContain(readOnly.key.id);
    expect(readOnlyOnly.rows.every((r) => r.perms.length === 1)).toBe(true);
    const bySearch = await listApiKeys(ctx, { page: 1, pageSize: 10, dir: "desc", q: risky.key.label });
    expect(bySearch.rows.map((r) => r.id)).toEqual([risky.key.id]);

    // The CSV export streams the same filtered rows, masked.
    const exported: string[] = [];
    for await (const row of iterateApiKeys(ctx, { page: 1, pageSize: 20, dir: "desc", risky: true }, 2)) exported.push(row.id);
    expect(exported).toEqual((await listApiKeys(ctx, { page: 1, pageSize: 100, dir: "desc", risky: true })).rows.map((r) => r.id));
  });
});

describe("modify and delete", () => {
  it("changes label, permissions and IPs on the exchange and here, audited before/after; a stale version sends nothing", async () => {
    const sub = await subaccount();
    const { key, apiKey } = await createApiKey(ctx, { subaccountId: sub.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, ips: ["10.4.0.1"] }, deps);
    const label = uniqueLabel();
    const changed = await modifyApiKey(ctx, { id: key.id, version: key.version, label, perms: ["trade", "withdraw"], ips: ["10.4.0.2", "10.4.0.3"] }, deps);
    expect(changed).toMatchObject({ label, perms: ["read_only", "trade", "withdraw"], ips: ["10.4.0.2", "10.4.0.3"], version: key.version + 1 });
    expect(await onExchange(sub.subAcct, apiKey)).toMatchObject({ label, perm: ["read_only", "trade", "withdraw"], ip: ["10.4.0.2", "10.4.0.3"] });
    const audit = await db.auditLog.findFirstOrThrow({ where: { brandId, action: "apikey.modify", entityId: key.id } });
    expect(audit.before).toMatchObject({ label: key.label, perms: ["read_only"], ips: ["10.4.0.1"] });
    expect(audit.after).toMatchObject({ label, perms: ["read_only", "trade", "withdraw"] });

    const sent = (await sim.statsOf(...MODIFY)).requests;
    const stale = await refusal(modifyApiKey(ctx, { id: key.id, version: key.version, label: uniqueLabel() }, deps));
    expect(stale).toMatchObject({ code: "CONFLICT", reason: "apiKeys.errors.staleVersion", message: "This API key was changed by someone else; reload and try again" });
    const unbind = await refusal(modifyApiKey(ctx, { id: key.id, version: changed.version, ips: [] }, deps));
    expect([unbind.code, unbind.field, unbind.reason]).toEqual(["VALIDATION", "ips", "apiKeys.errors.cannotUnbindAllIps"]);
    const bad = await refusal(modifyApiKey(ctx, { id: key.id, version: changed.version, label: "no-dashes" }, deps));
    expect([bad.code, bad.field, bad.reason]).toEqual(["VALIDATION", "label", "apiKeys.errors.input.label.characters"]);
    // Nothing to change: nothing sent, nothing bumped.
    expect(await modifyApiKey(ctx, { id: key.id, version: changed.version, label }, deps)).toMatchObject({ version: changed.version });
    expect((await sim.statsOf(...MODIFY)).requests).toBe(sent);
  });

  it("deletes on the exchange, then here, audited", async () => {
    const sub = await subaccount();
    const { key, apiKey } = await createApiKey(ctx, { subaccountId: sub.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE }, deps);
    expect(await removeApiKey(ctx, { id: key.id, version: key.version }, deps)).toEqual({ id: key.id });
    expect(await onExchange(sub.subAcct, apiKey)).toBeUndefined();
    expect(await db.subaccountApiKey.findUnique({ where: { id: key.id } })).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { brandId, action: "apikey.delete", entityId: key.id } });
    expect(audit.before).toMatchObject({ label: key.label, key: key.apiKeyMasked });
    expect(audit.after).toEqual({ alreadyGoneOnExchange: false });
  });
});

describe("refresh from the exchange", () => {
  it("adds keys made elsewhere without a secret and drops keys the exchange no longer lists", async () => {
    const sub = await subaccount();
    await refreshApiKeys(ctx, { subaccountId: sub.id }, deps);
    const elsewhere = await exchange().createApiKey({ subAcct: sub.subAcct, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, perm: ["read_only", "trade"] });
    const local = await createApiKey(ctx, { subaccountId: sub.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE, ips: ["10.5.0.1"] }, deps);
    await exchange().deleteApiKey({ subAcct: sub.subAcct, apiKey: local.apiKey });

    const summary = await refreshApiKeys(ctx, { subaccountId: sub.id }, deps);
    expect(summary).toMatchObject({ subAcct: sub.subAcct, created: 1, removed: 1 });
    const { rows } = await listSubaccountApiKeys(ctx, { subaccountId: sub.id });
    const found = rows.find((r) => r.apiKeyMasked === `${elsewhere.apiKey.slice(0, 4)}…${elsewhere.apiKey.slice(-4)}`);
    expect(found).toMatchObject({ label: elsewhere.label, perms: ["read_only", "trade"], ips: [], risky: true, hasStoredSecret: false, createdBy: null });
    expect(rows.map((r) => r.id)).not.toContain(local.key.id);
    expect(rows).toHaveLength(summary.seen);
    const audit = await db.auditLog.findFirstOrThrow({ where: { brandId, action: "apikey.refresh", entityId: sub.id }, orderBy: { seq: "desc" } });
    expect(audit.after).toMatchObject({ created: 1, removed: 1 });

    // Such a key has no secret here to reveal.
    const { code } = await enrolTotp(operator.id);
    const noSecret = await refusal(revealApiKey(ctx, { id: found!.id, totpCode: code }));
    expect(noSecret).toMatchObject({ code: "CONFLICT", reason: "apiKeys.errors.secretNotStored" });
    expect(noSecret.message).toMatch(/not created through Brokerdesk/);
  });
});

describe("step-up reveal", () => {
  async function keyWithSecret() {
    const sub = await subaccount();
    return createApiKey(ctx, { subaccountId: sub.id, label: uniqueLabel(), passphrase: TEST_PASSPHRASE }, deps);
  }
  const refusals = (entityId: string) =>
    db.auditLog.findMany({ where: { brandId, action: "apikey.reveal_refused", entityId }, orderBy: { seq: "asc" }, select: { after: true, actorId: true } });

  it("refuses a wrong code (audited), reveals with the right one once, and refuses its replay (audited)", async () => {
    const created = await keyWithSecret();
    const { user } = await createTestStaff({ brandId, role: "admin" });
    const adminCtx = await contextOf(user);
    const { code, secret } = await enrolTotp(user.id);
    const wrong = await wrongCode(secret);

    const refused = await refusal(revealApiKey(adminCtx, { id: created.key.id, totpCode: wrong }));
    expect([refused.code, refused.field, refused.reason]).toEqual(["VALIDATION", "totpCode", "apiKeys.errors.codeInvalid"]);
    expect((await refusals(created.key.id)).map((r) => r.after)).toEqual([expect.objectContaining({ reason: "invalid_code" })]);

    const revealed = await revealApiKey(adminCtx, { id: created.key.id, totpCode: code });
    expect(revealed).toMatchObject({ apiKey: created.apiKey, secretKey: created.secretKey, passphrase: TEST_PASSPHRASE });
    expect(revealed.key.lastRevealedAt).toBeInstanceOf(Date);
    const audit = await db.auditLog.findFirstOrThrow({ where: { brandId, action: "apikey.reveal", entityId: created.key.id } });
    expect(audit.actorId).toBe(user.id);

    const replay = await refusal(revealApiKey(adminCtx, { id: created.key.id, totpCode: code }));
    expect([replay.code, replay.field, replay.reason]).toEqual(["VALIDATION", "totpCode", "apiKeys.errors.codeReused"]);
    expect(replay.message).toMatch(/already been used/);
    expect((await refusals(created.key.id)).map((r) => r.after)).toEqual([
      expect.objectContaining({ reason: "invalid_code" }),
      expect.objectContaining({ reason: "code_reused" }),
    ]);

    const audits = await auditText();
    expect(audits).not.toContain(created.secretKey);
    expect(audits).not.toContain(TEST_PASSPHRASE);
    expect(await db.subaccountApiKey.findUniqueOrThrow({ where: { id: created.key.id } })).toMatchObject({ lastRevealedAt: revealed.key.lastRevealedAt });
  });

  it("refuses a caller without two-factor authentication, telling them where to turn it on (audited)", async () => {
    const created = await keyWithSecret();
    const { user } = await createTestStaff({ brandId, role: "operations" });
    const error = await refusal(revealApiKey(await contextOf(user), { id: created.key.id, totpCode: "123456" }));
    expect(error).toMatchObject({ code: "FORBIDDEN", reason: "apiKeys.errors.totpNotEnrolled" });
    expect(error.message).toMatch(/account page/);
    expect(await refusals(created.key.id)).toEqual([{ actorId: user.id, after: expect.objectContaining({ reason: "totp_not_enrolled" }) }]);
    expect((await db.subaccountApiKey.findUniqueOrThrow({ where: { id: created.key.id } })).lastRevealedAt).toBeNull();
  });

  it("stops taking codes after repeated wrong ones", async () => {
    const key = await createTestKeyRow(brandId);
    const { user } = await createTestStaff({ brandId, role: "operations" });
    const guesser = await contextOf(user);
    const { secret } = await enrolTotp(user.id);
    const valid = await totpCode(secret);
    const wrong = await wrongCode(secret);
    for (let i = 0; i < MAX_REVEAL_FAILURES; i++) expect((await refusal(revealApiKey(guesser, { id: key.id, totpCode: wrong }))).code).toBe("VALIDATION");
    const limited = await refusal(revealApiKey(guesser, { id: key.id, totpCode: valid }));
    expect(limited).toMatchObject({ code: "RATE_LIMITED", reason: "apiKeys.errors.tooManyWrongCodes", params: { minutes: 15 } });
    expect(limited.message).toBe("Too many wrong codes; try again in 15 minutes");
    expect((await refusals(key.id)).at(-1)?.after).toMatchObject({ reason: "too_many_attempts" });
  });

  it("takes the caller's code only: another brand's key is not found", async () => {
    const otherBrand = await createTestBrand();
    const theirs = await createTestKeyRow(otherBrand.id);
    const { code } = await enrolTotp(operator.id);
    expect((await refusal(revealApiKey(ctx, { id: theirs.id, totpCode: code }))).code).toBe("NOT_FOUND");
  });
});
