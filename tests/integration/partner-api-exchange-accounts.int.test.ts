/**
 * The partner API's exchange-account reads through the generated client: a customer's assets (balances by
 * currency valued in USDT, with freshness), whether they hold positions, positions, open orders and fund
 * details (bills), paged by cursor — named by customer UID, read from what the sync stored. Scopes
 * (funds:read, trading:read) are required and another brand's customer is not found.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { customerWithExchangeRows } from "../cases/exchange-accounts";
import { createTestCustomer } from "../cases/customers";
import { createTestBrand } from "../helpers/db";
import type { PartnerClient } from "../partner-api/client";
import { partnerBrand, partnerKey } from "../partner-api/fixture";

let admin: TenantContext;
let api: PartnerClient;

beforeAll(async () => {
  ({ admin } = await partnerBrand());
  api = (await partnerKey(admin, { scopes: ["funds:read", "trading:read"] })).api;
});

const uidOf = async (customerId: string) => (await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { uid: true } })).uid.toString();

describe("partner API: exchange accounts", () => {
  it("answers a customer's assets, positions, open orders and bills as stored, paged by cursor", async () => {
    const a = await customerWithExchangeRows(admin.tenantId);
    const uid = await uidOf(a.customer.id);
    await db.exchangeSyncState.create({ data: { brandId: admin.tenantId, subaccountId: a.sub.id, lastRunAt: new Date("2026-12-07T10:00:00Z") } });
    await db.exchangeSyncKindState.create({ data: { brandId: admin.tenantId, subaccountId: a.sub.id, kind: "bills", errorCode: "rate_limited", lastFailureAt: new Date() } });

    const assets = await api.GET("/customers/{customerUid}/exchange/assets", { params: { path: { customerUid: uid } } });
    expect(assets.response.status, JSON.stringify(assets.error)).toBe(200);
    expect(assets.data).toEqual({
      totalValueUsdt: "1000.00",
      currencies: [{ ccy: "USDT", trading: "1000", funding: "0", total: "1000", valueUsdt: "1000" }],
      // The fixture sub-account has no API key: the answer says why it cannot be read now.
      subaccounts: [{ subAcct: a.sub.subAcct, lastSyncedAt: "2026-12-07T10:00:00.000Z", unreadable: "no_key", failedKinds: ["bills"] }],
    });

    const has = await api.GET("/customers/{customerUid}/exchange/has-positions", { params: { path: { customerUid: uid } } });
    expect(has.data).toEqual({ hasPositions: true, count: 1 });

    const positions = await api.GET("/customers/{customerUid}/exchange/positions", { params: { path: { customerUid: uid } } });
    expect(positions.data!.data).toEqual([expect.objectContaining({ subAcct: a.sub.subAcct, instId: "BTC-USDT-SWAP", direction: "long", size: "2", markPx: "61000", upl: "20", exposureUsd: "1220" })]);
    expect(positions.data!.nextCursor).toBeNull();

    const orders = await api.GET("/customers/{customerUid}/exchange/open-orders", { params: { path: { customerUid: uid } } });
    expect(orders.data!.data).toEqual([expect.objectContaining({ ordId: a.order.ordId, instId: "BTC-USDT", side: "buy", px: "50000", size: "0.1", filled: "0", state: "live" })]);

    // Bills over pages of one.
    await db.exchangeBill.create({ data: { brandId: admin.tenantId, subaccountId: a.sub.id, billId: `9${a.bill.billId}`, ccy: "BTC", balChg: "0.01", bal: "0.01", type: "2", ts: new Date(Date.now() - 60_000) } });
    const first = await api.GET("/customers/{customerUid}/exchange/bills", { params: { path: { customerUid: uid }, query: { limit: 1 } } });
    expect(first.data!.data).toHaveLength(1);
    expect(first.data!.data[0]).toMatchObject({ billId: a.bill.billId, change: "-500", balance: "1000", type: "2" });
    const second = await api.GET("/customers/{customerUid}/exchange/bills", { params: { path: { customerUid: uid }, query: { limit: 1, cursor: first.data!.nextCursor! } } });
    expect(second.data!.data[0]).toMatchObject({ ccy: "BTC", change: "0.01" });
    expect(second.data!.nextCursor).toBeNull();
    const onlyBtc = await api.GET("/customers/{customerUid}/exchange/bills", { params: { path: { customerUid: uid }, query: { ccy: "BTC" } } });
    expect(onlyBtc.data!.data.map((b) => b.ccy)).toEqual(["BTC"]);

    const bad = await api.GET("/customers/{customerUid}/exchange/bills", { params: { path: { customerUid: uid }, query: { cursor: "nope" } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ field: "cursor" });
  });

  it("a customer without sub-accounts has nothing; another brand's customer and a missing scope are refused", async () => {
    const plain = await createTestCustomer(admin.tenantId);
    const has = await api.GET("/customers/{customerUid}/exchange/has-positions", { params: { path: { customerUid: await uidOf(plain.id) } } });
    expect(has.data).toEqual({ hasPositions: false, count: 0 });

    const theirs = await customerWithExchangeRows((await createTestBrand()).id);
    const cross = await api.GET("/customers/{customerUid}/exchange/positions", { params: { path: { customerUid: await uidOf(theirs.customer.id) } } });
    expect(cross.response.status).toBe(404);

    const fundsOnly = (await partnerKey(admin, { scopes: ["funds:read"] })).api;
    const refused = await fundsOnly.GET("/customers/{customerUid}/exchange/positions", { params: { path: { customerUid: await uidOf(plain.id) } } });
    expect(refused.response.status).toBe(403);
    const bad = await api.GET("/customers/{customerUid}/exchange/assets", { params: { path: { customerUid: "abc" } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ field: "customerUid" });
  });
});
