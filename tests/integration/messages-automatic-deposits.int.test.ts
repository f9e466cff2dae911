/**
 * "Deposit credited" messages from the deposit sync against a simulator of the file's own: a customer's
 * sub-account hears once of each recent deposit the sync first sees credited (state 1 or 2), whether it
 * arrives credited, settles later, or is linked to its sub-account after it was stored; nothing for a
 * pending deposit, a sub-account without a customer, or history older than the pending lookback.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { syncDeposits, type DepositSyncDeps } from "@/server/deposits/sync";
import { simAdmin, simClient, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { syncSubaccounts } from "@/server/subaccounts/sync";
import { createTestCustomer } from "../cases/customers";
import { createTestBrand } from "../helpers/db";
import { inboxOf, messagesOf, sendQueued } from "../helpers/messages";

let sim: SimHarness;
const admin = async (route: string, body: unknown, brandId?: string) => (await simAdmin(sim.url, "POST", route, body, brandId)) as Record<string, string>;
const addDeposit = (brandId: string, body: { subAcct: string; amt: string; state: string; ts?: number }) =>
  admin("deposit", { ccy: "USDT", ...body, ts: body.ts === undefined ? undefined : String(body.ts) }, brandId);
const setState = (brandId: string, depId: string, state: string) => admin("deposit", { depId, state }, brandId);
const deps = (): DepositSyncDeps => ({ db, clientOptions: { endpoints: { simulatorUrl: sim.url }, redis: null, maxRetries: 2, timeoutMs: 5_000 } });
const syncSubs = (brandId: string) => syncSubaccounts(brandId, { db, feeRates: false, clientOptions: deps().clientOptions });
const depositId = async (brandId: string, depId: string) => (await db.deposit.findUniqueOrThrow({ where: { brandId_depId: { brandId, depId } } })).id;

/** A brand whose simulator account has `subs` sub-accounts and no deposits yet. */
async function brandWith(subs: number) {
  const brand = await createTestBrand();
  await admin("seed", { subaccounts: subs, deposits: 0, seed: 7 }, brand.id);
  return brand.id;
}
const linkFirstSub = async (brandId: string, customerId: string) => {
  const [first, ...rest] = await db.subaccount.findMany({ where: { brandId }, orderBy: { subAcct: "asc" } });
  await db.subaccount.update({ where: { id: first.id }, data: { customerId } });
  return { linked: first.subAcct, others: rest.map((s) => s.subAcct) };
};

beforeAll(async () => {
  sim = await startSim({ subaccounts: 0, deposits: 0 });
  await admin("rate-limits", { enabled: false, reset: true });
});

afterAll(async () => {
  await sim?.close();
});

describe("deposit credited", () => {
  it("tells the customer once of each recent deposit first seen credited, in their language", { timeout: 60_000 }, async () => {
    const brandId = await brandWith(2);
    await syncSubs(brandId);
    const customer = await createTestCustomer(brandId, { language: "zh-CN" });
    const { linked, others } = await linkFirstSub(brandId, customer.id);

    const credited = await addDeposit(brandId, { subAcct: linked, amt: "1000.5", state: "2" });
    const pending = await addDeposit(brandId, { subAcct: linked, amt: "7", state: "0" });
    await addDeposit(brandId, { subAcct: linked, amt: "3", state: "2", ts: Date.now() - 30 * 86_400_000 });
    await addDeposit(brandId, { subAcct: others[0], amt: "9", state: "2" });
    await syncDeposits(brandId, deps());
    await sendQueued();
    expect(await inboxOf(brandId, customer.id)).toEqual([{ title: "充值已到账", body: `${customer.name}，您好：您充值的 1,000.50 USDT 已到账。`, locale: "zh-CN" }]);

    // The pending one is credited (1), then succeeds (2): one message, whatever the runs re-read.
    await setState(brandId, pending.depId, "1");
    await syncDeposits(brandId, deps());
    await setState(brandId, pending.depId, "2");
    await syncDeposits(brandId, deps());
    await syncDeposits(brandId, deps());
    await sendQueued();
    const refs = (await messagesOf(customer.id, "deposit.credited")).map((m) => m.eventRef).sort();
    expect(refs).toEqual([await depositId(brandId, credited.depId), await depositId(brandId, pending.depId)].sort());
    expect((await inboxOf(brandId, customer.id)).map((m) => m.body)).toContain(`${customer.name}，您好：您充值的 7.00 USDT 已到账。`);
    expect(await db.message.count({ where: { brandId, event: "deposit.credited" } })).toBe(2);
  });

  it("tells of a credited deposit stored before its sub-account, when the sync links the two", { timeout: 60_000 }, async () => {
    const brandId = await brandWith(1);
    // The deposit arrives before the sub-account sync has stored its sub-account.
    const [{ subAcct }] = (await simClient(sim.url, null, { forBrand: brandId }).subaccountInfo({ limit: 10 })).details;
    // A later pending deposit holds the cursor, so the next run re-reads it (linking it through the upsert)
    // but not the credited one, which only the run's fix-up links.
    await addDeposit(brandId, { subAcct, amt: "42", state: "2", ts: Date.now() - 60_000 });
    await addDeposit(brandId, { subAcct, amt: "1", state: "0" });
    await syncDeposits(brandId, deps());
    expect(await db.deposit.count({ where: { brandId, subaccountId: null } })).toBe(2);

    const customer = await createTestCustomer(brandId);
    await syncSubs(brandId);
    await db.subaccount.updateMany({ where: { brandId }, data: { customerId: customer.id } });
    expect((await syncDeposits(brandId, deps())).linked).toBe(1);
    await sendQueued();
    expect(await inboxOf(brandId, customer.id)).toEqual([
      { title: "Deposit credited", body: `Hello ${customer.name}, your deposit of 42.00 USDT has been credited.`, locale: "en" },
    ]);
  });
});
