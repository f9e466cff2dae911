/**
 * Sub-account rules through the real router (and the service, where a test points the exchange at a
 * simulator of its own): the list's filters, search and order; link / unlink with optimistic concurrency
 * and brand checks; create for a customer end to end against the simulator, then a sync that finds it
 * and does not duplicate it; the exchange's answers that a create must survive (lost answer, sync first,
 * name taken); account levels changed on the exchange; sync now and its Redis failure; the sync status;
 * the CSV export; bad input refused naming the field with nothing changed; and the audit rows.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { closeProducerConnection, configureJobs, workerConnection } from "@/server/queues/connection";
import { producerQueue } from "@/server/queues/registry";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { ENDPOINTS } from "@/server/exchange/okx";
import { simClient, startSim, type SimHarness } from "@/server/exchange/okx/testing/sim-harness";
import { csvStream } from "@/server/export/csv";
import { csvColumns } from "@/server/export/exporter";
import { createTranslator } from "@/lib/i18n/translate";
import { appRouter } from "@/server/routers/_app";
import { subaccountExporter } from "@/server/subaccounts/export";
import { ZSubaccountListInput } from "@/lib/subaccounts/schemas";
import { createSubaccountForCustomer } from "@/server/subaccounts/create";
import { iterateSubaccounts } from "@/server/subaccounts/list";
import { syncSubaccounts } from "@/server/subaccounts/sync";
import { createCallerFactory } from "@/server/trpc";
import { createTestCustomer } from "../cases/customers";
import { createTestSubaccount, newSubAcctName, runSimulatorClient } from "../cases/subaccounts";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

async function operator(brandId: string) {
  const { user } = await createTestStaff({ brandId, role: "operations" });
  const ctx = (await staffContext(user, { tenantId: brandId })) as unknown as TenantContext;
  return { user, ctx, caller: createCaller(await staffContext(user, { tenantId: brandId })) };
}

const rowOf = (id: string) => db.subaccount.findUniqueOrThrow({ where: { id } });
const auditsOf = (entityId: string) => db.auditLog.findMany({ where: { entityType: "subaccount", entityId }, orderBy: { seq: "asc" } });
const brandState = async (brandId: string) => ({
  rows: await db.subaccount.findMany({ where: { brandId }, orderBy: { id: "asc" } }),
  audit: await db.auditLog.count({ where: { brandId } }),
});

/** A refusal by the input schema: BAD_REQUEST with a zod issue on exactly `field`. */
async function expectZodField(call: Promise<unknown>, field: string) {
  const error = await call.then(
    () => expect.fail(`expected a refusal naming ${field}`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  expect(new Set(((error as TRPCError).cause as ZodError).issues.map((i) => i.path[0]))).toEqual(new Set([field]));
}

/** A refusal by the service naming `field` (and `reason`), leaving the brand's sub-accounts and audit log as they were. */
async function expectRefusedField(brandId: string, call: () => Promise<unknown>, field: string, message?: RegExp, reason?: string) {
  const before = await brandState(brandId);
  const refused = call();
  await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST", cause: expect.objectContaining({ field, ...(reason ? { reason } : {}) }) });
  if (message) await expect(refused).rejects.toThrow(message);
  expect(await brandState(brandId)).toEqual(before);
}

/** Refused with `code` (and `reason`), and nothing of the brand changed. */
async function expectRefused(brandId: string, call: () => Promise<unknown>, code: string, message?: RegExp, reason?: string) {
  const before = await brandState(brandId);
  const refused = call();
  await expect(refused).rejects.toMatchObject({ code, ...(reason ? { cause: expect.objectContaining({ reason }) } : {}) });
  if (message) await expect(refused).rejects.toThrow(message);
  expect(await brandState(brandId)).toEqual(before);
}

/**
 * A pass-through proxy in front of a simulator that runs `before(path)` ahead of forwarding each request,
 * so a test can make something happen exactly between two of a service's exchange calls.
 */
async function proxyTo(target: string, before: (path: string) => Promise<void>) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        await before(req.url ?? "");
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== "host" && k !== "content-length")) as Record<string, string>;
        const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
        res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
        res.end(Buffer.from(await answer.arrayBuffer()));
      })().catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const names = (page: { rows: { subAcct: string }[] }) => page.rows.map((r) => r.subAcct);
const day = (d: number) => new Date(Date.UTC(2024, 0, d));

describe("list, search, filters and order", () => {
  let brandId: string;
  let caller: Caller;
  let ctx: TenantContext;
  let linkedCustomer: { id: string; uid: bigint; name: string };

  beforeAll(async () => {
    brandId = (await createTestBrand()).id;
    ({ caller, ctx } = await operator(brandId));
    linkedCustomer = await createTestCustomer(brandId);
    await createTestSubaccount(brandId, { subAcct: "alphaDesk01", label: "VipDesk", accountLevel: 1, customerId: linkedCustomer.id, exchangeCreatedAt: day(3) });
    await createTestSubaccount(brandId, { subAcct: "betaDesk02", label: "plain", accountLevel: 2, enabled: false, frozenFunctions: ["trading", "withdrawal"], exchangeCreatedAt: day(1) });
    await createTestSubaccount(brandId, { subAcct: "gammaDesk03", accountLevel: 3, removedAt: new Date(), customerId: linkedCustomer.id, exchangeCreatedAt: day(2) });
    await createTestSubaccount(brandId, { subAcct: "deltaDesk04", uid: "777000123", accountLevel: 4, mainAcct: "alphaDesk01", canTransferOut: false, exchangeCreatedAt: day(4) });
    // Another brand's look-alike never shows.
    await createTestSubaccount((await createTestBrand()).id, { subAcct: "alphaDesk01", label: "VipDesk" });
  });

  const list = (extra: Record<string, unknown> = {}) => caller.subaccount.list({ page: 1, pageSize: 10, ...extra } as never);

  it("lists newest first by default, and sorts by name", async () => {
    expect(names(await list())).toEqual(["deltaDesk04", "alphaDesk01", "gammaDesk03", "betaDesk02"]);
    expect(names(await list({ sort: "exchangeCreatedAt", dir: "asc" }))).toEqual(["betaDesk02", "gammaDesk03", "alphaDesk01", "deltaDesk04"]);
    expect(names(await list({ sort: "subAcct", dir: "asc" }))).toEqual(["alphaDesk01", "betaDesk02", "deltaDesk04", "gammaDesk03"]);
    expect(names(await list({ sort: "subAcct", dir: "desc" }))).toEqual(["gammaDesk03", "deltaDesk04", "betaDesk02", "alphaDesk01"]);
  });

  it("shows each row's status, customer, frozen functions, transfer-out and parent", async () => {
    const page = await list({ sort: "subAcct", dir: "asc" });
    expect(page.total).toBe(4);
    const [alpha, beta, delta, gamma] = page.rows;
    expect(alpha).toMatchObject({
      status: "active",
      label: "VipDesk",
      customer: { id: linkedCustomer.id, uid: linkedCustomer.uid.toString(), name: linkedCustomer.name, status: "active" },
    });
    expect(beta).toMatchObject({ status: "frozen", enabled: false, frozenFunctions: ["trading", "withdrawal"], customer: null });
    expect(gamma).toMatchObject({ status: "removed" });
    expect(delta).toMatchObject({ status: "active", mainAcct: "alphaDesk01", canTransferOut: false, accountLevel: 4 });
  });

  it("filters by level, status, linked and customer", async () => {
    expect(names(await list({ level: ["2", "4"], sort: "subAcct", dir: "asc" }))).toEqual(["betaDesk02", "deltaDesk04"]);
    expect(names(await list({ status: ["active"], sort: "subAcct", dir: "asc" }))).toEqual(["alphaDesk01", "deltaDesk04"]);
    expect(names(await list({ status: ["frozen"] }))).toEqual(["betaDesk02"]);
    expect(names(await list({ status: ["removed"] }))).toEqual(["gammaDesk03"]);
    expect(names(await list({ status: ["active", "removed"], sort: "subAcct", dir: "asc" }))).toEqual(["alphaDesk01", "deltaDesk04", "gammaDesk03"]);
    expect(names(await list({ linked: ["linked"], sort: "subAcct", dir: "asc" }))).toEqual(["alphaDesk01", "gammaDesk03"]);
    expect(names(await list({ linked: ["unlinked"], sort: "subAcct", dir: "asc" }))).toEqual(["betaDesk02", "deltaDesk04"]);
    expect((await list({ linked: ["linked", "unlinked"] })).total).toBe(4);
    expect(names(await list({ customerId: linkedCustomer.id, sort: "subAcct", dir: "asc" }))).toEqual(["alphaDesk01", "gammaDesk03"]);
    expect(names(await list({ level: ["1"], linked: ["unlinked"] }))).toEqual([]);
  });

  it("searches name, uid (prefix) and label, ignoring case", async () => {
    expect(names(await list({ q: "GAMMA" }))).toEqual(["gammaDesk03"]);
    expect(names(await list({ q: "vipdesk" }))).toEqual(["alphaDesk01"]);
    expect(names(await list({ q: "7770001" }))).toEqual(["deltaDesk04"]);
    expect((await list({ q: "desk0" })).total).toBe(4);
    expect((await list({ q: "nothing-like-it" })).total).toBe(0);
  });

  it("pages on the server", async () => {
    const second = await list({ page: 2 });
    expect(second).toMatchObject({ rows: [], total: 4, page: 2, pageSize: 10 });
  });

  it("refuses bad list input naming the field", async () => {
    await expectZodField(list({ level: ["5"] }), "level");
    await expectZodField(list({ status: ["sleeping"] }), "status");
    await expectZodField(list({ customerId: "not-a-uuid" }), "customerId");
    await expectZodField(list({ sort: "uid" }), "sort");
  });

  it("exports the filtered rows in the list's order, read in batches", async () => {
    const q = ZSubaccountListInput.parse({ sort: "subAcct", dir: "asc", status: "active,frozen" });
    const batched: string[] = [];
    for await (const row of iterateSubaccounts(ctx, q, 1)) batched.push(row.subAcct);
    expect(batched).toEqual(["alphaDesk01", "betaDesk02", "deltaDesk04"]);

    const columns = csvColumns(subaccountExporter.columns, { t: createTranslator("en"), machine: true, ids: true });
    const csv = await new Response(csvStream(columns, subaccountExporter.rows(ctx, q))).text();
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe(columns.map((c) => c.header).join(","));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`alphaDesk01,`);
    expect(lines[1]).toContain(`,${linkedCustomer.uid},`);
    expect(lines[2]).toContain("trading withdrawal");
  });
});

describe("link and unlink", () => {
  let brandId: string;
  let otherBrandId: string;
  let caller: Caller;

  beforeAll(async () => {
    brandId = (await createTestBrand()).id;
    otherBrandId = (await createTestBrand()).id;
    ({ caller } = await operator(brandId));
  });

  it("links to a customer, refuses a stale version, unlinks, and audits each change", async () => {
    const sub = await createTestSubaccount(brandId);
    const customer = await createTestCustomer(brandId);
    const linked = await caller.subaccount.link({ id: sub.id, customerId: customer.id, version: 1 });
    expect(linked).toMatchObject({ version: 2, customer: { id: customer.id, uid: customer.uid.toString() } });

    // Someone still holding version 1.
    await expectRefused(brandId, () => caller.subaccount.link({ id: sub.id, customerId: null, version: 1 }), "CONFLICT", /changed meanwhile/, "subaccounts.errors.staleVersion");

    const unlinked = await caller.subaccount.link({ id: sub.id, customerId: null, version: 2 });
    expect(unlinked).toMatchObject({ version: 3, customer: null });
    expect((await rowOf(sub.id)).customerId).toBeNull();

    const audits = await auditsOf(sub.id);
    expect(audits.map((a) => a.action)).toEqual(["subaccount.link", "subaccount.unlink"]);
    expect(audits[0]).toMatchObject({ actorType: "staff", before: { customerId: null, version: 1 }, after: { customerId: customer.id, version: 2 } });
    expect(audits[1]).toMatchObject({ before: { customerId: customer.id }, after: { customerId: null, version: 3 } });
  });

  it("moves a linked sub-account to another customer", async () => {
    const first = await createTestCustomer(brandId);
    const second = await createTestCustomer(brandId);
    const sub = await createTestSubaccount(brandId, { customerId: first.id });
    const moved = await caller.subaccount.link({ id: sub.id, customerId: second.id, version: 1 });
    expect(moved.customer?.id).toBe(second.id);
    expect((await auditsOf(sub.id))[0]).toMatchObject({ action: "subaccount.link", before: { customerId: first.id }, after: { customerId: second.id } });
  });

  it("refuses another brand's customer, a closed customer and the same customer again, naming the field", async () => {
    const sub = await createTestSubaccount(brandId);
    const foreign = await createTestCustomer(otherBrandId);
    await expectRefusedField(brandId, () => caller.subaccount.link({ id: sub.id, customerId: foreign.id, version: 1 }), "customerId");

    const closed = await createTestCustomer(brandId, { status: "closed" });
    await expectRefusedField(brandId, () => caller.subaccount.link({ id: sub.id, customerId: closed.id, version: 1 }), "customerId", /closed/, "subaccounts.errors.customerClosed.link");

    const customer = await createTestCustomer(brandId);
    const linked = await createTestSubaccount(brandId, { customerId: customer.id });
    await expectRefused(brandId, () => caller.subaccount.link({ id: linked.id, customerId: customer.id, version: 1 }), "CONFLICT", /already linked/, "subaccounts.errors.alreadyLinked");
  });

  it("refuses another brand's sub-account as not found", async () => {
    const foreign = await createTestSubaccount(otherBrandId);
    const customer = await createTestCustomer(brandId);
    await expectRefused(otherBrandId, () => caller.subaccount.link({ id: foreign.id, customerId: customer.id, version: 1 }), "NOT_FOUND");
  });

  it("refuses linking a removed sub-account and unlinking an unlinked one", async () => {
    const removed = await createTestSubaccount(brandId, { removedAt: new Date() });
    const customer = await createTestCustomer(brandId);
    await expectRefused(brandId, () => caller.subaccount.link({ id: removed.id, customerId: customer.id, version: 1 }), "CONFLICT", /no longer on the exchange/, "subaccounts.errors.removed.link");
    const loose = await createTestSubaccount(brandId);
    await expectRefused(brandId, () => caller.subaccount.link({ id: loose.id, customerId: null, version: 1 }), "CONFLICT", /not linked/, "subaccounts.errors.notLinked");
  });

  it("refuses malformed input naming the field", async () => {
    const sub = await createTestSubaccount(brandId);
    await expectZodField(caller.subaccount.link({ id: "nope", customerId: null, version: 1 }), "id");
    await expectZodField(caller.subaccount.link({ id: sub.id, customerId: "nope", version: 1 }), "customerId");
    await expectZodField(caller.subaccount.link({ id: sub.id, customerId: null } as never), "version");
    expect((await rowOf(sub.id)).version).toBe(1);
  });
});

describe("create for a customer, on the run's simulator", () => {
  let brandId: string;
  let caller: Caller;

  beforeAll(async () => {
    brandId = (await createTestBrand()).id;
    ({ caller } = await operator(brandId));
  });

  it("creates on the exchange, stores it linked, audits it; a sync then finds it without duplicating it", { timeout: 60_000 }, async () => {
    const customer = await createTestCustomer(brandId);
    const subAcct = newSubAcctName();
    const created = await caller.subaccount.createForCustomer({ customerId: customer.id, subAcct: ` ${subAcct} `, label: "Desk1" });
    expect(created).toMatchObject({ subAcct, label: "Desk1", accountLevel: 1, status: "active", version: 1, customer: { id: customer.id } });
    // Its fee rates were read with it, not left to the next sync.
    expect(created.feeRates.map((f) => f.type)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const ratesAtCreation = created.feeRates.map((f) => [f.type, f.maker, f.taker]);

    const onExchange = (await runSimulatorClient(brandId).subaccountInfo({ subAcct })).details[0];
    expect(onExchange).toMatchObject({ subAcct, uid: created.uid, label: "Desk1", acctLv: "1" });
    expect(created.exchangeCreatedAt.getTime()).toBe(onExchange.ts.getTime());

    const audits = await auditsOf(created.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "subaccount.create", actorType: "staff", after: { subAcct, customerId: customer.id, linkedExisting: false } });

    const summary = await syncSubaccounts(brandId, { db, clientOptions: { redis: null } });
    expect(summary.created).toBe(summary.seen - 1);
    expect(summary).toMatchObject({ updated: 0, removed: 0 });
    const rows = await db.subaccount.findMany({ where: { brandId, subAcct } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: created.id, customerId: customer.id, version: 1, removedAt: null });

    // The sync read the same fee rates: types 1–9, decimals as text.
    const detail = await caller.subaccount.get({ id: created.id });
    expect(detail.feeRates.map((f) => [f.type, f.maker, f.taker])).toEqual(ratesAtCreation);
    for (const f of detail.feeRates) {
      expect(typeof f.maker).toBe("string");
      expect(f.taker).toMatch(/^-?\d+(\.\d+)?$/);
    }
    const status = await caller.subaccount.syncStatus();
    expect(status.lastRun).toMatchObject({ ok: true, seen: summary.seen, created: summary.created, error: null });

    // The customer's sub-accounts (their page's tab).
    expect(names(await caller.subaccount.list({ page: 1, pageSize: 10, customerId: customer.id } as never))).toEqual([subAcct]);

    // A repeated submit whose answer was lost: the same sub-account, nothing new.
    const again = await caller.subaccount.createForCustomer({ customerId: customer.id, subAcct });
    expect(again.id).toBe(created.id);
    expect(await auditsOf(created.id)).toHaveLength(1);
  });

  it("refuses a name the brand has, a closed customer and another brand's customer, before the exchange", async () => {
    const customer = await createTestCustomer(brandId);
    const taken = await createTestSubaccount(brandId);
    await expectRefusedField(brandId, () => caller.subaccount.createForCustomer({ customerId: customer.id, subAcct: taken.subAcct }), "subAcct", /already has/, "subaccounts.errors.nameTaken");

    const closed = await createTestCustomer(brandId, { status: "closed" });
    const subAcct = newSubAcctName();
    await expectRefused(brandId, () => caller.subaccount.createForCustomer({ customerId: closed.id, subAcct }), "CONFLICT", /closed/, "subaccounts.errors.customerClosed.create");

    const foreign = await createTestCustomer((await createTestBrand()).id);
    await expectRefused(brandId, () => caller.subaccount.createForCustomer({ customerId: foreign.id, subAcct }), "NOT_FOUND");
    // None of them reached the exchange.
    expect((await runSimulatorClient(brandId).subaccountInfo({ subAcct })).details).toEqual([]);
  });

  it("refuses a name the exchange has taken, naming the field", async () => {
    const customer = await createTestCustomer(brandId);
    const subAcct = newSubAcctName();
    await runSimulatorClient(brandId).createSubaccount({ subAcct });
    await expectRefusedField(brandId, () => caller.subaccount.createForCustomer({ customerId: customer.id, subAcct }), "subAcct", /taken/, "subaccounts.errors.nameRefused");
  });

  it("refuses malformed input naming the field, and changes nothing", async () => {
    const customer = await createTestCustomer(brandId);
    const before = await brandState(brandId);
    await expectZodField(caller.subaccount.createForCustomer({ customerId: customer.id, subAcct: "short" }), "subAcct");
    await expectZodField(caller.subaccount.createForCustomer({ customerId: customer.id, subAcct: "has-dash-123" }), "subAcct");
    await expectZodField(caller.subaccount.createForCustomer({ customerId: customer.id, subAcct: "a".repeat(21) }), "subAcct");
    await expectZodField(caller.subaccount.createForCustomer({ customerId: customer.id, subAcct: "" }), "subAcct");
    await expectZodField(caller.subaccount.createForCustomer({ customerId: customer.id, subAcct: newSubAcctName(), label: "has space" }), "label");
    await expectZodField(caller.subaccount.createForCustomer({ customerId: "nope", subAcct: newSubAcctName() }), "customerId");
    expect(await brandState(brandId)).toEqual(before);
  });
});

describe("create when the exchange's answer is lost", () => {
  let sim: SimHarness;
  let brandId: string;
  let ctx: TenantContext;
  const CREATE_PATH = ENDPOINTS.createSubaccount.path;
  const INFO_PATH = ENDPOINTS.subaccountInfo.path;

  beforeAll(async () => {
    sim = await startSim({ subaccounts: 2, deposits: 0 });
    brandId = (await createTestBrand()).id;
    ({ ctx } = await operator(brandId));
  });
  afterAll(async () => {
    await sim?.close();
  });

  const options = () => ({ endpoints: { simulatorUrl: sim.url } });

  it("asks the exchange after a create that may have worked, and stores what it finds", async () => {
    await sim.setFaults({ status5xxRate: 1, paths: [CREATE_PATH], phase: "after" });
    const customer = await createTestCustomer(brandId);
    const subAcct = newSubAcctName();
    const created = await createSubaccountForCustomer(ctx, { customerId: customer.id, subAcct }, options());
    const onExchange = (await simClient(sim.url, null, { forBrand: brandId }).subaccountInfo({ subAcct })).details[0];
    expect(created).toMatchObject({ subAcct, uid: onExchange.uid, customer: { id: customer.id } });
    expect((await sim.statsOf("POST", CREATE_PATH)).requests).toBe(1);
    await sim.setFaults({});
  });

  it("links the row the sync stored first instead of failing", async () => {
    // The create's answer is lost; before the service's look-up reaches the exchange, a sync stores the row.
    await sim.setFaults({ status5xxRate: 1, paths: [CREATE_PATH], phase: "after" });
    const customer = await createTestCustomer(brandId);
    const subAcct = newSubAcctName();
    let stored: Promise<unknown> | undefined;
    const proxy = await proxyTo(sim.url, async (path) => {
      if (!path.startsWith(INFO_PATH)) return;
      // Once, whichever attempt of the look-up comes first (a rate-limited one is retried).
      await (stored ??= db.subaccount.create({
        data: { brandId, subAcct, uid: "1", accountLevel: 1, enabled: true, canTransferOut: true, exchangeCreatedAt: new Date(), lastSyncedAt: new Date() },
      }));
    });
    try {
      const created = await createSubaccountForCustomer(ctx, { customerId: customer.id, subAcct }, { endpoints: { simulatorUrl: proxy.url } });
      const rows = await db.subaccount.findMany({ where: { brandId, subAcct } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: created.id, customerId: customer.id, version: 2 });
      expect((await auditsOf(created.id))[0]).toMatchObject({ action: "subaccount.create", after: { linkedExisting: true, customerId: customer.id } });
    } finally {
      await proxy.close();
      await sim.setFaults({});
    }
  });

  it("says when the exchange cannot be reached, and stores nothing", async () => {
    const customer = await createTestCustomer(brandId);
    const before = await brandState(brandId);
    await expect(
      createSubaccountForCustomer(ctx, { customerId: customer.id, subAcct: newSubAcctName() }, { endpoints: { simulatorUrl: "http://127.0.0.1:1" }, timeoutMs: 1_000 }),
    ).rejects.toMatchObject({ code: "EXCHANGE_ERROR" });
    expect(await brandState(brandId)).toEqual(before);
  });
});

describe("account level", () => {
  let brandId: string;
  let caller: Caller;

  beforeAll(async () => {
    brandId = (await createTestBrand()).id;
    ({ caller } = await operator(brandId));
  });

  it("changes the level on the exchange, stores it, and audits before and after", async () => {
    const customer = await createTestCustomer(brandId);
    const sub = await caller.subaccount.createForCustomer({ customerId: customer.id, subAcct: newSubAcctName() });
    const changed = await caller.subaccount.setLevel({ id: sub.id, accountLevel: 3, version: sub.version });
    expect(changed).toMatchObject({ accountLevel: 3, version: sub.version + 1 });
    expect((await runSimulatorClient(brandId).subaccountInfo({ subAcct: sub.subAcct })).details[0].acctLv).toBe("3");
    const audit = (await auditsOf(sub.id)).find((a) => a.action === "subaccount.set_level");
    expect(audit).toMatchObject({ before: { accountLevel: 1, version: 1 }, after: { accountLevel: 3, version: 2 } });

    // A stale version, the same level: refused before the exchange is asked.
    await expectRefused(brandId, () => caller.subaccount.setLevel({ id: sub.id, accountLevel: 4, version: 1 }), "CONFLICT");
    await expectRefusedField(brandId, () => caller.subaccount.setLevel({ id: sub.id, accountLevel: 3, version: 2 }), "accountLevel", /already at account level 3 \(multi-currency margin\)/, "subaccounts.errors.alreadyAtLevel.multiCurrencyMargin");
    expect((await runSimulatorClient(brandId).subaccountInfo({ subAcct: sub.subAcct })).details[0].acctLv).toBe("3");
  });

  it("refuses a removed sub-account and another brand's", async () => {
    const removed = await createTestSubaccount(brandId, { removedAt: new Date() });
    await expectRefused(brandId, () => caller.subaccount.setLevel({ id: removed.id, accountLevel: 2, version: 1 }), "CONFLICT", /no longer on the exchange/, "subaccounts.errors.removed.changeLevel");
    const otherBrandId = (await createTestBrand()).id;
    const foreign = await createTestSubaccount(otherBrandId);
    await expectRefused(otherBrandId, () => caller.subaccount.setLevel({ id: foreign.id, accountLevel: 2, version: 1 }), "NOT_FOUND");
  });

  it("puts the exchange's refusal on the level field and changes nothing", async () => {
    // Stored here but unknown to the exchange: it answers 51000.
    const ghost = await createTestSubaccount(brandId);
    await expectRefusedField(brandId, () => caller.subaccount.setLevel({ id: ghost.id, accountLevel: 2, version: 1 }), "accountLevel", /refused account level 2 \(spot and futures\)/, "subaccounts.errors.levelRefused.spotAndFutures");
  });

  it("refuses a level that does not exist, naming the field", async () => {
    const sub = await createTestSubaccount(brandId);
    await expectZodField(caller.subaccount.setLevel({ id: sub.id, accountLevel: 5 as never, version: 1 }), "accountLevel");
    await expectZodField(caller.subaccount.setLevel({ id: sub.id, accountLevel: "2" as never, version: 1 }), "accountLevel");
    expect(await rowOf(sub.id)).toMatchObject({ accountLevel: 1, version: 1 });
  });
});

describe("sync now and sync status", () => {
  const prefix = `bdtest-subaccounts-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    await configureJobs({ prefix, redisUrl: env.REDIS_URL });
  });
  afterAll(async () => {
    await configureJobs({ redisUrl: env.REDIS_URL });
    await producerQueue("subaccount-sync").obliterate({ force: true });
    await closeProducerConnection();
    const redis = workerConnection();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it("queues one job for the caller's brand, reports it while it waits, and audits the request", async () => {
    const brandId = (await createTestBrand()).id;
    const { caller } = await operator(brandId);
    const first = await caller.subaccount.syncNow();
    expect(first.outcome).toBe("queued");
    const job = await producerQueue("subaccount-sync").getJob(first.jobId);
    expect(job?.data).toEqual({ brandId });
    expect(await caller.subaccount.syncNow()).toEqual({ jobId: first.jobId, outcome: "already_queued" });
    const audits = await db.auditLog.findMany({ where: { brandId, action: "subaccount.sync_requested" } });
    expect(audits).toHaveLength(1);
    expect(audits[0].after).toEqual({ jobId: first.jobId });

    // Another brand's waiting job is not this brand's.
    const other = await operator((await createTestBrand()).id);
    expect((await other.caller.subaccount.syncNow()).outcome).toBe("queued");
  });

  it("is not held back by the schedule's next run, which waits as a delayed job", async () => {
    const queue = producerQueue("subaccount-sync");
    await queue.upsertJobScheduler("subaccount-sync", { pattern: "*/15 * * * *", tz: "UTC" }, { name: "subaccount-sync", data: {} });
    try {
      expect(await queue.getJobCounts("delayed")).toMatchObject({ delayed: 1 });
      const { caller } = await operator((await createTestBrand()).id);
      expect((await caller.subaccount.syncNow()).outcome).toBe("queued");
    } finally {
      await queue.removeJobScheduler("subaccount-sync");
    }
  });

  it("says the queue is unavailable when Redis cannot be reached, and audits nothing", async () => {
    const brandId = (await createTestBrand()).id;
    const { caller } = await operator(brandId);
    await configureJobs({ redisUrl: "redis://127.0.0.1:1" });
    try {
      const started = Date.now();
      await expect(caller.subaccount.syncNow()).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/Redis/),
        cause: expect.objectContaining({ reason: "subaccounts.errors.queueUnavailable" }),
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await db.auditLog.count({ where: { brandId } })).toBe(0);
    } finally {
      await configureJobs({ redisUrl: env.REDIS_URL });
    }
  });

  it("reports no run for a new brand, then a failed run with its message", async () => {
    const brandId = (await createTestBrand()).id;
    const { caller } = await operator(brandId);
    expect(await caller.subaccount.syncStatus()).toEqual({ lastRun: null, lastSyncedAt: null });
    await expect(
      syncSubaccounts(brandId, { db, clientOptions: { endpoints: { simulatorUrl: "http://127.0.0.1:1" }, maxRetries: 0, timeoutMs: 1_000, redis: null } }),
    ).rejects.toThrow();
    const status = await caller.subaccount.syncStatus();
    expect(status.lastRun).toMatchObject({ ok: false, error: expect.any(String) });
  });
});
