/** Permission-matrix and brand-isolation cases for the message procedures (see tests/procedure-cases.ts). */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db, type Prisma } from "@/server/db/client";
import type { Fixture, ProcedureCase } from "../procedure-cases";
import { createTestCustomer, createTestGroup } from "./customers";

type Call = (path: string, input?: unknown) => Promise<unknown>;

const tag = () => randomUUID().slice(0, 8);
const content = { en: { title: "Hello {{name}}", body: "Your uid is {{uid}}." } };
const reason = "Sent to the wrong segment";

/** A message written straight to the database (a sent one to nobody unless told otherwise). */
export const createTestMessage = (brandId: string, data: Partial<Prisma.MessageUncheckedCreateInput> = {}) =>
  db.message.create({
    data: { brandId, type: "marketing", source: "portal", content, audience: { kind: "everyone" }, estimatedCount: 1, status: "sent", ...data },
  });

const messageState = async (id: string) => ({
  message: await db.message.findUniqueOrThrow({ where: { id } }),
  audit: await db.auditLog.count({ where: { entityId: id } }),
});

/** A change aimed at brand B's message: NOT_FOUND, and the message and its audit untouched. */
const refusesBrandB =
  (path: string, data: Partial<Prisma.MessageUncheckedCreateInput>, extra: Record<string, unknown> = {}) =>
  async (f: Fixture, call: Call) => {
    const theirs = await createTestMessage(f.brandB.id, data);
    const before = await messageState(theirs.id);
    await expect(call(path, { id: theirs.id, version: theirs.version, ...extra })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await messageState(theirs.id)).toEqual(before);
  };

/** A read of brand B's message by id: NOT_FOUND. */
const readRefusesBrandB = (path: string) => async (f: Fixture, call: Call) => {
  const theirs = await createTestMessage(f.brandB.id);
  await expect(call(path, { id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
};

const templateState = async (id: string) => db.messageTemplate.findUniqueOrThrow({ where: { id } });
const createTestTemplate = (brandId: string) => db.messageTemplate.create({ data: { brandId, name: `Template ${tag()}`, type: "marketing", content } });

export const MESSAGE_CASES: Record<string, ProcedureCase> = {
  "message.list": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const theirs = await createTestMessage(f.brandB.id);
      const rows = ((await call("message.list", { page: 1, pageSize: 100 })) as { rows: { id: string }[] }).rows;
      expect(rows.map((r) => r.id)).not.toContain(theirs.id);
    },
  },
  "message.get": { input: async (f) => ({ id: (await createTestMessage(f.brandA.id)).id }), isolation: readRefusesBrandB("message.get") },
  "message.stats": { input: async (f) => ({ id: (await createTestMessage(f.brandA.id)).id }), isolation: readRefusesBrandB("message.stats") },
  "message.forCustomer": {
    input: async (f) => ({ customerId: (await createTestCustomer(f.brandA.id)).id }),
    isolation: async (f, call) => {
      const theirs = await createTestCustomer(f.brandB.id);
      await expect(call("message.forCustomer", { customerId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "message.preview": {
    input: async (f) => ({ audience: { kind: "customer", customerId: (await createTestCustomer(f.brandA.id)).id } }),
    isolation: async (f, call) => {
      const group = await createTestGroup(f.brandB.id);
      await createTestCustomer(f.brandB.id, { groupId: group.id });
      await expect(call("message.preview", { audience: { kind: "group", groupId: group.id } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    },
  },
  "message.checkUids": {
    input: async (f) => ({ uids: [String((await createTestCustomer(f.brandA.id)).uid)] }),
    isolation: async (f, call) => {
      const theirs = await createTestCustomer(f.brandB.id);
      expect(await call("message.checkUids", { uids: [String(theirs.uid)] })).toMatchObject({ valid: 0, unknown: [String(theirs.uid)] });
    },
  },
  "message.send": {
    input: async (f) => ({ type: "account", content, audience: { kind: "customer", customerId: (await createTestCustomer(f.brandA.id)).id } }),
    isolation: async (f, call) => {
      const theirs = await createTestCustomer(f.brandB.id);
      await expect(call("message.send", { type: "account", content, audience: { kind: "customer", customerId: theirs.id } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(await db.messageDelivery.count({ where: { customerId: theirs.id } })).toBe(0);
    },
  },
  "message.cancel": {
    input: async (f) => {
      const m = await createTestMessage(f.brandA.id, { status: "scheduled", scheduledAt: new Date(Date.now() + 3_600_000) });
      return { id: m.id, version: m.version, reason };
    },
    isolation: refusesBrandB("message.cancel", { status: "scheduled", scheduledAt: new Date(Date.now() + 3_600_000) }, { reason }),
  },
  "message.retract": {
    input: async (f) => {
      const m = await createTestMessage(f.brandA.id);
      return { id: m.id, version: m.version, reason };
    },
    isolation: refusesBrandB("message.retract", {}, { reason }),
  },
  "message.resume": {
    input: async (f) => {
      const m = await createTestMessage(f.brandA.id, { status: "failed" });
      return { id: m.id, version: m.version };
    },
    isolation: refusesBrandB("message.resume", { status: "failed" }),
  },
  "message.approve": {
    input: async (f) => {
      const m = await createTestMessage(f.brandA.id, { status: "awaiting_approval", scheduledAt: new Date(Date.now() + 3_600_000) });
      return { id: m.id, version: m.version };
    },
    isolation: refusesBrandB("message.approve", { status: "awaiting_approval", scheduledAt: new Date(Date.now() + 3_600_000) }),
  },
  "message.reject": {
    input: async (f) => {
      const m = await createTestMessage(f.brandA.id, { status: "awaiting_approval" });
      return { id: m.id, version: m.version, note: "Too broad an audience" };
    },
    isolation: refusesBrandB("message.reject", { status: "awaiting_approval" }, { note: "Too broad an audience" }),
  },
  "message.templates": {
    input: () => undefined,
    isolation: async (f, call) => {
      const theirs = await createTestTemplate(f.brandB.id);
      expect(((await call("message.templates")) as { id: string }[]).map((t) => t.id)).not.toContain(theirs.id);
    },
  },
  "message.automaticTemplates": {
    input: () => undefined,
    isolation: async (f, call) => {
      await db.messageTemplate.create({ data: { brandId: f.brandB.id, name: `automatic:${tag()}`, type: "account", event: "kyc.approved", enabled: false, content } });
      const mine = (await call("message.automaticTemplates")) as { event: string; enabled: boolean }[];
      expect(mine.find((t) => t.event === "kyc.approved")?.enabled).toBe(true);
    },
  },
  "message.createTemplate": {
    input: () => ({ name: `Welcome ${tag()}`, type: "marketing", content }),
    isolation: async (f, call) => {
      const name = `Welcome ${tag()}`;
      const created = (await call("message.createTemplate", { name, type: "marketing", content })) as { brandId: string };
      expect(created.brandId).toBe(f.brandA.id);
      expect(await db.messageTemplate.count({ where: { brandId: f.brandB.id, name } })).toBe(0);
    },
  },
  "message.updateTemplate": {
    input: async (f) => {
      const t = await createTestTemplate(f.brandA.id);
      return { id: t.id, version: t.version, name: `${t.name} v2`, type: "system", content, enabled: true };
    },
    isolation: async (f, call) => {
      const theirs = await createTestTemplate(f.brandB.id);
      await expect(call("message.updateTemplate", { id: theirs.id, version: 1, name: "Hijacked", type: "system", content, enabled: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await templateState(theirs.id)).toEqual(theirs);
    },
  },
  "message.deleteTemplate": {
    input: async (f) => ({ id: (await createTestTemplate(f.brandA.id)).id }),
    isolation: async (f, call) => {
      const theirs = await createTestTemplate(f.brandB.id);
      await expect(call("message.deleteTemplate", { id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await templateState(theirs.id)).toEqual(theirs);
    },
  },
  "message.saveAutomaticTemplate": {
    input: async (f) => {
      const row = await db.messageTemplate.findFirst({ where: { brandId: f.brandA.id, event: "deposit.credited" } });
      return { event: "deposit.credited", content: { en: { title: "Deposit in", body: "{{amount}} arrived." } }, enabled: true, version: row?.version ?? 0 };
    },
    isolation: async (f, call) => {
      const theirs = await db.messageTemplate.create({ data: { brandId: f.brandB.id, name: `automatic:${tag()}`, type: "risk", event: "fund_lock.applied", content } });
      const mine = await db.messageTemplate.findFirst({ where: { brandId: f.brandA.id, event: "fund_lock.applied" } });
      await call("message.saveAutomaticTemplate", { event: "fund_lock.applied", content, enabled: false, version: mine?.version ?? 0 });
      expect(await templateState(theirs.id)).toEqual(theirs);
    },
  },
  "message.segments": {
    input: () => undefined,
    isolation: async (f, call) => {
      const theirs = await db.messageSegment.create({ data: { brandId: f.brandB.id, name: `Segment ${tag()}`, filter: {} } });
      expect(((await call("message.segments")) as { id: string }[]).map((s) => s.id)).not.toContain(theirs.id);
    },
  },
  "message.createSegment": {
    input: () => ({ name: `VIPs ${tag()}`, filter: { status: ["active"] } }),
    isolation: async (f, call) => {
      const name = `VIPs ${tag()}`;
      await call("message.createSegment", { name, filter: { status: ["active"] } });
      expect(await db.messageSegment.count({ where: { brandId: f.brandA.id, name } })).toBe(1);
      expect(await db.messageSegment.count({ where: { brandId: f.brandB.id, name } })).toBe(0);
    },
  },
  "message.deleteSegment": {
    input: async (f) => ({ id: (await db.messageSegment.create({ data: { brandId: f.brandA.id, name: `Segment ${tag()}`, filter: {} } })).id }),
    isolation: async (f, call) => {
      const theirs = await db.messageSegment.create({ data: { brandId: f.brandB.id, name: `Segment ${tag()}`, filter: {} } });
      await expect(call("message.deleteSegment", { id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.messageSegment.count({ where: { id: theirs.id } })).toBe(1);
    },
  },
  "message.settings": {
    input: () => undefined,
    isolation: async (f, call) => {
      await db.brand.update({ where: { id: f.brandB.id }, data: { messageApprovalThreshold: 4321 } });
      expect(((await call("message.settings")) as { messageApprovalThreshold: number }).messageApprovalThreshold).not.toBe(4321);
    },
  },
  "message.updateSettings": {
    input: () => ({ defaultLanguage: "en", messageApprovalThreshold: 10_000, typeLabels: {} }),
    isolation: async (f, call) => {
      const before = await db.brand.findUniqueOrThrow({ where: { id: f.brandB.id } });
      await call("message.updateSettings", { defaultLanguage: "zh-CN", messageApprovalThreshold: 10_000, typeLabels: {} });
      expect(await db.brand.findUniqueOrThrow({ where: { id: f.brandB.id } })).toEqual(before);
    },
  },
};
