/**
 * Sending a message against the real database and Redis: the audience snapshot (fixed when sending starts),
 * the chunked fan-out (a crash mid-way, two workers at once, a retract during it — each recipient exactly
 * once), the scheduled send by the dispatcher, approval above the brand's threshold, locale fallback, and
 * the refusals (past schedule, unknown variable, empty audience, a CSV of uids with bad rows).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processMessageFanout } from "@/jobs/workers/message-fanout";
import type { TenantContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { checkUids } from "@/server/messages/audience";
import { dispatchMessages } from "@/server/messages/dispatch";
import { deliver, takeSnapshot } from "@/server/messages/fanout";
import { closeProducerConnection, configureJobs } from "@/server/queues/connection";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { createTestCustomer, createTestGroup } from "../cases/customers";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import { deleteRedisKeys, underPrefixes } from "../helpers/redis";

const createCaller = createCallerFactory(appRouter);
const prefix = `test-messages-${randomUUID().slice(0, 8)}`;
const content = { en: { title: "Hello {{name}}", body: "Your uid is {{uid}}." }, "zh-CN": { title: "你好 {{name}}", body: "您的 uid 是 {{uid}}。" } };

async function member(brandId: string, role: "admin" | "marketing" = "marketing") {
  const { user } = await createTestStaff({ brandId, role });
  const ctx = await staffContext(user, { tenantId: brandId });
  return { user, ctx: ctx as TenantContext, caller: createCaller(ctx) };
}

const deliveries = (messageId: string) => db.messageDelivery.findMany({ where: { messageId }, orderBy: { customerId: "asc" } });
const message = (id: string) => db.message.findUniqueOrThrow({ where: { id } });

/** A group of `n` customers of the brand (every third reads Chinese). */
async function groupOf(brandId: string, n: number) {
  const group = await createTestGroup(brandId);
  const customers = [];
  for (let i = 0; i < n; i++) customers.push(await createTestCustomer(brandId, { groupId: group.id, language: i % 3 === 0 ? "zh-CN" : "en" }));
  return { group, customers };
}

/** A message written straight to the database, due now, to the group. */
const dueMessage = (brandId: string, groupId: string, data: Partial<Parameters<typeof db.message.create>[0]["data"]> = {}) =>
  db.message.create({
    data: { brandId, type: "marketing", source: "portal", content, audience: { kind: "group", groupId }, estimatedCount: 0, status: "scheduled", scheduledAt: new Date(), ...data },
  });

describe("message fan-out", () => {
  let brandId: string;
  let marketing: Awaited<ReturnType<typeof member>>;
  let admin: Awaited<ReturnType<typeof member>>;

  beforeAll(async () => {
    configureJobs({ prefix, redisUrl: env.REDIS_URL });
    brandId = (await createTestBrand({ messageApprovalThreshold: 5 })).id;
    marketing = await member(brandId);
    admin = await member(brandId, "admin");
  });
  afterAll(async () => {
    await deleteRedisKeys(underPrefixes([prefix]));
    await closeProducerConnection();
  });

  it("fixes the audience when sending starts: who joins later gets nothing, who leaves still gets it", async () => {
    const { group, customers } = await groupOf(brandId, 25);
    const m = await dueMessage(brandId, group.id);
    expect(await takeSnapshot(db, m.id, 10)).toBe(true);
    expect(await takeSnapshot(db, m.id, 10)).toBe(false); // a second start takes nothing
    const late = await createTestCustomer(brandId, { groupId: group.id });
    await db.customer.update({ where: { id: customers[0]!.id }, data: { groupId: null } });

    expect(await deliver(db, m.id)).toEqual({ outcome: "sent", delivered: 25, recipients: 25 });
    const rows = await deliveries(m.id);
    expect(rows.map((d) => d.customerId).sort()).toEqual(customers.map((c) => c.id).sort());
    expect(rows.some((d) => d.customerId === late.id)).toBe(false);
    expect(await message(m.id)).toMatchObject({ status: "sent", recipientCount: 25, deliveredCount: 25 });
    expect(await db.messageRecipientChunk.count({ where: { messageId: m.id } })).toBe(0);
  });

  it("gives each customer their language, and the brand's default (else the one there is) when the text lacks it", async () => {
    const { group, customers } = await groupOf(brandId, 6);
    const both = await dueMessage(brandId, group.id);
    const englishOnly = await dueMessage(brandId, group.id, { content: { en: content.en } });
    for (const m of [both, englishOnly]) {
      await takeSnapshot(db, m.id);
      await deliver(db, m.id);
    }
    const language = new Map(customers.map((c) => [c.id, c.language]));
    for (const d of await deliveries(both.id)) expect(d.locale).toBe(language.get(d.customerId));
    expect(new Set((await deliveries(englishOnly.id)).map((d) => d.locale))).toEqual(new Set(["en"]));
  });

  it("resumes after a crash between chunks and with two workers at once delivers each recipient exactly once", async () => {
    const { group, customers } = await groupOf(brandId, 35);
    const m = await dueMessage(brandId, group.id);
    await takeSnapshot(db, m.id, 10);
    let chunks = 0;
    const crash = deliver(db, m.id, () => {
      if (++chunks === 2) throw new Error("worker killed");
    });
    await expect(crash).rejects.toThrow("worker killed");
    expect((await message(m.id)).deliveredCount).toBe(20);

    const [a, b] = await Promise.all([deliver(db, m.id), deliver(db, m.id)]);
    expect([a.outcome, b.outcome]).toContain("sent");
    const rows = await deliveries(m.id);
    expect(rows).toHaveLength(35);
    expect(new Set(rows.map((d) => d.customerId)).size).toBe(customers.length);
    expect(await message(m.id)).toMatchObject({ status: "sent", deliveredCount: 35 });
  });

  it("marks a send failed on the job's last attempt, and resumes it from the snapshot", async () => {
    const { group } = await groupOf(brandId, 4);
    const segment = await db.messageSegment.create({ data: { brandId, name: `Gone ${randomUUID()}`, filter: { group: [group.id] } } });
    const m = await dueMessage(brandId, group.id, { audience: { kind: "segment", segmentId: segment.id } });
    await db.messageSegment.delete({ where: { id: segment.id } });
    const lastAttempt = { updateProgress: async () => undefined, attemptsMade: 4, opts: { attempts: 5 } };
    await expect(processMessageFanout({ brandId, messageId: m.id }, db, lastAttempt)).rejects.toThrow();
    expect(await message(m.id)).toMatchObject({ status: "failed", recipientCount: null });

    await db.message.update({ where: { id: m.id }, data: { audience: { kind: "group", groupId: group.id } } });
    const failed = await message(m.id);
    expect(await marketing.caller.message.resume({ id: m.id, version: failed.version })).toMatchObject({ status: "scheduled" });
    await processMessageFanout({ brandId, messageId: m.id }, db);
    expect(await message(m.id)).toMatchObject({ status: "sent", recipientCount: 4, deliveredCount: 4 });
  });

  it("stops a fan-out that is retracted mid-way and hides what was delivered", async () => {
    const { group } = await groupOf(brandId, 25);
    const sent = await dueMessage(brandId, group.id, { createdById: marketing.user.id });
    await takeSnapshot(db, sent.id, 10);
    const outcome = await deliver(db, sent.id, async () => {
      const { version } = await message(sent.id);
      await marketing.caller.message.retract({ id: sent.id, version, reason: "Wrong offer" });
    });
    expect(outcome).toMatchObject({ outcome: "stopped", delivered: 10 });
    expect(await message(sent.id)).toMatchObject({ status: "retracted", endReason: "Wrong offer", deliveredCount: 10 });
    expect(await db.messageRecipientChunk.count({ where: { messageId: sent.id } })).toBe(0);
    const audit = await db.auditLog.findMany({ where: { entityId: sent.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["message.retract"]);
  });

  it("sends a scheduled message when the dispatcher finds it due, through the fan-out job", async () => {
    const { group } = await groupOf(brandId, 3);
    const sent = await marketing.caller.message.send({ type: "system", content, audience: { kind: "group", groupId: group.id }, scheduledAt: new Date(Date.now() + 60_000) });
    expect(sent).toMatchObject({ status: "scheduled", estimatedCount: 3 });
    const enqueued: string[] = [];
    const enqueueFanout = async (m: { id: string; brandId: string }) => {
      enqueued.push(m.id);
      await processMessageFanout({ brandId: m.brandId, messageId: m.id }, db);
    };
    await dispatchMessages({ db, enqueueFanout });
    expect(enqueued).not.toContain(sent.id); // not due yet
    await db.message.update({ where: { id: sent.id }, data: { scheduledAt: new Date(Date.now() - 1000) } });
    await dispatchMessages({ db, enqueueFanout });
    expect(enqueued).toContain(sent.id);
    expect(await message(sent.id)).toMatchObject({ status: "sent", recipientCount: 3, deliveredCount: 3 });
  });

  it("sends one customer's message in the request, and cancels a scheduled one with its reason", async () => {
    const customer = await createTestCustomer(brandId);
    const now = await marketing.caller.message.send({ type: "account", content, audience: { kind: "customer", customerId: customer.id } });
    expect(now.status).toBe("sent");
    expect(await deliveries(now.id)).toHaveLength(1);
    const titled = async (q: string) => (await marketing.caller.message.list({ page: 1, pageSize: 100, q })).rows.map((r) => r.id);
    expect(await titled("hELLo {{")).toContain(now.id);
    expect(await titled("你好")).toContain(now.id);
    expect(await titled("100%_none")).not.toContain(now.id);

    const later = await marketing.caller.message.send({ type: "account", content, audience: { kind: "customer", customerId: customer.id }, scheduledAt: new Date(Date.now() + 3_600_000) });
    await marketing.caller.message.cancel({ id: later.id, version: 1, reason: "Not needed" });
    expect(await message(later.id)).toMatchObject({ status: "cancelled", endReason: "Not needed" });
    await expect(marketing.caller.message.cancel({ id: now.id, version: 1, reason: "Too late" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("holds a send above the threshold for another admin's approval", async () => {
    const { group } = await groupOf(brandId, 6);
    const held = await admin.caller.message.send({ type: "marketing", content, audience: { kind: "group", groupId: group.id }, scheduledAt: new Date(Date.now() + 60_000) });
    expect(held.status).toBe("awaiting_approval");
    await expect(admin.caller.message.approve({ id: held.id, version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(marketing.caller.message.approve({ id: held.id, version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await member(brandId, "admin");
    expect(await other.caller.message.approve({ id: held.id, version: 1, note: "Fine" })).toMatchObject({ status: "scheduled" });
    const inbox = await other.caller.approvals.list({}).catch(() => null);
    if (inbox) expect(JSON.stringify(inbox)).not.toContain(held.id);
  });

  it("refuses a past schedule, an unknown variable, an empty audience and another brand's group — naming the field", async () => {
    const { group } = await groupOf(brandId, 1);
    const send = (input: Partial<Parameters<typeof marketing.caller.message.send>[0]>) =>
      marketing.caller.message.send({ type: "marketing", content, audience: { kind: "group", groupId: group.id }, ...input });
    await expect(send({ scheduledAt: new Date(Date.now() - 60_000) })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "scheduledAt" } });
    await expect(send({ content: { en: { title: "Hi", body: "You won {{prize}}" } } })).rejects.toMatchObject({ cause: { field: "content.en.body", params: { variable: "prize" } } });
    const empty = await createTestGroup(brandId);
    await expect(send({ audience: { kind: "group", groupId: empty.id } })).rejects.toMatchObject({ cause: { field: "audience", reason: "messages.errors.audienceEmpty" } });
    const otherBrand = await createTestBrand();
    const theirs = await createTestGroup(otherBrand.id);
    await expect(send({ audience: { kind: "group", groupId: theirs.id } })).rejects.toMatchObject({ cause: { field: "audience.groupId" } });
    expect(await db.message.count({ where: { brandId, audience: { path: ["groupId"], equals: empty.id } } })).toBe(0);
  });

  it("lets only an approver move the approval threshold; marketing may rename the types", async () => {
    const own = (await createTestBrand()).id;
    const [m, a] = [await member(own), await member(own, "admin")];
    const labels = { marketing: { en: "Deals", "zh-CN": "特惠" } };
    await expect(m.caller.message.updateSettings({ defaultLanguage: "en", messageApprovalThreshold: 1_000_000, typeLabels: {} })).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { field: "messageApprovalThreshold" },
    });
    await m.caller.message.updateSettings({ defaultLanguage: "zh-CN", messageApprovalThreshold: 10_000, typeLabels: labels });
    await a.caller.message.updateSettings({ defaultLanguage: "zh-CN", messageApprovalThreshold: 50, typeLabels: labels });
    expect(await db.brand.findUniqueOrThrow({ where: { id: own } })).toMatchObject({ defaultLanguage: "zh-CN", messageApprovalThreshold: 50, messageTypeLabels: labels });
  });

  it("reports unknown, duplicate, other-brand and closed uids in a CSV without telling the last two apart from unknown", async () => {
    const [a, b] = [await createTestCustomer(brandId), await createTestCustomer(brandId, { status: "closed" })];
    const foreign = await createTestCustomer((await createTestBrand()).id);
    const report = await checkUids(db, marketing.ctx, [String(a.uid), String(a.uid), String(b.uid), String(foreign.uid), "999999999999"]);
    expect(report).toMatchObject({
      valid: 1,
      duplicates: [String(a.uid)],
      closed: [String(b.uid)],
      counts: { duplicates: 1, unknown: 2, closed: 1 },
    });
    expect(report.unknown.sort()).toEqual([String(foreign.uid), "999999999999"].sort());
  });
});
