/**
 * Idempotency-Key on partner POSTs, Stripe's semantics: a retry with the same key and request hears the
 * first answer (applied once), another request with the key is refused, a refusal met while running is
 * kept, a refusal before running is not, concurrent retries apply once — and a database restart in the
 * middle of a grant leaves nothing half done, and the retry with the same key applies it exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient, db, type Db } from "@/server/db/client";
import { handlePartnerRequest } from "@/server/partner/dispatch";
import { HEADERS } from "@/lib/partner-api/signing";
import { trippableProxy } from "../helpers/pg-proxy";
import { idempotent, partnerClient, type PartnerClient, type PartnerCredentials } from "../partner-api/client";
import { partnerBrand, partnerKey } from "../partner-api/fixture";
import type { components } from "../partner-api/openapi";
import { expectRefusal, signedRequest } from "../partner-api/raw";

let api: PartnerClient;
let credentials: PartnerCredentials;
let brandId: string;
let brandAdmin: Awaited<ReturnType<typeof partnerBrand>>["admin"];

beforeAll(async () => {
  const a = await partnerBrand({ bonusApprovalThreshold: "1000000" }); // grants apply at once
  brandId = a.brand.id;
  brandAdmin = a.admin;
  ({ api, credentials } = await partnerKey(a.admin));
});

const email = () => `i${Math.random().toString(36).slice(2, 10)}@example.com`;
const REPLAYED = "Idempotent-Replayed";

/** A customer with a USDT spot account holding a 100 bonus, through the API. */
async function customerWithAccount(client: PartnerClient = api) {
  const c = await client.POST("/customers", { params: idempotent(), body: { name: "Idem", email: email(), country: "SG" } });
  expect(c.response.status).toBe(201);
  const g = await client.POST("/bonus-grants", { params: idempotent(), body: { customerId: c.data!.id, kind: "withdrawable", amount: "100", currency: "USDT", reason: "Welcome bonus" } });
  expect(g.response.status).toBe(201);
  return { customerId: c.data!.id, tradingAccountId: g.data!.tradingAccountId };
}

const grantsOf = (customerId: string) => db.bonusGrant.findMany({ where: { customerId }, select: { id: true } });
async function journalsOf(customerId: string) {
  const ids = (await grantsOf(customerId)).map((g) => g.id);
  return db.ledgerJournal.count({ where: { brandId, referenceType: "bonus_grant", referenceId: { in: ids } } });
}

describe("partner API idempotency", () => {
  it("answers a retry with the same key and body with the first answer, applied once", async () => {
    const key = `cust-${Math.random()}`;
    const body = { name: "Once", email: email(), country: "SG" };
    const first = await api.POST("/customers", { params: idempotent(key), body });
    const second = await api.POST("/customers", { params: idempotent(key), body });
    expect(first.response.status).toBe(201);
    expect(first.response.headers.get(REPLAYED)).toBeNull();
    expect(second.response.status).toBe(201);
    expect(second.response.headers.get(REPLAYED)).toBe("true");
    expect(second.data).toEqual(first.data);
    expect(await db.customer.count({ where: { brandId, email: body.email } })).toBe(1);

    const { customerId, tradingAccountId } = await customerWithAccount();
    const grantKey = `grant-${Math.random()}`;
    const grantBody = { customerId, kind: "withdrawable" as const, amount: "7", tradingAccountId, reason: "Retry me" };
    const g1 = await api.POST("/bonus-grants", { params: idempotent(grantKey), body: grantBody });
    const g2 = await api.POST("/bonus-grants", { params: idempotent(grantKey), body: grantBody });
    expect([g1.response.status, g2.response.status]).toEqual([201, 201]);
    expect(g2.response.headers.get(REPLAYED)).toBe("true");
    expect(g2.data).toEqual(g1.data);
    expect(await grantsOf(customerId)).toHaveLength(2); // the welcome bonus and this one
  });

  it("refuses the same key with another request", async () => {
    const key = `reuse-${Math.random()}`;
    expect((await api.POST("/customers", { params: idempotent(key), body: { name: "First", email: email(), country: "SG" } })).response.status).toBe(201);
    const otherEmail = email();
    await expectRefusal(await api.POST("/customers", { params: idempotent(key), body: { name: "Second", email: otherEmail, country: "SG" } }), 409, "partnerApi.errors.idempotencyKeyReused", HEADERS.idempotency);
    expect(await db.customer.count({ where: { brandId, email: otherEmail } })).toBe(0);
  });

  it("refuses a key another of the brand's partner keys used: that answer is not theirs to replay", async () => {
    const other = (await partnerKey(brandAdmin, { label: "Second system" })).api;
    const key = `shared-${Math.random()}`;
    const body = { name: "Shared", email: email(), country: "SG" };
    expect((await api.POST("/customers", { params: idempotent(key), body })).response.status).toBe(201);
    await expectRefusal(await other.POST("/customers", { params: idempotent(key), body }), 409, "partnerApi.errors.idempotencyKeyReused", HEADERS.idempotency);
    expect(await db.customer.count({ where: { brandId, email: body.email } })).toBe(1);
  });

  it("once the key's 48 hours are over, a grant's key still answers only the same grant", async () => {
    const { customerId, tradingAccountId } = await customerWithAccount();
    const key = `late-${Math.random()}`;
    const body = { customerId, kind: "withdrawable" as const, amount: "7", tradingAccountId, reason: "Retry me late" };
    const first = await api.POST("/bonus-grants", { params: idempotent(key), body });
    expect(first.response.status).toBe(201);
    // The hourly purge takes the key; only the grant's own copy is left to recognise a retry.
    const purge = () => db.$executeRaw`DELETE FROM partner_idempotency_key WHERE brand_id = ${brandId}::uuid AND key = ${key}`;
    await purge();
    const again = await api.POST("/bonus-grants", { params: idempotent(key), body });
    expect(again.response.status).toBe(201);
    expect(again.data!.id).toBe(first.data!.id);
    await purge();
    await expectRefusal(await api.POST("/bonus-grants", { params: idempotent(key), body: { ...body, amount: "700" } }), 409, "bonuses.errors.keyUsedForOtherGrant", "idempotencyKey");
    expect(await grantsOf(customerId)).toHaveLength(2); // the welcome bonus and this one
  });

  it("requires a key of 1–255 printable characters on every POST", async () => {
    const body = JSON.stringify({ name: "Keyless", email: email(), country: "SG" });
    const keyless = await handlePartnerRequest(signedRequest(credentials, "POST", "/customers", { body, omit: [HEADERS.idempotency] }));
    await expectRefusal(keyless, 400, "partnerApi.errors.idempotencyKeyMissing", HEADERS.idempotency);
    const long = await api.POST("/customers", { params: idempotent("k".repeat(256)), body: { name: "Long key", email: email(), country: "SG" } });
    await expectRefusal(long, 400, "partnerApi.errors.idempotencyKeyInvalid", HEADERS.idempotency);
    const longest = await api.POST("/customers", { params: idempotent(`${Math.random()}`.padEnd(255, "k")), body: { name: "Longest key", email: email(), country: "SG" } });
    expect(longest.response.status).toBe(201);
  });

  it("applies 20 concurrent retries of one grant once, all answered alike", async () => {
    const { customerId, tradingAccountId } = await customerWithAccount();
    const key = `burst-${Math.random()}`;
    const base = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        // Each retry is signed anew (a repeated signature is a replay), as a partner's retry would be.
        const client = partnerClient(credentials, { timestamp: () => new Date(base + i).toISOString() });
        const { response, data, error } = await client.POST("/bonus-grants", { params: idempotent(key), body: { customerId, kind: "withdrawable", amount: "3", tradingAccountId, reason: "Burst" } });
        return { status: response.status, body: JSON.stringify(data ?? error), replayed: response.headers.get(REPLAYED) };
      }),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.replayed === "true")).toHaveLength(19);
    expect(await grantsOf(customerId)).toHaveLength(2);
    expect(await journalsOf(customerId)).toBe(2);
    const account = await db.tradingAccount.findUniqueOrThrow({ where: { id: tradingAccountId } });
    expect(account.bonusWithdrawable.toFixed()).toBe("103");
  });

  it("keeps a refusal met while running: replayed even after the cause is gone", async () => {
    const { customerId, tradingAccountId } = await customerWithAccount();
    const key = `frozen-${Math.random()}`;
    const body = { customerId, kind: "withdrawable" as const, amount: "5", tradingAccountId, reason: "While frozen" };
    await db.customer.update({ where: { id: customerId }, data: { status: "frozen" } });
    const refused = await api.POST("/bonus-grants", { params: idempotent(key), body });
    await expectRefusal(refused, 409, "bonuses.errors.customerNotActive.frozen", "customerId");
    await db.customer.update({ where: { id: customerId }, data: { status: "active" } });
    const retried = await api.POST("/bonus-grants", { params: idempotent(key), body });
    expect(retried.response.status).toBe(409);
    expect(retried.response.headers.get(REPLAYED)).toBe("true");
    expect(retried.error).toEqual(refused.error);
    expect(await grantsOf(customerId)).toHaveLength(1);
    // A new key runs afresh.
    expect((await api.POST("/bonus-grants", { params: idempotent(), body })).response.status).toBe(201);
  });

  it("does not keep a refusal of the input: the corrected request with the same key runs", async () => {
    const { customerId, tradingAccountId } = await customerWithAccount();
    const key = `fixme-${Math.random()}`;
    const bad = await api.POST("/bonus-grants", { params: idempotent(key), body: { customerId, kind: "withdrawable", amount: "-5", tradingAccountId, reason: "Typo" } });
    await expectRefusal(bad, 400, "partnerApi.errors.invalidValue", "amount");
    const fixed = await api.POST("/bonus-grants", { params: idempotent(key), body: { customerId, kind: "withdrawable", amount: "5", tradingAccountId, reason: "Typo" } });
    expect(fixed.response.status).toBe(201);
    expect(fixed.response.headers.get(REPLAYED)).toBeNull();
    expect(await grantsOf(customerId)).toHaveLength(2);
  });
});

describe("partner API idempotency across a database restart", () => {
  let proxy: Awaited<ReturnType<typeof trippableProxy>>;
  let proxiedDb: Db;
  let proxied: PartnerClient;

  beforeAll(async () => {
    proxy = await trippableProxy(new URL(process.env.DATABASE_URL!));
    proxiedDb = createDbClient(proxy.url, { readRetryDelayMs: 300 });
    proxied = partnerClient(credentials, { db: proxiedDb });
  });
  afterAll(async () => {
    await proxy?.close();
    await proxiedDb?.$disconnect();
  });

  /** Retries with the same key while the answer is "try again" or "still processing", up to 15 s. */
  async function retryUntilDone(key: string, body: components["schemas"]["GrantBonus"]) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const answer = await proxied.POST("/bonus-grants", { params: idempotent(key), body });
      const code = (answer.error as { code?: string } | undefined)?.code;
      const retry = answer.response.status === 503 || code === "partnerApi.errors.idempotencyInFlight";
      if (!retry || Date.now() > deadline) return answer;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it.each([
    { when: "in the middle of the grant's transaction", trip: { on: "INSERT INTO bonus_grant" } },
    { when: "right after the grant commits, its answer lost", trip: { after: "INSERT INTO bonus_grant", on: "COMMIT", forward: true } },
  ])("answers 503 when the database restarts $when; the retry with the same key grants exactly once", async ({ trip }) => {
    const { customerId, tradingAccountId } = await customerWithAccount(proxied);
    const before = await db.tradingAccount.findUniqueOrThrow({ where: { id: tradingAccountId } });
    const key = `restart-${Math.random()}`;
    const body = { customerId, kind: "withdrawable" as const, amount: "11", tradingAccountId, reason: "Through a restart" };

    const back = proxy.arm({ ...trip, downMs: 400 });
    const cut = await proxied.POST("/bonus-grants", { params: idempotent(key), body });
    await expectRefusal(cut, 503, "errors.databaseUnavailable", null);
    expect(cut.response.headers.get("Retry-After")).toBe("1");
    if (!trip.forward) {
      // Nothing of the grant was applied: no row, no journal, balances as they were.
      expect(await grantsOf(customerId)).toHaveLength(1);
      expect(await journalsOf(customerId)).toBe(1);
      const after = await db.tradingAccount.findUniqueOrThrow({ where: { id: tradingAccountId } });
      expect(after.bonusWithdrawable.toFixed()).toBe(before.bonusWithdrawable.toFixed());
    } else {
      // The grant committed; only its answer was lost. The retry must find it, not grant again.
      await expect.poll(async () => (await grantsOf(customerId)).length, { timeout: 2_000 }).toBe(2);
    }
    await back;

    const retried = await retryUntilDone(key, body);
    expect(retried.response.status, JSON.stringify(retried.error)).toBe(201);
    expect(retried.data).toMatchObject({ status: "applied", amount: "11", customerId });
    expect(await grantsOf(customerId)).toHaveLength(2);
    expect(await journalsOf(customerId)).toBe(2);
    const after = await db.tradingAccount.findUniqueOrThrow({ where: { id: tradingAccountId } });
    expect(after.bonusWithdrawable.minus(before.bonusWithdrawable).toFixed()).toBe("11");
    // And from now on the key replays that answer.
    const replay = await proxied.POST("/bonus-grants", { params: idempotent(key), body });
    expect(replay.response.headers.get(REPLAYED)).toBe("true");
    expect(replay.data).toEqual(retried.data);
  }, 30_000);
});
