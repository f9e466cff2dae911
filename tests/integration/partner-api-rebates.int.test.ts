/**
 * The brand's systems report who placed exchange orders, through the generated client: links are recorded
 * in batches (all or nothing), read back, and the FD rebate rows already imported for those orders get
 * their customer at the rebate-files job's next pass. Bad ids, unknown customers, an order linked
 * elsewhere and too many links are refused naming the field; a key without the scope is refused; another
 * brand sees nothing.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { attributeLinkedFdRebates } from "@/server/rebates/fd-attribution";
import { newFileKey, storeStream } from "@/server/rebates/storage";
import { member } from "../helpers/bonuses";
import { uniqueSuffix } from "../helpers/db";
import { idempotent, type PartnerClient } from "../partner-api/client";
import { partnerBrand, partnerKey } from "../partner-api/fixture";
import { importStoredFile } from "@/server/rebates/import";

const HEADER = "brokerCode,level,instId,ordId,spotTradeAmt,derivativeTradeAmt,fee,netFee,settlementFee,brokerRebate,suBrokerRebate,userRebate,affiliated,ts";
let api: PartnerClient;
let brandId: string;
let brokerCode: string;
let uid: string;

/** An imported FD file of the brand with one row per order id. */
async function importOrders(ordIds: string[]) {
  const lines = ordIds.map((o) => `${brokerCode},Lv1,ETH-USDT,${o},2000,0,1.6,1.5,1.4,0.42,0,0.14,false,1764979200000`);
  const storageKey = newFileKey(brandId);
  await storeStream(storageKey, Readable.from([Buffer.from(`${[HEADER, ...lines].join("\n")}\n`)]));
  const f = await db.rebateFile.create({ data: { brandId, kind: "fd_rebates", beginDay: new Date("2025-12-06"), endDay: new Date("2025-12-06"), trigger: "manual", state: "importing", storageKey } });
  expect(await importStoredFile({ id: f.id, brandId, kind: "fd_rebates", storageKey })).toMatchObject({ status: "imported", rowsUnmatched: ordIds.length });
}

beforeAll(async () => {
  brokerCode = `FD${uniqueSuffix()}`;
  const { brand, admin } = await partnerBrand({ brokerCode, rebateFileKinds: ["fd_rebates"] });
  brandId = brand.id;
  api = (await partnerKey(admin)).api;
  const created = await api.POST("/customers", { params: idempotent(), body: { name: "Order Owner", email: `owner.${randomUUID()}@example.com`, country: "SG" } });
  uid = created.data!.uid;
});

describe("partner API: order links", () => {
  it("records a batch, reads a link back, and the job attributes the rows already imported", async () => {
    const orders = ["9001", "9002", "9003"];
    await importOrders(orders);
    const res = await api.POST("/rebates/order-links", { params: idempotent(), body: { links: orders.map((ordId) => ({ ordId, uid })) } });
    expect(res.response.status, JSON.stringify(res.error)).toBe(200);
    expect(res.data).toEqual({ received: 3, created: 3, unchanged: 0 });

    const before = await api.GET("/rebates/order-links/{ordId}", { params: { path: { ordId: "9002" } } });
    expect(before.data).toMatchObject({ ordId: "9002", uid, attributedAt: null });
    expect(await attributeLinkedFdRebates({ db }, brandId)).toBe(3);
    const after = await api.GET("/rebates/order-links/{ordId}", { params: { path: { ordId: "9002" } } });
    expect(after.data!.attributedAt).not.toBeNull();
    const customer = await db.customer.findFirstOrThrow({ where: { brandId, uid: BigInt(uid) } });
    expect(await db.fdRebate.count({ where: { brandId, ordId: { in: orders }, customerId: customer.id } })).toBe(3);

    // The same links again: accepted, nothing new.
    const again = await api.POST("/rebates/order-links", { params: idempotent(), body: { links: orders.map((ordId) => ({ ordId, uid })) } });
    expect(again.data).toEqual({ received: 3, created: 0, unchanged: 3 });
  });

  it("refuses bad ids, unknown customers, an order linked elsewhere and too many links, naming the field", async () => {
    const bad = await api.POST("/rebates/order-links", { params: idempotent(), body: { links: [{ ordId: "12ab", uid }] } });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ code: "partnerApi.errors.invalidValue", field: "links.0.ordId" });

    const unknown = await api.POST("/rebates/order-links", { params: idempotent(), body: { links: [{ ordId: "9101", uid }, { ordId: "9102", uid: "999999999999" }] } });
    expect(unknown.response.status).toBe(400);
    expect(unknown.error).toMatchObject({ code: "rebates.errors.unknownCustomerUid", field: "links.1.uid" });
    const missing = await api.GET("/rebates/order-links/{ordId}", { params: { path: { ordId: "9101" } } });
    expect(missing.response.status).toBe(404);

    const other = await api.POST("/customers", { params: idempotent(), body: { name: "Someone Else", email: `else.${randomUUID()}@example.com`, country: "SG" } });
    const elsewhere = await api.POST("/rebates/order-links", { params: idempotent(), body: { links: [{ ordId: "9001", uid: other.data!.uid }] } });
    expect(elsewhere.response.status).toBe(409);
    expect(elsewhere.error).toMatchObject({ code: "rebates.errors.orderLinkedElsewhere", field: "links.0.ordId" });

    const many = await api.POST("/rebates/order-links", { params: idempotent(), body: { links: Array.from({ length: 1001 }, (_, i) => ({ ordId: String(i + 1), uid: "1" })) } });
    expect(many.response.status).toBe(400);
    expect(many.error).toMatchObject({ field: "links" });

    const none = await api.POST("/rebates/order-links", { params: idempotent(), body: { links: [] } });
    expect(none.error).toMatchObject({ field: "links" });
  });

  it("needs rebates:write to record and rebates:read to read; another brand sees no link", async () => {
    const { admin } = await partnerBrand();
    const readerOfOwn = (await partnerKey(await member(brandId, "admin"), { scopes: ["rebates:read"] })).api;
    const refused = await readerOfOwn.POST("/rebates/order-links", { params: idempotent(), body: { links: [{ ordId: "9201", uid }] } });
    expect(refused.response.status).toBe(403);
    expect(refused.error).toMatchObject({ code: "partnerApi.errors.scopeMissing" });
    expect((await readerOfOwn.GET("/rebates/order-links/{ordId}", { params: { path: { ordId: "9001" } } })).response.status).toBe(200);

    const stranger = (await partnerKey(admin)).api;
    expect((await stranger.GET("/rebates/order-links/{ordId}", { params: { path: { ordId: "9001" } } })).response.status).toBe(404);
    const theirs = await stranger.POST("/rebates/order-links", { params: idempotent(), body: { links: [{ ordId: "9001", uid }] } });
    // The uid is this brand's customer, not the stranger's: unknown there.
    expect(theirs.error).toMatchObject({ code: "rebates.errors.unknownCustomerUid" });
  });
});
