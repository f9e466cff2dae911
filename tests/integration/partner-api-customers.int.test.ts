/**
 * The partner API's customer and reference endpoints, called through the client generated from its own
 * OpenAPI document, signed with a real key: what a brand's system sees, and that it only ever sees its brand.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { partnerBrand, partnerKey } from "../partner-api/fixture";
import { idempotent, type PartnerClient } from "../partner-api/client";

let api: PartnerClient;
let otherApi: PartnerClient;
let brandId: string;

beforeAll(async () => {
  const a = await partnerBrand();
  brandId = a.brand.id;
  api = (await partnerKey(a.admin)).api;
  const b = await partnerBrand();
  otherApi = (await partnerKey(b.admin)).api;
});

const email = () => `p${Math.random().toString(36).slice(2, 10)}@example.com`;

describe("partner API: customers", () => {
  it("registers a customer (source api), audited as the key, and reads it back in three shapes", async () => {
    const registered = await api.POST("/customers", { params: idempotent(), body: { name: "Lin Wei", email: email(), country: "SG", language: "zh-CN", tags: ["jufu"] } });
    expect(registered.response.status).toBe(201);
    const c = registered.data!;
    expect(c).toMatchObject({ name: "Lin Wei", country: "SG", registrationSource: "api", status: "active", kycLevel: 0 });

    const audit = await db.auditLog.findFirst({ where: { brandId, action: "customer.register", entityId: c.id } });
    expect(audit).toMatchObject({ actorType: "partner" });
    expect(audit?.actorLabel).toContain("bdk_");

    const detail = await api.GET("/customers/{customerId}", { params: { path: { customerId: c.id } } });
    expect(detail.data).toEqual(c);
    const basic = await api.GET("/customers/{customerId}/basic", { params: { path: { customerId: c.id } } });
    expect(basic.data).toEqual({ id: c.id, uid: c.uid, name: "Lin Wei", status: "active", kycLevel: 0, country: "SG", language: "zh-CN", registeredAt: c.registeredAt });
    const assets = await api.GET("/customers/{customerId}/assets", { params: { path: { customerId: c.id } } });
    expect(assets.data).toEqual({ customerId: c.id, accounts: [] });
  });

  it("refuses a taken email naming the field, and says it is taken when asked", async () => {
    const taken = email();
    await api.POST("/customers", { params: idempotent(), body: { name: "First", email: taken, country: "SG" } });
    const again = await api.POST("/customers", { params: idempotent(), body: { name: "Second", email: taken, country: "SG" } });
    expect(again.response.status).toBe(400);
    expect(again.error).toMatchObject({ code: "customers.errors.emailTaken", field: "email" });
    const lookup = await api.GET("/customers/lookup", { params: { query: { email: taken } } });
    expect(lookup.data).toEqual({ exists: true, field: "email" });
    const free = await api.GET("/customers/lookup", { params: { query: { email: email() } } });
    expect(free.data).toEqual({ exists: false, field: null });
  });

  it("lists the brand's customers a page at a time with a cursor", async () => {
    for (let i = 0; i < 3; i++) await api.POST("/customers", { params: idempotent(), body: { name: `Paged ${i}`, email: email(), country: "SG" } });
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await api.GET("/customers", { params: { query: { limit: 2, cursor } } });
      expect(page.response.status).toBe(200);
      for (const row of page.data!.data) seen.add(row.id);
      cursor = page.data!.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 50);
    expect(seen.size).toBe(await db.customer.count({ where: { brandId } }));
    expect(pages).toBeGreaterThan(1);
  });

  it("never shows another brand's customer: 404, as if it did not exist", async () => {
    const mine = await api.POST("/customers", { params: idempotent(), body: { name: "Mine", email: email(), country: "SG" } });
    const theirs = await otherApi.GET("/customers/{customerId}", { params: { path: { customerId: mine.data!.id } } });
    expect(theirs.response.status).toBe(404);
    expect(theirs.error).toMatchObject({ code: "errors.notFound.customer" });
    const assets = await otherApi.GET("/customers/{customerId}/assets", { params: { path: { customerId: mine.data!.id } } });
    expect(assets.response.status).toBe(404);
  });
});

describe("partner API: customer groups", () => {
  it("pages the brand's groups by name with their member counts", async () => {
    const names = ["Alpha", "Bravo", "Charlie"];
    for (const name of names) await db.customerGroup.create({ data: { brandId, name } });
    const first = await api.GET("/customer-groups", { params: { query: { limit: 2 } } });
    expect(first.data!.data.map((g) => g.name)).toEqual(["Alpha", "Bravo"]);
    const second = await api.GET("/customer-groups", { params: { query: { limit: 2, cursor: first.data!.nextCursor! } } });
    expect(second.data).toEqual({ data: [expect.objectContaining({ name: "Charlie", customerCount: 0 })], nextCursor: null });
    const bad = await api.GET("/customer-groups", { params: { query: { cursor: "not-a-cursor" } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ field: "cursor" });
  });
});

describe("partner API: reference data", () => {
  it("lists products, currencies and labelled dictionaries", async () => {
    const products = await api.GET("/products");
    expect(products.data!.data.map((p) => p.type)).toEqual(["spot", "margin", "futures", "swap", "options"]);
    expect(products.data!.data[0].label).toEqual({ en: "Spot", "zh-CN": expect.any(String) });
    const currencies = await api.GET("/currencies");
    expect(currencies.data!.data).toContain("USDT");
    const dictionaries = await api.GET("/dictionaries");
    expect(dictionaries.data!.customerStatuses.map((s) => s.code)).toEqual(["active", "frozen", "closed"]);
    expect(dictionaries.data!.kycLevels[2].label.en).toBe("KYC level 2");
  });
});
