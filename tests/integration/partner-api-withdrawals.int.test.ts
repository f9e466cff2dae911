/**
 * Withdrawals through the partner API's generated client, against the run's simulator: a brand's system
 * asks for a customer (by UID) — below the threshold it is sent, above it waits for a staff approver;
 * a replayed Idempotency-Key answers the first request and stores nothing more — even after the key's
 * 48 hours, and never for another request or another partner key; refusals name their field.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import { approveWithdrawal } from "@/server/withdrawals/decide";
import { sendWithdrawal } from "@/server/withdrawals/send";
import { setWithdrawalSettings } from "@/server/withdrawals/settings";
import { member } from "../helpers/bonuses";
import { bookEntry, onExchange, TRC20, withdrawingCustomer, type WithdrawingCustomer } from "../helpers/withdrawals";
import { idempotent, type PartnerClient } from "../partner-api/client";
import { partnerBrand, partnerKey } from "../partner-api/fixture";
import { expectRefusal } from "../partner-api/raw";
import { HEADERS } from "@/lib/partner-api/signing";

const simUrl = inject("integrationSimulatorUrl");
const prefix = `bdtest-partner-wd-${randomUUID().slice(0, 8)}`;
let api: PartnerClient;
let brandId: string;
let admin: TenantContext;
let c: WithdrawingCustomer;
let uid: string;

beforeAll(async () => {
  await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  const { brand, admin: a } = await partnerBrand();
  brandId = brand.id;
  admin = a;
  api = (await partnerKey(admin)).api;
  await setWithdrawalSettings(admin, { perWithdrawalLimit: "100000", dailyLimit: "200000", approvalThreshold: "1000", coolingOffHours: 0 });
  c = await withdrawingCustomer(admin, { simUrl, funding: { USDT: "5000" } });
  await bookEntry(brandId, c.customerId);
  uid = String((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).uid);
});

afterAll(async () => {
  await producerQueue("withdrawal-send").obliterate({ force: true }).catch(() => undefined);
  await closeProducerConnection();
});

describe("partner API: withdrawals", () => {
  it("requests one for a customer UID, replays the same key without a second, and reports its status", { timeout: 30_000 }, async () => {
    const key = idempotent();
    const body = { customerUid: uid, ccy: "USDT", chain: "USDT-TRC20", amount: "120", address: TRC20, reason: "Customer app" };
    const first = await api.POST("/withdrawals", { params: key, body });
    expect(first.response.status, JSON.stringify(first.error)).toBe(201);
    expect(first.data).toMatchObject({ status: "queued", customerUid: uid, subAcct: c.subAcct, amount: "120", ccy: "USDT", wdId: null });
    const again = await api.POST("/withdrawals", { params: key, body });
    expect(again.response.status).toBe(201);
    expect(again.data!.id).toBe(first.data!.id);
    expect(await db.withdrawal.count({ where: { brandId } })).toBe(1);

    const w = await db.withdrawal.findUniqueOrThrow({ where: { id: first.data!.id } });
    expect(w).toMatchObject({ requestedById: null, partnerKeyId: expect.any(String) });
    expect(await sendWithdrawal({ db }, brandId, w.id)).toBe("sent");
    const status = await api.GET("/withdrawals/{withdrawalId}", { params: { path: { withdrawalId: w.id } } });
    expect(status.response.status).toBe(200);
    expect(status.data).toMatchObject({ id: w.id, status: "sent", clientId: w.clientId });
    expect(status.data!.wdId).toBeTruthy();
    expect((await onExchange(brandId, c.subaccountId)).history.filter((h) => h.clientId === w.clientId)).toHaveLength(1);
  });

  it("once the key's 48 hours are over, the key still answers only the same request from the same partner key", async () => {
    const key = idempotent();
    const body = { customerUid: uid, ccy: "USDT", chain: "USDT-TRC20", amount: "130", address: TRC20, reason: "Customer app" };
    const first = await api.POST("/withdrawals", { params: key, body });
    expect(first.response.status, JSON.stringify(first.error)).toBe(201);
    // The hourly purge takes the key; only the withdrawal's own copy is left to recognise a retry.
    const purge = () => db.$executeRaw`DELETE FROM partner_idempotency_key WHERE brand_id = ${brandId}::uuid`;
    const before = await db.withdrawal.count({ where: { brandId } });
    await purge();
    const again = await api.POST("/withdrawals", { params: key, body });
    expect(again.response.status).toBe(201);
    expect(again.data!.id).toBe(first.data!.id);
    await purge();
    await expectRefusal(await api.POST("/withdrawals", { params: key, body: { ...body, amount: "999" } }), 409, "partnerApi.errors.idempotencyKeyReused", HEADERS.idempotency);
    await purge();
    const other = (await partnerKey(admin, { label: "Second system" })).api;
    await expectRefusal(await other.POST("/withdrawals", { params: key, body }), 409, "partnerApi.errors.idempotencyKeyReused", HEADERS.idempotency);
    expect(await db.withdrawal.count({ where: { brandId } })).toBe(before);
  });

  it("above the threshold waits for a staff approver (a partner request has no staff requester)", async () => {
    const asked = await api.POST("/withdrawals", { params: idempotent(), body: { customerUid: uid, subAcct: c.subAcct, ccy: "USDT", chain: "USDT-TRC20", amount: "1500", address: TRC20 } });
    expect(asked.response.status).toBe(201);
    expect(asked.data!.status).toBe("pending_approval");
    const approved = await approveWithdrawal(await member(brandId, "admin"), { id: asked.data!.id });
    expect(approved.state).toBe("queued");
  });

  it("refuses with the field it names and stores nothing", async () => {
    const before = await db.withdrawal.count({ where: { brandId } });
    const notInBook = await api.POST("/withdrawals", { params: idempotent(), body: { customerUid: uid, ccy: "USDT", chain: "USDT-TRC20", amount: "10", address: "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8" } });
    expect(notInBook.response.status).toBe(409);
    expect(notInBook.error).toMatchObject({ code: "withdrawals.errors.notInBook", field: "address" });
    const badChain = await api.POST("/withdrawals", { params: idempotent(), body: { customerUid: uid, ccy: "USDT", chain: "USDT-NOPE", amount: "10", address: TRC20 } });
    expect(badChain.response.status).toBe(400);
    expect(badChain.error).toMatchObject({ field: "chain" });
    const unknown = await api.POST("/withdrawals", { params: idempotent(), body: { customerUid: "999999999999", ccy: "USDT", chain: "USDT-TRC20", amount: "10", address: TRC20 } });
    expect(unknown.response.status).toBe(404);
    const missing = await api.GET("/withdrawals/{withdrawalId}", { params: { path: { withdrawalId: randomUUID() } } });
    expect(missing.response.status).toBe(404);
    expect(await db.withdrawal.count({ where: { brandId } })).toBe(before);
  });
});
