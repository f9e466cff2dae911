/**
 * The partner API's trading endpoints through the generated client, against the run's simulator: a brand's
 * own system cancels a customer's order, cancels all their orders and closes all their positions, with the
 * same service staff use (per-item results) and audit rows naming the partner key — the customer named by UID
 * and a sub-account by its exchange name; the trading:write scope
 * is required, and another brand's customer is not found.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { simAdmin, simClient } from "@/server/exchange/okx/testing/sim-harness";
import type { OkxClient } from "@/server/exchange/okx";
import { actionAudits, customerClient, tradingCustomer } from "../helpers/exchange-actions";
import { idempotent, type PartnerClient } from "../partner-api/client";
import { partnerBrand, partnerKey } from "../partner-api/fixture";

const simUrl = () => process.env.OKX_SIM_URL!;
const reason = "Customer closed their trading app account";

let admin: TenantContext;
let api: PartnerClient;
let accessKey: string;

/** A customer's new sub-account (spot and futures, net mode, funded) with nothing open, and its own client. */
async function funded(ctx: TenantContext = admin) {
  const tc = await tradingCustomer(ctx);
  await simClient(simUrl(), null, { forBrand: ctx.tenantId }).setSubaccountLevel({ subAcct: tc.subAcct, acctLv: "2" });
  const client = await customerClient(ctx, tc.subaccountId);
  await simAdmin(simUrl(), "POST", "funds", { subAcct: tc.subAcct, account: "trading", ccy: "USDT", amt: "100000" }, ctx.tenantId);
  for (const p of await client.accountPositions()) await client.closePosition({ instId: p.instId, mgnMode: p.mgnMode as "cross", posSide: p.posSide as "net", autoCxl: true });
  const open = await client.ordersPending();
  for (let i = 0; i < open.length; i += 20) await client.cancelBatchOrders({ orders: open.slice(i, i + 20).map((o) => ({ instId: o.instId, ordId: o.ordId })) });
  await simAdmin(simUrl(), "POST", "position-mode", { subAcct: tc.subAcct, posMode: "net_mode" }, ctx.tenantId);
  const { uid } = await db.customer.findUniqueOrThrow({ where: { id: tc.customerId }, select: { uid: true } });
  return { ...tc, customerUid: uid.toString(), client };
}

async function restingOrder(client: OkxClient, px = "1000") {
  const [ack] = await client.placeOrder({ instId: "BTC-USDT", tdMode: "cash", side: "buy", ordType: "limit", px, sz: "0.001" });
  return ack!.ordId;
}

beforeAll(async () => {
  const { brand, admin: brandAdmin } = await partnerBrand();
  admin = brandAdmin;
  const key = await partnerKey(admin);
  api = key.api;
  accessKey = key.credentials.accessKey;
  expect(brand.id).toBe(admin.tenantId);
});

describe("partner API: trading", () => {
  it("cancels one order, then all of a customer's orders, with per-item results, audited as the partner key", async () => {
    const a = await funded();
    const first = await restingOrder(a.client, "1000");
    const others = [await restingOrder(a.client, "1001"), await restingOrder(a.client, "1002")];

    const one = await api.POST("/trading/orders/cancel", { params: idempotent(), body: { customerUid: a.customerUid, subAcct: a.subAcct, instId: "BTC-USDT", ordId: first, reason } });
    expect(one.response.status, JSON.stringify(one.error)).toBe(200);
    expect(one.data!.items).toEqual([expect.objectContaining({ ordId: first, status: "done", code: "0" })]);

    const all = await api.POST("/trading/orders/cancel-all", { params: idempotent(), body: { customerUid: a.customerUid, reason } });
    expect(all.response.status).toBe(200);
    expect(all.data!.counts).toMatchObject({ done: 2, failed: 0 });
    expect(all.data!.items.map((i) => i.ordId).sort()).toEqual([...others].sort());
    expect(await a.client.ordersPending()).toEqual([]);

    const [audit] = await actionAudits(admin.tenantId, "exchange.order_cancel", a.subaccountId);
    expect(audit).toMatchObject({ actorType: "partner", actorLabel: expect.stringContaining(accessKey) });
    expect(audit!.after).toMatchObject({ reason, items: [{ ordId: first, status: "done" }] });
  });

  it("closes all of a customer's positions", async () => {
    const a = await funded();
    for (const instId of ["BTC-USDT-SWAP", "ETH-USDT-SWAP"]) await a.client.placeOrder({ instId, tdMode: "cross", side: "sell", ordType: "market", sz: "1" });
    const closed = await api.POST("/trading/positions/close-all", { params: idempotent(), body: { customerUid: a.customerUid, subAcct: a.subAcct, reason } });
    expect(closed.response.status, JSON.stringify(closed.error)).toBe(200);
    expect(closed.data!.items.map((i) => [i.instId, i.status]).sort()).toEqual([
      ["BTC-USDT-SWAP", "done"],
      ["ETH-USDT-SWAP", "done"],
    ]);
    expect((await a.client.accountPositions()).filter((p) => p.pos !== "0")).toEqual([]);
    const [audit] = await actionAudits(admin.tenantId, "exchange.positions_close_all", a.customerId);
    expect(audit).toMatchObject({ actorType: "partner" });
  });

  it("needs the trading:write scope; a sub-account of another customer or brand is not found", async () => {
    const a = await funded();
    const readOnly = (await partnerKey(admin, { scopes: ["customers:read", "trading:read"] })).api;
    const refused = await readOnly.POST("/trading/positions/close-all", { params: idempotent(), body: { customerUid: a.customerUid, reason } });
    expect(refused.response.status).toBe(403);

    // A sub-account that is not this customer's.
    const b = await funded();
    const wrong = await api.POST("/trading/orders/cancel", { params: idempotent(), body: { customerUid: a.customerUid, subAcct: b.subAcct, instId: "BTC-USDT", ordId: "1", reason } });
    expect(wrong.response.status).toBe(404);

    const other = await partnerBrand();
    const theirs = await funded(other.admin);
    const cross = await api.POST("/trading/orders/cancel-all", { params: idempotent(), body: { customerUid: theirs.customerUid, reason } });
    expect(cross.response.status).toBe(404);
    // Bad input names its field and sends nothing.
    const bad = await api.POST("/trading/orders/cancel-all", { params: idempotent(), body: { customerUid: "abc", reason: "x" } });
    expect(bad.response.status).toBe(400);
    expect(await actionAudits(other.admin.tenantId, "exchange.orders_cancel_all")).toEqual([]);
  });
});
