/**
 * The audit log in words, through the real router and export: rows name the staff member who acted, the
 * record (linked) and its customer; secrets never leave the server, even from a row written before
 * redaction; addresses are normalised when written and when read; the CSV carries the action's name; the
 * customer timeline names staff; and the demo seed's frozen customers get the freeze a real one records.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { recordMissingFreezes } from "@/prisma/seed/freezes";
import type { TenantContext } from "@/server/actor";
import { recordAudit } from "@/server/audit/audit";
import { db } from "@/server/db/client";
import { startExport } from "@/server/export/export";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { createTestCustomer, createTestGroup } from "../cases/customers";
import { account } from "../helpers/bonuses";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const createCaller = createCallerFactory(appRouter);
const SECRETS = ["pp-SECRET-1f2e", "pw-SECRET-9a8b", "tk-SECRET-7c6d"];

async function member(brandId: string, role: "operations" | "admin") {
  const { user } = await createTestStaff({ brandId, role });
  const context = await staffContext(user, { tenantId: brandId });
  return { user, ctx: context as TenantContext, caller: createCaller(context) };
}

describe("readable audit log", () => {
  let brandId: string;
  let ops: Awaited<ReturnType<typeof member>>;
  let admin: Awaited<ReturnType<typeof member>>;

  beforeAll(async () => {
    brandId = (await createTestBrand()).id;
    ops = await member(brandId, "operations");
    admin = await member(brandId, "admin");
  });

  const list = (input: Record<string, unknown> = {}) => admin.caller.audit.list({ page: 1, pageSize: 100, dir: "desc", ...input });

  it("names the actor and links the customer a change was made to", async () => {
    const customer = await createTestCustomer(brandId, { name: "Emma Clarke" });
    await ops.caller.customer.freeze({ id: customer.id, version: 1, reason: "Chargeback dispute" });
    const { rows } = await list({ entityId: customer.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "customer.freeze",
      actorName: ops.user.name,
      actorLabel: ops.user.email,
      entity: { label: "Emma Clarke", href: `/customers/${customer.id}` },
      customer: null,
      ip: "127.0.0.1",
    });
    expect(rows[0]!.after).toMatchObject({ status: "frozen", statusReason: "Chargeback dispute" });
  });

  it("links what a customer owns to its customer, and names a deleted record from its snapshot", async () => {
    const acct = await account(brandId, {}, { name: "Liang Wei" });
    await db.$transaction((tx) =>
      recordAudit(tx, ops.ctx, { brandId, action: "trading_account.adjust_cash", entityType: "trading_account", entityId: acct.id, after: { amount: "10" } }),
    );
    const group = await createTestGroup(brandId, { name: "Gold desk" });
    await admin.caller.customerGroup.delete({ id: group.id });

    const byAccount = (await list({ entityId: acct.id })).rows[0]!;
    expect(byAccount.entity).toEqual({ label: "USDT spot", href: `/customers/${acct.customerId}?tab=trading-accounts` });
    expect(byAccount.customer).toEqual({ label: "Liang Wei", href: `/customers/${acct.customerId}` });
    const deleted = (await list({ entityId: group.id })).rows[0]!;
    expect(deleted).toMatchObject({ action: "customer_group.delete", actorName: admin.user.name, entity: { label: "Gold desk" } });
  });

  it("finds entries by the actor's name", async () => {
    const { rows } = await list({ actor: ops.user.name.toUpperCase() });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.actorName))).toEqual(new Set([ops.user.name]));
  });

  it("normalises an IPv4-mapped address when it writes the entry", async () => {
    const mapped = { ...ops.ctx, request: { ip: "::ffff:203.0.113.9", userAgent: "vitest" } };
    const customer = await createTestCustomer(brandId);
    await db.$transaction((tx) => recordAudit(tx, mapped, { brandId, action: "customer.note_add", entityType: "customer", entityId: customer.id, after: { body: "hi" } }));
    const stored = await db.auditLog.findFirstOrThrow({ where: { brandId, entityId: customer.id } });
    expect(stored.ip).toBe("203.0.113.9");
  });

  it("never lets a secret out, in the list or the CSV, even from a row written before redaction; old addresses read normalised", async () => {
    const customer = await createTestCustomer(brandId);
    // A row as an older version could have written it: raw secrets, an unnormalised address.
    const last = await db.auditLog.findFirstOrThrow({ where: { chain: brandId }, orderBy: { seq: "desc" } });
    await db.auditLog.create({
      data: {
        chain: brandId,
        seq: last.seq + 1,
        brandId,
        actorType: "staff",
        actorId: ops.user.id,
        actorLabel: ops.user.email,
        action: "brand.exchange_credentials_set",
        entityType: "customer",
        entityId: customer.id,
        before: { okxPassphrase: null },
        after: { okxPassphrase: SECRETS[0], nested: { password: SECRETS[1] }, list: [{ apiToken: SECRETS[2] }], label: "kept" },
        ip: "::ffff:10.0.0.7",
        createdAt: new Date(),
        prevHash: last.hash,
        hash: "legacy",
      },
    });
    const page = await list({ entityId: customer.id });
    const text = JSON.stringify(page);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(page.rows[0]!.after).toMatchObject({ okxPassphrase: "[REDACTED]", nested: { password: "[REDACTED]" }, label: "kept" });
    expect(page.rows[0]!.ip).toBe("10.0.0.7");

    const csv = await new Response(await startExport(admin.ctx, "audit", new URLSearchParams({ entityId: customer.id, headers: "machine" }))).text();
    for (const secret of SECRETS) expect(csv).not.toContain(secret);
    const [header, row] = csv.replace(/^\uFEFF/, "").split("\r\n");
    const columns = header!.split(",");
    expect(columns.indexOf("action_name")).toBe(columns.indexOf("action") + 1);
    expect(row).toContain("brand.exchange_credentials_set,Exchange credentials saved");
    expect(row).toContain(ops.user.name);
  });
});

describe("customer timeline", () => {
  it("names staff by name, and the seed's frozen customers carry the freeze a real one records", async () => {
    const brandId = (await createTestBrand()).id;
    const ops = await member(brandId, "operations");
    const frozenAt = new Date(Date.now() - 5 * 24 * 3_600_000);
    const customer = await createTestCustomer(brandId, { status: "frozen", statusReason: "Chargeback dispute", statusChangedAt: frozenAt });

    expect(await recordMissingFreezes(db, brandId, ops.ctx)).toBe(1);
    expect(await recordMissingFreezes(db, brandId, ops.ctx)).toBe(0);

    const { entries } = await ops.caller.customer.timeline({ id: customer.id, limit: 30 });
    const freeze = entries.find((e) => e.action === "customer.freeze");
    expect(freeze).toMatchObject({ actorType: "staff", actorName: ops.user.name, at: frozenAt });
    expect(freeze!.before).toMatchObject({ status: "active", statusReason: null, version: 1 });
    expect(freeze!.after).toMatchObject({ status: "frozen", statusReason: "Chargeback dispute", version: 2 });
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).version).toBe(2);

    await ops.caller.customer.unfreeze({ id: customer.id, version: 2, reason: "Dispute settled" });
    const latest = (await ops.caller.customer.timeline({ id: customer.id, limit: 30 })).entries[0]!;
    expect(latest).toMatchObject({ action: "customer.unfreeze", actorName: ops.user.name });
  });
});
