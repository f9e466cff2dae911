/** Permission-matrix and brand-isolation cases for the partnerKey procedures (see tests/procedure-cases.ts). */
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { encryptSecret } from "@/server/crypto/secrets";
import { db, type Prisma } from "@/server/db/client";
import type { Fixture, ProcedureCase } from "../procedure-cases";

type Call = (path: string, input?: unknown) => Promise<unknown>;

const fields = { label: "Partner CRM", scopes: ["customers:read"], ipAllowlist: ["203.0.113.0/24"], expiresAt: null, rateLimitPerSecond: 20 };

/** A live key written straight to the database (the service under test is not the way to make it). */
export const createTestPartnerKey = (brandId: string, data: Partial<Prisma.PartnerKeyUncheckedCreateInput> = {}) =>
  db.partnerKey.create({
    data: { brandId, accessKey: `bdk_${randomBytes(12).toString("hex")}`, secretEnc: encryptSecret("test-secret"), label: "Test key", scopes: ["customers:read"], ...data },
  });

/** A key and its audit trail, to prove a cross-brand call left it alone. */
const keyState = async (id: string) => ({
  key: await db.partnerKey.findUniqueOrThrow({ where: { id } }),
  audit: await db.auditLog.count({ where: { entityType: "partner_key", entityId: id } }),
});

/** Calls a by-id mutation at brand B's key: NOT_FOUND, and the key (and the key count of B) unchanged. */
const refusesBrandBKey = (path: string, extra: Record<string, unknown>) => async (f: Fixture, call: Call) => {
  const key = await createTestPartnerKey(f.brandB.id);
  const before = await keyState(key.id);
  const countB = await db.partnerKey.count({ where: { brandId: f.brandB.id } });
  await expect(call(path, { id: key.id, version: key.version, ...extra })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await keyState(key.id)).toEqual(before);
  expect(await db.partnerKey.count({ where: { brandId: f.brandB.id } })).toBe(countB);
};

export const PARTNER_KEY_CASES: Record<string, ProcedureCase> = {
  "partnerKey.list": {
    input: () => ({}),
    isolation: async (f, call) => {
      const own = await createTestPartnerKey(f.brandA.id);
      const other = await createTestPartnerKey(f.brandB.id);
      const ids = ((await call("partnerKey.list", {})) as { id: string }[]).map((r) => r.id);
      expect(ids).toContain(own.id);
      expect(ids).not.toContain(other.id);
    },
  },
  "partnerKey.create": {
    input: () => fields,
    isolation: async (f, call) => {
      const countB = await db.partnerKey.count({ where: { brandId: f.brandB.id } });
      const created = (await call("partnerKey.create", fields)) as { key: { id: string } };
      expect((await db.partnerKey.findUniqueOrThrow({ where: { id: created.key.id } })).brandId).toBe(f.brandA.id);
      expect(await db.partnerKey.count({ where: { brandId: f.brandB.id } })).toBe(countB);
    },
  },
  "partnerKey.update": {
    input: async (f) => {
      const key = await createTestPartnerKey(f.brandA.id);
      return { id: key.id, version: key.version, ...fields, label: "Renamed" };
    },
    isolation: refusesBrandBKey("partnerKey.update", { ...fields, label: "Taken over" }),
  },
  "partnerKey.revoke": {
    input: async (f) => {
      const key = await createTestPartnerKey(f.brandA.id);
      return { id: key.id, version: key.version };
    },
    isolation: refusesBrandBKey("partnerKey.revoke", {}),
  },
  "partnerKey.rotate": {
    input: async (f) => {
      const key = await createTestPartnerKey(f.brandA.id);
      return { id: key.id, version: key.version, overlapHours: 24 };
    },
    isolation: refusesBrandBKey("partnerKey.rotate", { overlapHours: 0 }),
  },
};
