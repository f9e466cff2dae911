/**
 * Customer rules through the real router: registration and uniqueness, profile edits, groups, status
 * transitions with close guards, optimistic concurrency, notes, the KYC summary, the timeline, and the
 * audit row every change leaves.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/server/audit/audit";
import { systemActor } from "@/server/actor";
import { registerCloseGuard } from "@/server/customers/close-guards";
import { db } from "@/server/db/client";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { createTestCustomer, createTestGroup } from "../cases/customers";
import { createTestBrand, createTestStaff, staffContext, uniqueSuffix } from "../helpers/db";

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

async function operator(brandId: string) {
  const { user } = await createTestStaff({ brandId, role: "operations" });
  return { user, caller: createCaller(await staffContext(user, { tenantId: brandId })) };
}

const auditOf = (entityId: string) => db.auditLog.findMany({ where: { entityId }, orderBy: { seq: "asc" } });
const reason = "Customer asked for it";

/** Asserts a refusal that names `field` and leaves the brand's customers and audit log as they were. */
async function expectRefusedField(brandId: string, call: () => Promise<unknown>, field: string, message?: RegExp) {
  const before = { customers: await db.customer.findMany({ where: { brandId }, orderBy: { id: "asc" } }), audit: await db.auditLog.count({ where: { brandId } }) };
  // The call starts only after the snapshot, so the comparison below proves it changed nothing.
  const refused = call();
  await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST", cause: expect.objectContaining({ field }) });
  if (message) await expect(refused).rejects.toThrow(message);
  expect(await db.customer.findMany({ where: { brandId }, orderBy: { id: "asc" } })).toEqual(before.customers);
  expect(await db.auditLog.count({ where: { brandId } })).toBe(before.audit);
}

describe("customers", () => {
  let brandId: string;
  let otherBrandId: string;
  let ops: Awaited<ReturnType<typeof operator>>;
  let caller: Caller;

  beforeAll(async () => {
    brandId = (await createTestBrand()).id;
    otherBrandId = (await createTestBrand()).id;
    ops = await operator(brandId);
    caller = ops.caller;
  });

  const email = () => `new-${uniqueSuffix()}@example.test`;

  describe("registration", () => {
    it("registers from the back office with a lower-cased email, and audits it", async () => {
      const group = await createTestGroup(brandId);
      const address = email();
      const created = await caller.customer.register({
        name: "  Liang Wei ",
        email: address.toUpperCase(),
        phoneCountryCode: "+86",
        phone: "138 0013 8000",
        country: "cn",
        language: "zh-CN",
        tags: ["vip", "vip", "api-trader"],
        groupId: group.id,
      });
      expect(created).toMatchObject({
        name: "Liang Wei",
        email: address,
        phoneCountryCode: "+86",
        phone: "13800138000",
        country: "CN",
        language: "zh-CN",
        tags: ["vip", "api-trader"],
        status: "active",
        kycLevel: 0,
        groupId: group.id,
        groupName: group.name,
        registrationSource: "backoffice",
        version: 1,
      });
      expect(created.uid).toMatch(/^\d{8,}$/);
      expect(created.kyc).toMatchObject({ level: 0, openApplication: null });
      expect(created.kyc.scenarios.every((s) => !s.passed)).toBe(true);
      const [audit] = await auditOf(created.id);
      expect(audit).toMatchObject({ brandId, action: "customer.register", entityType: "customer", actorId: ops.user.id });
      expect(audit.after).toMatchObject({ uid: created.uid, email: address, groupId: group.id, status: "active" });
    });

    it("refuses an email or phone that belongs to another customer of the brand, naming that customer", async () => {
      const existing = await createTestCustomer(brandId, { phoneCountryCode: "+65", phone: "91234567" });
      await expectRefusedField(
        brandId,
        () => caller.customer.register({ name: "Copy", email: existing.email!.toUpperCase(), country: "SG", language: "en", tags: [] }),
        "email",
        new RegExp(`^This email address already belongs to customer ${existing.uid}$`),
      );
      await expectRefusedField(
        brandId,
        () => caller.customer.register({ name: "Copy", phoneCountryCode: "+65", phone: "9123-4567", country: "SG", language: "en", tags: [] }),
        "phone",
        new RegExp(`^This phone number already belongs to customer ${existing.uid}$`),
      );
      // Same number under another calling code, and the same email in another brand, are someone else.
      await caller.customer.register({ name: "Other", phoneCountryCode: "+852", phone: "91234567", country: "HK", language: "en", tags: [] });
      const elsewhere = await createTestCustomer(otherBrandId);
      await caller.customer.register({ name: "Other", email: elsewhere.email!, country: "SG", language: "en", tags: [] });
    });

    it("refuses another brand's group, an unknown country and missing contacts", async () => {
      const foreignGroup = await createTestGroup(otherBrandId);
      await expectRefusedField(
        brandId,
        () => caller.customer.register({ name: "X", email: email(), country: "SG", language: "en", tags: [], groupId: foreignGroup.id }),
        "groupId",
        /^Choose one of the brand's customer groups$/,
      );
      await expectRefusedField(
        brandId,
        () => caller.customer.register({ name: "X", email: email(), country: "ZZ", language: "en", tags: [] }),
        "country",
        /^Choose a country$/,
      );
      await expect(caller.customer.register({ name: "X", country: "SG", language: "en", tags: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(caller.customer.register({ name: "X", phone: "12345678", country: "SG", language: "en", tags: [] })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    });

    it("answers whether an email or phone is taken, optionally except one customer", async () => {
      const existing = await createTestCustomer(brandId, { phoneCountryCode: "+44", phone: "7700900123" });
      expect(await caller.customer.exists({ email: existing.email!.toUpperCase() })).toEqual({ exists: true, field: "email" });
      expect(await caller.customer.exists({ phoneCountryCode: "+44", phone: "7700 900 123" })).toEqual({ exists: true, field: "phone" });
      expect(await caller.customer.exists({ phoneCountryCode: "+1", phone: "7700900123" })).toEqual({ exists: false, field: null });
      expect(await caller.customer.exists({ email: existing.email!, exceptId: existing.id })).toEqual({ exists: false, field: null });
      expect(await caller.customer.exists({ email: email() })).toEqual({ exists: false, field: null });
    });
  });

  describe("changes", () => {
    it("edits the profile, bumps the version and audits before and after", async () => {
      const customer = await createTestCustomer(brandId, { name: "Before", tags: ["old"] });
      const address = email();
      const updated = await caller.customer.update({
        id: customer.id,
        version: 1,
        name: "After",
        email: address,
        phoneCountryCode: "+49",
        phone: "15123456789",
        country: "DE",
        language: "en",
        tags: ["high-volume"],
      });
      expect(updated).toMatchObject({ name: "After", email: address, phone: "15123456789", country: "DE", tags: ["high-volume"], version: 2 });
      const [audit] = await auditOf(customer.id);
      expect(audit).toMatchObject({ action: "customer.update", entityType: "customer" });
      expect(audit.before).toMatchObject({ name: "Before", tags: ["old"], version: 1 });
      expect(audit.after).toMatchObject({ name: "After", tags: ["high-volume"], version: 2 });
      // Keeping one's own email is not a clash; taking someone else's is.
      await caller.customer.update({ id: customer.id, version: 2, name: "After", email: address, country: "DE", language: "en", tags: [] });
      const someoneElse = await createTestCustomer(brandId);
      await expectRefusedField(
        brandId,
        () => caller.customer.update({ id: customer.id, version: 3, name: "After", email: someoneElse.email!, country: "DE", language: "en", tags: [] }),
        "email",
      );
    });

    it("refuses a change based on a stale version and keeps the other change", async () => {
      const customer = await createTestCustomer(brandId);
      const second = await operator(brandId);
      await caller.customer.freeze({ id: customer.id, version: 1, reason });
      const stale = second.caller.customer.update({ id: customer.id, version: 1, name: "Overwrite", email: customer.email!, country: "SG", language: "en", tags: [] });
      await expect(stale).rejects.toMatchObject({ code: "CONFLICT", message: "This customer was changed by someone else; reload and try again" });
      expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ name: customer.name, status: "frozen", version: 2 });
      expect((await auditOf(customer.id)).map((a) => a.action)).toEqual(["customer.freeze"]);
    });

    it("lets only one of two concurrent changes on the same version through", async () => {
      const customer = await createTestCustomer(brandId);
      const second = await operator(brandId);
      const results = await Promise.allSettled([
        caller.customer.freeze({ id: customer.id, version: 1, reason }),
        second.caller.customer.close({ id: customer.id, version: 1, reason }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.objectContaining({ code: "CONFLICT" }) });
      expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).version).toBe(2);
      expect(await auditOf(customer.id)).toHaveLength(1);
    });

    it("moves a customer between groups, only into the brand's own", async () => {
      const customer = await createTestCustomer(brandId);
      const group = await createTestGroup(brandId);
      const moved = await caller.customer.setGroup({ id: customer.id, version: 1, groupId: group.id });
      expect(moved).toMatchObject({ groupId: group.id, groupName: group.name, version: 2 });
      const foreign = await createTestGroup(otherBrandId);
      await expectRefusedField(brandId, () => caller.customer.setGroup({ id: customer.id, version: 2, groupId: foreign.id }), "groupId");
      expect(await caller.customer.setGroup({ id: customer.id, version: 2, groupId: null })).toMatchObject({ groupId: null, groupName: null, version: 3 });
      const audits = await auditOf(customer.id);
      expect(audits.map((a) => a.action)).toEqual(["customer.set_group", "customer.set_group"]);
      expect(audits[0].before).toMatchObject({ groupId: null });
      expect(audits[0].after).toMatchObject({ groupId: group.id });
    });

    it("answers NOT_FOUND for another brand's customer and changes nothing", async () => {
      const foreign = await createTestCustomer(otherBrandId);
      await expect(caller.customer.get({ id: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(caller.customer.freeze({ id: foreign.id, version: 1, reason })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(caller.customer.addNote({ customerId: foreign.id, body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.customer.findUniqueOrThrow({ where: { id: foreign.id } })).toEqual(foreign);
    });
  });

  describe("status", () => {
    it("freezes, unfreezes and closes with a reason, audited, and refuses wrong transitions", async () => {
      const customer = await createTestCustomer(brandId);
      const frozen = await caller.customer.freeze({ id: customer.id, version: 1, reason: "Suspicious deposits" });
      expect(frozen).toMatchObject({ status: "frozen", statusReason: "Suspicious deposits", version: 2 });
      expect(frozen.statusChangedAt).toBeInstanceOf(Date);
      await expect(caller.customer.freeze({ id: customer.id, version: 2, reason })).rejects.toMatchObject({ code: "CONFLICT", message: "This customer is already frozen" });

      const active = await caller.customer.unfreeze({ id: customer.id, version: 2, reason: "Deposits explained" });
      expect(active).toMatchObject({ status: "active", statusReason: "Deposits explained", version: 3 });
      await expect(caller.customer.unfreeze({ id: customer.id, version: 3, reason })).rejects.toMatchObject({ code: "CONFLICT", message: "This customer is not frozen" });

      await caller.customer.freeze({ id: customer.id, version: 3, reason });
      const closed = await caller.customer.close({ id: customer.id, version: 4, reason: "Left the brokerage" });
      expect(closed).toMatchObject({ status: "closed", statusReason: "Left the brokerage", version: 5 });
      // Closing is final.
      const closedMessage = `Customer ${customer.uid} is closed; a closed customer cannot be changed`;
      for (const [call, message] of [
        [() => caller.customer.unfreeze({ id: customer.id, version: 5, reason }), "A closed customer cannot be unfrozen"],
        [() => caller.customer.freeze({ id: customer.id, version: 5, reason }), "A closed customer cannot be frozen"],
        [() => caller.customer.close({ id: customer.id, version: 5, reason }), "This customer is already closed"],
        [
          () => caller.customer.update({ id: customer.id, version: 5, name: "Reopened", email: customer.email!, country: "SG", language: "en", tags: [] }),
          closedMessage,
        ],
        [() => caller.customer.setGroup({ id: customer.id, version: 5, groupId: null }), closedMessage],
      ] as const) {
        await expect(call()).rejects.toMatchObject({ code: "CONFLICT", message });
      }
      const audits = await auditOf(customer.id);
      expect(audits.map((a) => a.action)).toEqual(["customer.freeze", "customer.unfreeze", "customer.freeze", "customer.close"]);
      expect(audits[3].before).toMatchObject({ status: "frozen" });
      expect(audits[3].after).toMatchObject({ status: "closed", statusReason: "Left the brokerage" });
      await expect(caller.customer.freeze({ id: customer.id, version: 1, reason: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    });

    describe("close guards", () => {
      let unregister: (() => void) | undefined;
      afterEach(() => unregister?.());

      it("refuses to close while a registered guard objects, with its reason, and changes nothing", async () => {
        const customer = await createTestCustomer(brandId);
        const bystander = await createTestCustomer(brandId);
        const seen: { id: string; brandId: string; uid: string }[] = [];
        unregister = registerCloseGuard(async (tx, c) => {
          seen.push(c);
          // Guards read inside the closing transaction.
          const row = await tx.customer.findUniqueOrThrow({ where: { id: c.id }, select: { status: true } });
          return c.id === customer.id ? { reason: "tradingAccounts.errors.customerHoldsMoney", params: { holdings: `120.5 USDT (status ${row.status})` } } : null;
        });
        await expect(caller.customer.close({ id: customer.id, version: 1, reason })).rejects.toMatchObject({
          code: "CONFLICT",
          message: "This customer cannot be closed: they hold 120.5 USDT (status active)",
        });
        expect(seen).toEqual([{ id: customer.id, brandId, uid: customer.uid.toString() }]);
        expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toEqual(customer);
        expect(await auditOf(customer.id)).toHaveLength(0);
        // Freezing is not closing; and a customer the guard has no objection to closes.
        await caller.customer.freeze({ id: customer.id, version: 1, reason });
        await caller.customer.close({ id: bystander.id, version: 1, reason });

        unregister();
        unregister = undefined;
        expect(await caller.customer.close({ id: customer.id, version: 2, reason })).toMatchObject({ status: "closed" });
      });

      it("refuses with a guard's reason key and params, for the browser to translate", async () => {
        const customer = await createTestCustomer(brandId);
        unregister = registerCloseGuard(async (_tx, c) => (c.id === customer.id ? { reason: "customers.errors.customerClosed", params: { uid: c.uid } } : null));
        await expect(caller.customer.close({ id: customer.id, version: 1, reason })).rejects.toMatchObject({
          code: "CONFLICT",
          message: `Customer ${customer.uid} is closed; a closed customer cannot be changed`,
          cause: expect.objectContaining({ reason: "customers.errors.customerClosed", params: { uid: customer.uid.toString() } }),
        });
      });
    });
  });

  describe("notes", () => {
    it("adds notes signed by the author, lists them newest first, and audits each", async () => {
      const customer = await createTestCustomer(brandId);
      const first = await caller.customer.addNote({ customerId: customer.id, body: "Asked about withdrawal limits" });
      const second = await caller.customer.addNote({ customerId: customer.id, body: "  Sent the fee schedule  " });
      expect(second).toMatchObject({ body: "Sent the fee schedule", authorName: ops.user.name });
      expect((await caller.customer.notes({ id: customer.id })).map((n) => n.id)).toEqual([second.id, first.id]);
      const audits = await auditOf(customer.id);
      expect(audits.map((a) => a.action)).toEqual(["customer.note_add", "customer.note_add"]);
      expect(audits[1].after).toMatchObject({ noteId: second.id, body: "Sent the fee schedule" });
      // A note is not a change to the customer record: the version stays.
      expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).version).toBe(1);
      await expect(caller.customer.addNote({ customerId: customer.id, body: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    });
  });

  describe("KYC summary and timeline", () => {
    const application = (customerId: string, data: { level: number; scenario: "open_trading_account" | "withdrawal" | "corporate_account" | "high_value"; status: "submitted" | "in_review" | "approved" | "rejected"; decidedAt?: Date }) =>
      db.kycApplication.create({ data: { brandId, customerId, country: "SG", applicant: { fullName: "Test" }, ...data } });

    it("summarises the customer's KYC: level, the open application and each scenario passed", async () => {
      const customer = await createTestCustomer(brandId, { kycLevel: 2 });
      await application(customer.id, { level: 1, scenario: "open_trading_account", status: "approved", decidedAt: new Date("2026-01-01T00:00:00Z") });
      await application(customer.id, { level: 2, scenario: "open_trading_account", status: "approved", decidedAt: new Date("2026-02-01T00:00:00Z") });
      await application(customer.id, { level: 2, scenario: "withdrawal", status: "rejected", decidedAt: new Date() });
      const open = await application(customer.id, { level: 3, scenario: "high_value", status: "in_review" });
      const { kyc } = await caller.customer.get({ id: customer.id });
      expect(kyc.level).toBe(2);
      expect(kyc.openApplication).toEqual({ id: open.id, level: 3, scenario: "high_value", status: "in_review", submittedAt: open.submittedAt });
      expect(kyc.scenarios).toEqual([
        { scenario: "open_trading_account", passed: true, approvedLevel: 2, approvedAt: new Date("2026-02-01T00:00:00Z") },
        { scenario: "withdrawal", passed: false, approvedLevel: null, approvedAt: null },
        { scenario: "corporate_account", passed: false, approvedLevel: null, approvedAt: null },
        { scenario: "high_value", passed: false, approvedLevel: null, approvedAt: null },
      ]);
    });

    it("merges the customer's and their KYC applications' audit rows, newest first, paged by cursor", async () => {
      const customer = await createTestCustomer(brandId);
      const neighbour = await createTestCustomer(brandId);
      const app = await application(customer.id, { level: 1, scenario: "open_trading_account", status: "submitted" });
      const neighboursApp = await application(neighbour.id, { level: 1, scenario: "withdrawal", status: "submitted" });
      const system = { actor: systemActor("test"), request: { ip: null, userAgent: null } };
      const kycAudit = (entityId: string, action: string, brand = brandId) =>
        db.$transaction((tx) => recordAudit(tx, system, { brandId: brand, action, entityType: "kyc_application", entityId, after: { status: "submitted" } }));

      await caller.customer.freeze({ id: customer.id, version: 1, reason });
      await kycAudit(app.id, "kyc.submit");
      await caller.customer.addNote({ customerId: customer.id, body: "Documents look fine" });
      await caller.customer.unfreeze({ id: customer.id, version: 2, reason });
      await kycAudit(app.id, "kyc.claim");
      // Not this customer's: a neighbour's application, the neighbour, and another brand's row with the same id.
      await kycAudit(neighboursApp.id, "kyc.submit");
      await caller.customer.freeze({ id: neighbour.id, version: 1, reason });
      await db.$transaction((tx) => recordAudit(tx, system, { brandId: otherBrandId, action: "customer.freeze", entityType: "customer", entityId: customer.id }));

      const full = await caller.customer.timeline({ id: customer.id, limit: 100 });
      // The customer signed up outside the back office: the record's registration closes the timeline.
      expect(full.entries.map((e) => e.action)).toEqual(["kyc.claim", "customer.unfreeze", "customer.note_add", "kyc.submit", "customer.freeze", "customer.signup"]);
      expect(full.entries.at(-1)).toMatchObject({
        at: customer.registeredAt,
        actorType: "customer",
        actorLabel: customer.name,
        after: { registrationSource: customer.registrationSource },
      });
      expect(full.nextCursor).toBeNull();
      expect(full.entries[0]).toMatchObject({ entityType: "kyc_application", entityId: app.id, actorType: "system" });
      expect(full.entries[1]).toMatchObject({ entityType: "customer", entityId: customer.id, actorLabel: ops.user.email });
      expect(full.entries[1].after).toMatchObject({ status: "active" });

      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await caller.customer.timeline({ id: customer.id, limit: 2, cursor });
        expect(page.entries.length).toBeLessThanOrEqual(2);
        paged.push(...page.entries.map((e) => e.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(paged).toEqual(full.entries.map((e) => e.id));

      // Registered from the back office: the audited registration is the first entry, no sign-up entry.
      const registered = await caller.customer.register({ name: "Desk Registered", email: email(), country: "SG", language: "en", tags: [] });
      expect((await caller.customer.timeline({ id: registered.id })).entries.map((e) => e.action)).toEqual(["customer.register"]);

      await expect(caller.customer.timeline({ id: customer.id, cursor: "bogus" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: expect.objectContaining({ field: "cursor" }),
      });
    });

    it("includes what belongs to the customer: trading accounts, their fund locks, bonus grants and sub-accounts, even one linked away", async () => {
      const customer = await createTestCustomer(brandId);
      const neighbour = await createTestCustomer(brandId);
      const system = { actor: systemActor("test"), request: { ip: null, userAgent: null } };
      const account = await caller.tradingAccount.open({ customerId: customer.id, type: "spot", currency: "USDT", demo: false });
      await caller.fundLock.lock({ tradingAccountId: account.id, direction: "transfer_out", reason: "Under review" });
      const grant = await db.bonusGrant.create({
        data: { brandId, customerId: customer.id, tradingAccountId: account.id, amount: "5", currency: "USDT", withdrawable: false, remaining: "5", status: "applied", idempotencyKey: `timeline-${customer.id}`, reason: "Test" },
      });
      await db.$transaction((tx) => recordAudit(tx, system, { brandId, action: "bonus.grant", entityType: "bonus_grant", entityId: grant.id }));
      const sub = () =>
        db.subaccount.create({
          data: { brandId, subAcct: `tl${uniqueSuffix().replace(/[^A-Za-z0-9]/g, "").slice(0, 12)}`, uid: uniqueSuffix(), accountLevel: 1, enabled: true, canTransferOut: true, exchangeCreatedAt: new Date(), lastSyncedAt: new Date() },
        });
      const kept = await sub();
      const movedAway = await sub();
      await caller.subaccount.link({ id: kept.id, customerId: customer.id, version: 1 });
      await caller.subaccount.link({ id: movedAway.id, customerId: customer.id, version: 1 });
      await caller.subaccount.link({ id: movedAway.id, customerId: neighbour.id, version: 2 });
      // The neighbour's own account is not this customer's history.
      await caller.tradingAccount.open({ customerId: neighbour.id, type: "spot", currency: "USDT", demo: false });

      const actions = (await caller.customer.timeline({ id: customer.id, limit: 100 })).entries.map((e) => `${e.action} ${e.entityId}`);
      expect(actions).toEqual([
        `subaccount.link ${movedAway.id}`,
        `subaccount.link ${movedAway.id}`,
        `subaccount.link ${kept.id}`,
        `bonus.grant ${grant.id}`,
        expect.stringMatching(/^fundlock.lock /),
        `trading_account.open ${account.id}`,
        `customer.signup ${customer.id}`,
      ]);
      const neighbours = (await caller.customer.timeline({ id: neighbour.id, limit: 100 })).entries.map((e) => e.action);
      expect(neighbours).toEqual(["trading_account.open", "subaccount.link", "customer.signup"]);
    });
  });
});

describe("customer groups", () => {
  let brandId: string;
  let caller: Caller;

  beforeAll(async () => {
    brandId = (await createTestBrand()).id;
    caller = (await operator(brandId)).caller;
  });

  it("creates, renames and lists groups with their member counts, audited", async () => {
    const vip = await caller.customerGroup.create({ name: "VIP", description: "Top clients" });
    expect(vip).toMatchObject({ name: "VIP", description: "Top clients", customerCount: 0 });
    const standard = await caller.customerGroup.create({ name: "Standard", description: "" });
    expect(standard.description).toBeNull();
    await createTestCustomer(brandId, { groupId: vip.id });
    await createTestCustomer(brandId, { groupId: vip.id });
    await createTestCustomer(brandId);

    const renamed = await caller.customerGroup.update({ id: vip.id, name: "VIP Gold", description: "Top clients, gold tier" });
    expect(renamed).toMatchObject({ name: "VIP Gold", customerCount: 2 });
    expect((await caller.customerGroup.list()).map((g) => [g.name, g.customerCount])).toEqual([
      ["Standard", 0],
      ["VIP Gold", 2],
    ]);
    const audits = await db.auditLog.findMany({ where: { brandId, entityType: "customer_group" }, orderBy: { seq: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["customer_group.create", "customer_group.create", "customer_group.update"]);
    expect(audits[2].before).toMatchObject({ name: "VIP" });
    expect(audits[2].after).toMatchObject({ name: "VIP Gold" });
  });

  it("keeps names unique in the brand, whatever the case", async () => {
    const group = await caller.customerGroup.create({ name: "Affiliates", description: null });
    await expect(caller.customerGroup.create({ name: "affiliates", description: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'A group named "affiliates" already exists',
      cause: expect.objectContaining({ field: "name", reason: "customers.errors.groupNameTaken", params: { name: "affiliates" } }),
    });
    const other = await caller.customerGroup.create({ name: "Partners", description: null });
    await expect(caller.customerGroup.update({ id: other.id, name: "AFFILIATES", description: null })).rejects.toMatchObject({
      cause: expect.objectContaining({ field: "name" }),
    });
    // Renaming to its own name (another case) is fine.
    expect(await caller.customerGroup.update({ id: group.id, name: "AFFILIATES", description: null })).toMatchObject({ name: "AFFILIATES" });
  });

  it("refuses to delete a group while customers are in it", async () => {
    const group = await caller.customerGroup.create({ name: `Temp ${uniqueSuffix()}`, description: null });
    const member = await createTestCustomer(brandId, { groupId: group.id });
    const another = await createTestCustomer(brandId, { groupId: group.id });
    await expect(caller.customerGroup.delete({ id: group.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `2 customers are still in "${group.name}"; move them to another group first`,
      cause: expect.objectContaining({ reason: "customers.errors.groupHasMembers", params: { count: 2, name: group.name } }),
    });
    await caller.customer.setGroup({ id: another.id, version: 1, groupId: null });
    await expect(caller.customerGroup.delete({ id: group.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `1 customer is still in "${group.name}"; move them to another group first`,
      cause: expect.objectContaining({ reason: "customers.errors.groupHasOneMember" }),
    });
    expect(await db.customerGroup.findUnique({ where: { id: group.id } })).not.toBeNull();
    await caller.customer.setGroup({ id: member.id, version: 1, groupId: null });
    expect(await caller.customerGroup.delete({ id: group.id })).toEqual({ id: group.id });
    expect(await db.customerGroup.findUnique({ where: { id: group.id } })).toBeNull();
    const [audit] = await db.auditLog.findMany({ where: { entityId: group.id, action: "customer_group.delete" } });
    expect(audit.before).toMatchObject({ name: group.name });
  });
});
