/** Permission-matrix and brand-isolation cases for the customers procedures (see tests/procedure-cases.ts). */
import { randomInt, randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db, type Prisma } from "@/server/db/client";
import type { Fixture, ProcedureCase } from "../procedure-cases";

type Call = (path: string, input?: unknown) => Promise<unknown>;

const tag = () => randomUUID().slice(0, 8);

/** A customer written straight to the database (the procedures under test are not the way to make it). */
export const createTestCustomer = (brandId: string, data: Partial<Prisma.CustomerUncheckedCreateInput> = {}) =>
  db.customer.create({
    data: {
      brandId,
      name: `Customer ${tag()}`,
      email: `customer-${tag()}@example.test`,
      country: "SG",
      registrationSource: "web",
      ...data,
    },
  });

export const createTestGroup = (brandId: string, data: Partial<Prisma.CustomerGroupUncheckedCreateInput> = {}) =>
  db.customerGroup.create({ data: { brandId, name: `Group ${tag()}`, ...data } });

/** A customer and everything hanging off it, to prove a cross-brand call left it alone. */
const customerState = async (id: string) => ({
  customer: await db.customer.findUniqueOrThrow({ where: { id } }),
  notes: await db.customerNote.findMany({ where: { customerId: id }, orderBy: { id: "asc" } }),
  audit: await db.auditLog.count({ where: { entityType: "customer", entityId: id } }),
});

const groupState = async (id: string) => ({
  group: await db.customerGroup.findUnique({ where: { id } }),
  audit: await db.auditLog.count({ where: { entityType: "customer_group", entityId: id } }),
});

/** Calls a procedure aimed at one of brand B's customers: NOT_FOUND, and the customer unchanged. */
const refusesBrandBCustomer =
  (path: string, input: (customerId: string) => unknown, data: Partial<Prisma.CustomerUncheckedCreateInput> = {}) =>
  async (f: Fixture, call: Call) => {
    const target = await createTestCustomer(f.brandB.id, data);
    const before = await customerState(target.id);
    await expect(call(path, input(target.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await customerState(target.id)).toEqual(before);
  };

const refusesBrandBGroup = (path: string, input: (groupId: string) => unknown) => async (f: Fixture, call: Call) => {
  const target = await createTestGroup(f.brandB.id);
  const before = await groupState(target.id);
  await expect(call(path, input(target.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await groupState(target.id)).toEqual(before);
};

const reason = "Requested by the customer";
const profile = () => ({ name: `Registered ${tag()}`, email: `registered-${tag()}@example.test`, country: "GB", language: "en", tags: ["vip"] });

export const CUSTOMER_CASES: Record<string, ProcedureCase> = {
  "customer.list": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const own = await createTestCustomer(f.brandA.id);
      const other = await createTestCustomer(f.brandB.id);
      const all = (await call("customer.list", { page: 1, pageSize: 100 })) as { rows: { id: string }[] };
      expect(all.rows.map((r) => r.id)).toContain(own.id);
      expect(all.rows.map((r) => r.id)).not.toContain(other.id);
      for (const q of [other.email!, other.uid.toString(), other.name]) {
        expect(((await call("customer.list", { page: 1, pageSize: 10, q })) as { total: number }).total, q).toBe(0);
      }
    },
  },
  "customer.get": {
    input: async (f) => ({ id: (await createTestCustomer(f.brandA.id)).id }),
    isolation: refusesBrandBCustomer("customer.get", (id) => ({ id })),
  },
  "customer.timeline": {
    input: async (f) => ({ id: (await createTestCustomer(f.brandA.id)).id }),
    isolation: refusesBrandBCustomer("customer.timeline", (id) => ({ id })),
  },
  "customer.exists": {
    input: () => ({ email: `nobody-${tag()}@example.test` }),
    isolation: async (f, call) => {
      const other = await createTestCustomer(f.brandB.id, { phoneCountryCode: "+65", phone: String(randomInt(10_000_000, 99_999_999)) });
      expect(await call("customer.exists", { email: other.email })).toEqual({ exists: false, field: null });
      expect(await call("customer.exists", { phoneCountryCode: other.phoneCountryCode, phone: other.phone })).toEqual({ exists: false, field: null });
    },
  },
  "customer.register": {
    input: () => profile(),
    isolation: async (f, call) => {
      // Brand B's email is free in brand A, and the new customer is brand A's.
      const other = await createTestCustomer(f.brandB.id);
      const before = await customerState(other.id);
      const created = (await call("customer.register", { ...profile(), email: other.email })) as { id: string };
      expect(await db.customer.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ brandId: f.brandA.id });
      expect(await customerState(other.id)).toEqual(before);
      // Brand B's group cannot be given.
      const groupB = await createTestGroup(f.brandB.id);
      const email = `scoped-${tag()}@example.test`;
      await expect(call("customer.register", { ...profile(), email, groupId: groupB.id })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: expect.objectContaining({ field: "groupId" }),
      });
      expect(await db.customer.count({ where: { email } })).toBe(0);
    },
  },
  "customer.update": {
    input: async (f) => ({ id: (await createTestCustomer(f.brandA.id)).id, version: 1, ...profile() }),
    isolation: refusesBrandBCustomer("customer.update", (id) => ({ id, version: 1, ...profile() })),
  },
  "customer.setGroup": {
    input: async (f) => ({ id: (await createTestCustomer(f.brandA.id)).id, version: 1, groupId: (await createTestGroup(f.brandA.id)).id }),
    isolation: async (f, call) => {
      await refusesBrandBCustomer("customer.setGroup", (id) => ({ id, version: 1, groupId: null }))(f, call);
      // Nor can brand A's customer be put in brand B's group.
      const own = await createTestCustomer(f.brandA.id);
      const groupB = await createTestGroup(f.brandB.id);
      await expect(call("customer.setGroup", { id: own.id, version: 1, groupId: groupB.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect((await db.customer.findUniqueOrThrow({ where: { id: own.id } })).groupId).toBeNull();
    },
  },
  "customer.freeze": {
    input: async (f) => ({ id: (await createTestCustomer(f.brandA.id)).id, version: 1, reason }),
    isolation: refusesBrandBCustomer("customer.freeze", (id) => ({ id, version: 1, reason })),
  },
  "customer.unfreeze": {
    input: async (f) => ({ id: (await createTestCustomer(f.brandA.id, { status: "frozen" })).id, version: 1, reason }),
    isolation: refusesBrandBCustomer("customer.unfreeze", (id) => ({ id, version: 1, reason }), { status: "frozen" }),
  },
  "customer.close": {
    input: async (f) => ({ id: (await createTestCustomer(f.brandA.id)).id, version: 1, reason }),
    isolation: refusesBrandBCustomer("customer.close", (id) => ({ id, version: 1, reason })),
  },
  "customer.notes": {
    input: async (f) => ({ id: (await createTestCustomer(f.brandA.id)).id }),
    isolation: refusesBrandBCustomer("customer.notes", (id) => ({ id })),
  },
  "customer.addNote": {
    input: async (f) => ({ customerId: (await createTestCustomer(f.brandA.id)).id, body: "Called about a deposit" }),
    isolation: refusesBrandBCustomer("customer.addNote", (customerId) => ({ customerId, body: "Planted" })),
  },

  "customerGroup.list": {
    input: () => undefined,
    isolation: async (f, call) => {
      const own = await createTestGroup(f.brandA.id);
      const other = await createTestGroup(f.brandB.id);
      const ids = ((await call("customerGroup.list")) as { id: string }[]).map((g) => g.id);
      expect(ids).toContain(own.id);
      expect(ids).not.toContain(other.id);
    },
  },
  "customerGroup.create": {
    input: () => ({ name: `Group ${tag()}`, description: "Made by the matrix test" }),
    isolation: async (f, call) => {
      // A name taken in brand B is free in brand A, and the group is brand A's.
      const other = await createTestGroup(f.brandB.id);
      const before = await groupState(other.id);
      const created = (await call("customerGroup.create", { name: other.name, description: null })) as { id: string };
      expect(await db.customerGroup.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ brandId: f.brandA.id });
      expect(await groupState(other.id)).toEqual(before);
    },
  },
  "customerGroup.update": {
    input: async (f) => ({ id: (await createTestGroup(f.brandA.id)).id, name: `Renamed ${tag()}`, description: null }),
    isolation: refusesBrandBGroup("customerGroup.update", (id) => ({ id, name: `Hijacked ${tag()}`, description: null })),
  },
  "customerGroup.delete": {
    input: async (f) => ({ id: (await createTestGroup(f.brandA.id)).id }),
    isolation: refusesBrandBGroup("customerGroup.delete", (id) => ({ id })),
  },
};
