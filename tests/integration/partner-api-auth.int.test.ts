/**
 * Every way the partner API refuses a caller — headers, clock, signature, replay, key state, rotation,
 * address, scope, rate, brand — each answered in the one refusal shape with its stable code, the field
 * it is about and the request id the X-Request-Id header carries. Plus: the key's secret never reaches
 * the audit log, and the key's use is written to its row.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { handlePartnerRequest } from "@/server/partner/dispatch";
import { revokePartnerKey, rotatePartnerKey } from "@/server/partner/keys";
import { createTranslator } from "@/lib/i18n/translate";
import { HEADERS } from "@/lib/partner-api/signing";
import { idempotent, partnerClient, type PartnerClient, type PartnerCredentials } from "../partner-api/client";
import { partnerBrand, partnerKey } from "../partner-api/fixture";
import { expectRefusal, signedRequest } from "../partner-api/raw";

let admin: TenantContext;
let brandId: string;
let api: PartnerClient;
let credentials: PartnerCredentials;

beforeAll(async () => {
  const a = await partnerBrand();
  admin = a.admin;
  brandId = a.brand.id;
  ({ api, credentials } = await partnerKey(admin));
});

const email = () => `a${Math.random().toString(36).slice(2, 10)}@example.com`;
const shifted = (ms: number) => () => new Date(Date.now() + ms).toISOString();
/** A GET any key with customers:read may make. */
const read = (client: PartnerClient) => client.GET("/customers", { params: { query: { limit: 1 } } });

describe("partner API refusals: headers and clock", () => {
  it.each([HEADERS.key, HEADERS.sign, HEADERS.timestamp])("refuses a request without %s, naming it", async (header) => {
    const answer = await handlePartnerRequest(signedRequest(credentials, "GET", "/currencies", { omit: [header] }));
    const refusal = await expectRefusal(answer, 401, "partnerApi.errors.missingHeader", header);
    expect(refusal.message).toContain(header);
  });

  it("refuses a timestamp that is not ISO-8601 UTC with milliseconds", async () => {
    for (const bad of ["yesterday", String(Date.now()), new Date().toISOString().replace(/\.\d{3}Z$/, "Z")]) {
      await expectRefusal(await read(partnerClient(credentials, { timestamp: () => bad })), 401, "partnerApi.errors.invalidTimestamp", HEADERS.timestamp);
    }
  });

  it("refuses a timestamp 31 s in the past or the future, and takes one 25 s off", async () => {
    await expectRefusal(await read(partnerClient(credentials, { timestamp: shifted(-31_000) })), 401, "partnerApi.errors.timestampExpired", HEADERS.timestamp);
    await expectRefusal(await read(partnerClient(credentials, { timestamp: shifted(31_000) })), 401, "partnerApi.errors.timestampExpired", HEADERS.timestamp);
    expect((await read(partnerClient(credentials, { timestamp: shifted(-25_000) }))).response.status).toBe(200);
  });
});

describe("partner API refusals: signatures", () => {
  it("refuses a signature made with another secret", async () => {
    const wrong = partnerClient({ accessKey: credentials.accessKey, secret: `${credentials.secret}x` });
    await expectRefusal(await read(wrong), 401, "partnerApi.errors.invalidSignature", HEADERS.sign);
  });

  it("refuses a body changed after signing, and creates nothing", async () => {
    const tampered = partnerClient(credentials);
    const changedEmail = email();
    tampered.use({ onRequest: ({ request }) => new Request(request, { body: JSON.stringify({ name: "Mallory", email: changedEmail, country: "SG" }) }) });
    const answer = await tampered.POST("/customers", { params: idempotent(), body: { name: "Alice", email: email(), country: "SG" } });
    await expectRefusal(answer, 401, "partnerApi.errors.invalidSignature", HEADERS.sign);
    expect(await db.customer.count({ where: { brandId, email: changedEmail } })).toBe(0);
  });

  it("refuses a query changed after signing", async () => {
    const tampered = partnerClient(credentials);
    tampered.use({
      onRequest: ({ request }) => {
        const url = new URL(request.url);
        url.searchParams.set("limit", "100");
        return new Request(url, request);
      },
    });
    await expectRefusal(await read(tampered), 401, "partnerApi.errors.invalidSignature", HEADERS.sign);
  });

  it("answers a signed request once: the same request again is a replay", async () => {
    const timestamp = new Date().toISOString();
    const same = partnerClient(credentials, { timestamp: () => timestamp });
    expect((await read(same)).response.status).toBe(200);
    await expectRefusal(await read(same), 401, "partnerApi.errors.signatureReplayed", HEADERS.sign);
  });
});

describe("partner API refusals: the key", () => {
  it("refuses a key it does not know", async () => {
    const unknown = partnerClient({ accessKey: "bdk_000000000000000000000000", secret: credentials.secret });
    await expectRefusal(await read(unknown), 401, "partnerApi.errors.unknownKey", HEADERS.key);
  });

  it("refuses a revoked key", async () => {
    const { key, api: revoked } = await partnerKey(admin);
    expect((await read(revoked)).response.status).toBe(200);
    await revokePartnerKey(admin, { id: key.id, version: key.version });
    await expectRefusal(await read(revoked), 401, "partnerApi.errors.keyRevoked", HEADERS.key);
  });

  it("refuses an expired key", async () => {
    const { key, api: expiring } = await partnerKey(admin, { expiresAt: new Date(Date.now() + 3_600_000) });
    expect((await read(expiring)).response.status).toBe(200);
    await db.$executeRaw`UPDATE partner_key SET expires_at = now() - interval '1 second' WHERE id = ${key.id}::uuid`;
    await expectRefusal(await read(expiring), 401, "partnerApi.errors.keyExpired", HEADERS.key);
  });

  it("keeps a rotated key working through the overlap, and stops it at once with none", async () => {
    const overlapping = await partnerKey(admin);
    const rotated = await rotatePartnerKey(admin, { id: overlapping.key.id, version: overlapping.key.version, overlapHours: 1 });
    expect((await read(overlapping.api)).response.status).toBe(200);
    expect((await read(partnerClient({ accessKey: rotated.key.accessKey, secret: rotated.secret }))).response.status).toBe(200);

    const immediate = await partnerKey(admin);
    const replaced = await rotatePartnerKey(admin, { id: immediate.key.id, version: immediate.key.version, overlapHours: 0 });
    await expectRefusal(await read(immediate.api), 401, "partnerApi.errors.keyExpired", HEADERS.key);
    expect((await read(partnerClient({ accessKey: replaced.key.accessKey, secret: replaced.secret }))).response.status).toBe(200);
  });
});

describe("partner API refusals: address, scope, rate, language", () => {
  it("allows addresses inside the key's blocks (IPv4-mapped IPv6 too) and refuses others", async () => {
    const { credentials: listed } = await partnerKey(admin, { ipAllowlist: ["203.0.113.0/24"] });
    expect((await read(partnerClient(listed, { ip: "203.0.113.9" }))).response.status).toBe(200);
    expect((await read(partnerClient(listed, { ip: "::ffff:203.0.113.10" }))).response.status).toBe(200);
    const outside = await expectRefusal(await read(partnerClient(listed, { ip: "198.51.100.1" })), 403, "partnerApi.errors.ipNotAllowed", null);
    expect(outside.message).toContain("198.51.100.1");
    await expectRefusal(await read(partnerClient(listed)), 403, "partnerApi.errors.ipNotAllowed", null);
  });

  it("refuses an endpoint outside the key's scopes, naming the scope", async () => {
    const { api: reader } = await partnerKey(admin, { scopes: ["customers:read"] });
    expect((await read(reader)).response.status).toBe(200);
    const refused = await expectRefusal(
      await reader.POST("/customers", { params: idempotent(), body: { name: "Nope", email: email(), country: "SG" } }),
      403,
      "partnerApi.errors.scopeMissing",
      null,
    );
    expect(refused.message).toContain("customers:write");
    await expectRefusal(await reader.GET("/currencies"), 403, "partnerApi.errors.scopeMissing", null);
  });

  it("limits a key to its requests per second, telling the caller when to retry", async () => {
    const { credentials: limited } = await partnerKey(admin, { rateLimitPerSecond: 3 });
    const base = Date.now();
    // Distinct timestamps (a repeated signature is a replay). Eight, not six: if the burst straddles a
    // second boundary, one of the two windows still holds more than three.
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => read(partnerClient(limited, { timestamp: () => new Date(base + i).toISOString() }))),
    );
    const limitedAnswers = answers.filter((a) => a.response.status === 429);
    const served = answers.filter((a) => a.response.status === 200);
    expect(limitedAnswers.length).toBeGreaterThan(0);
    expect(served.length).toBeGreaterThanOrEqual(3);
    expect(limitedAnswers.length + served.length).toBe(8);
    for (const a of limitedAnswers) {
      await expectRefusal(a, 429, "partnerApi.errors.rateLimited", null);
      expect(Number(a.response.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      expect(a.response.headers.get("X-RateLimit-Limit")).toBe("3");
    }
    for (const a of served) {
      expect(a.response.headers.get("X-RateLimit-Limit")).toBe("3");
      expect(Number(a.response.headers.get("X-RateLimit-Remaining"))).toBeGreaterThanOrEqual(0);
      expect(Number(a.response.headers.get("X-RateLimit-Remaining"))).toBeLessThanOrEqual(2);
      expect(Number(a.response.headers.get("X-RateLimit-Reset"))).toBeGreaterThanOrEqual(0);
      expect(a.response.headers.get("X-RateLimit-Reset")).not.toBeNull();
    }
  });

  it("words a refusal in Chinese for Accept-Language: zh-CN, with the same code", async () => {
    const wrong = { accessKey: credentials.accessKey, secret: "not-the-secret" };
    const en = await expectRefusal(await read(partnerClient(wrong)), 401, "partnerApi.errors.invalidSignature", HEADERS.sign);
    const zh = await expectRefusal(await read(partnerClient(wrong, { acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.5" })), 401, "partnerApi.errors.invalidSignature", HEADERS.sign);
    expect(zh.message).toBe(createTranslator("zh-CN")("partnerApi.errors.invalidSignature"));
    expect(zh.message).not.toBe(en.message);
  });
});

describe("partner API: brands, secrets, usage", () => {
  it("never lets brand B read, lock or grant on brand A's customer or account", async () => {
    const customer = await api.POST("/customers", { params: idempotent(), body: { name: "Brand A", email: email(), country: "SG" } });
    const grant = await api.POST("/bonus-grants", { params: idempotent(), body: { customerId: customer.data!.id, kind: "withdrawable", amount: "5", currency: "USDT", reason: "Welcome bonus" } });
    expect(grant.response.status).toBe(201);
    const customerId = customer.data!.id;
    const tradingAccountId = grant.data!.tradingAccountId;
    const other = (await partnerKey((await partnerBrand()).admin)).api;
    const path = { tradingAccountId };
    const tries = [
      other.GET("/customers/{customerId}", { params: { path: { customerId } } }),
      other.GET("/customers/{customerId}/basic", { params: { path: { customerId } } }),
      other.GET("/customers/{customerId}/assets", { params: { path: { customerId } } }),
      other.GET("/bonus-grants/{grantId}", { params: { path: { grantId: grant.data!.id } } }),
      other.GET("/trading-accounts/{tradingAccountId}/ledger", { params: { path } }),
      other.POST("/trading-accounts/{tradingAccountId}/locks", { params: { ...idempotent(), path }, body: { direction: "both", reason: "Not yours" } }),
      other.POST("/trading-accounts/{tradingAccountId}/bonus-release", { params: { ...idempotent(), path }, body: { amount: "all", reason: "Not yours" } }),
      other.POST("/bonus-grants", { params: idempotent(), body: { customerId, kind: "withdrawable", amount: "5", tradingAccountId, reason: "Not yours" } }),
      other.POST("/bonus-grants", { params: idempotent(), body: { customerId, kind: "withdrawable", amount: "5", currency: "USDT", reason: "Not yours" } }),
    ];
    for (const answer of await Promise.all(tries)) {
      expect(answer.response.status, JSON.stringify(answer.error)).toBe(404);
      expect((answer.error as { code: string }).code).toMatch(/^errors\.notFound\./);
    }
    expect(await db.fundLock.count({ where: { tradingAccountId } })).toBe(0);
    expect(await db.bonusGrant.count({ where: { customerId } })).toBe(1);
    expect(await db.tradingAccount.count({ where: { customerId } })).toBe(1);
  });

  it("keeps every key's secret out of the audit log", async () => {
    const created = await partnerKey(admin, { label: "Audit check" });
    const rotated = await rotatePartnerKey(admin, { id: created.key.id, version: created.key.version, overlapHours: 1 });
    await created.api.POST("/customers", { params: idempotent(), body: { name: "Audited", email: email(), country: "SG" } });
    const found = (needle: string) =>
      db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM audit_log
        WHERE brand_id = ${brandId}::uuid AND (strpos(coalesce(before::text, ''), ${needle}) > 0 OR strpos(coalesce(after::text, ''), ${needle}) > 0)`;
    // The search finds what is there (the access keys)...
    expect((await found(created.key.accessKey))[0].n).toBeGreaterThan(0);
    expect((await found(rotated.key.accessKey))[0].n).toBeGreaterThan(0);
    // ...and no secret, nor anything else of a row in full.
    for (const secret of [created.secret, rotated.secret, credentials.secret]) {
      expect((await found(secret))[0].n).toBe(0);
      const [anywhere] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_log a WHERE strpos(a::text, ${secret}) > 0`;
      expect(anywhere.n).toBe(0);
    }
  });

  it("writes the key's last use, address and request count to its row", async () => {
    const { key, credentials: used } = await partnerKey(admin);
    for (let i = 0; i < 3; i++) expect((await read(partnerClient(used, { ip: "203.0.113.50" }))).response.status).toBe(200);
    await vi.waitFor(
      async () => {
        const row = await db.partnerKey.findUniqueOrThrow({ where: { id: key.id } });
        expect(row.lastUsedAt).not.toBeNull();
        expect(row.lastUsedIp).toBe("203.0.113.50");
        expect(Number(row.requestCount)).toBeGreaterThanOrEqual(1);
      },
      { timeout: 5_000, interval: 100 },
    );
  });
});
