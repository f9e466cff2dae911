/** Staff management rules through the real router: audit in the same transaction, guards, resets. */
import { describe, expect, it } from "vitest";
import { attemptLogin } from "@/server/auth/login";
import { createSession } from "@/server/auth/sessions";
import { db } from "@/server/db/client";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

const createCaller = createCallerFactory(appRouter);

async function adminOf(brandId: string) {
  const { user } = await createTestStaff({ brandId, role: "admin" });
  return { user, caller: createCaller(await staffContext(user, { tenantId: brandId })) };
}

describe("staff management", () => {
  it("creates a member with a one-time temporary password that must be changed, and audits it", async () => {
    const brand = await createTestBrand();
    const { user: admin, caller } = await adminOf(brand.id);
    const { user, temporaryPassword } = await caller.staff.create({ email: "New.Person@Example.test", name: "New Person", role: "compliance" });
    expect(user).toMatchObject({ email: "new.person@example.test", role: "compliance", status: "active" });
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9-]{14,}!$/);

    const stored = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ brandId: brand.id, mustChangePassword: true });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await attemptLogin(db, { email: user.email, password: temporaryPassword }, { ip: null, userAgent: null })).status).toBe("ok");

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "staff.create", entityId: user.id } });
    expect(audit).toMatchObject({ brandId: brand.id, actorId: admin.id, actorLabel: admin.email });
    expect(JSON.stringify(audit.after)).not.toContain(temporaryPassword);
  });

  it("names the field and changes nothing on bad input", async () => {
    const brand = await createTestBrand();
    const { caller } = await adminOf(brand.id);
    const { user: existing } = await createTestStaff({ brandId: brand.id, role: "support" });
    const before = await db.staffUser.count({ where: { brandId: brand.id } });
    const auditsBefore = await db.auditLog.count({ where: { brandId: brand.id } });

    await expect(caller.staff.create({ email: existing.email, name: "Dup", role: "support" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: expect.objectContaining({ field: "email" }),
    });
    await expect(caller.staff.create({ email: "not-an-email", name: "X", role: "support" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Brand admins cannot mint platform admins.
    await expect(caller.staff.create({ email: "p@example.test", name: "P", role: "platform_admin" as "admin" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.staffUser.count({ where: { brandId: brand.id } })).toBe(before);
    expect(await db.auditLog.count({ where: { brandId: brand.id } })).toBe(auditsBefore);
  });

  it("keeps at least one active admin and refuses self-disable", async () => {
    const brand = await createTestBrand();
    const { user: admin, caller } = await adminOf(brand.id);
    await expect(caller.staff.setStatus({ id: admin.id, status: "disabled" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const { user: second } = await createTestStaff({ brandId: brand.id, role: "admin" });
    await caller.staff.setStatus({ id: second.id, status: "disabled" });

    // `admin` is now the brand's only active admin: a platform admin can neither disable nor demote them.
    const { user: platform } = await createTestStaff({ brandId: null, role: "platform_admin" });
    const platformCaller = createCaller(await staffContext(platform, { tenantId: brand.id }));
    await expect(platformCaller.staff.setStatus({ id: admin.id, status: "disabled" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(platformCaller.staff.update({ id: admin.id, name: admin.name, role: "support" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "admin", status: "active" });
  });

  it("disabling a member or resetting their password or 2FA ends their sessions", async () => {
    const brand = await createTestBrand();
    const { caller } = await adminOf(brand.id);
    const { user } = await createTestStaff({ brandId: brand.id, role: "marketing", totp: true });
    const open = () => db.staffSession.count({ where: { userId: user.id, revokedAt: null } });

    await createSession(db, user.id, { ip: null, userAgent: null });
    const { temporaryPassword } = await caller.staff.resetPassword({ id: user.id });
    expect(await open()).toBe(0);
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ mustChangePassword: true });
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(16);

    await createSession(db, user.id, { ip: null, userAgent: null });
    await caller.staff.resetTotp({ id: user.id });
    expect(await open()).toBe(0);
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ totpSecretEnc: null, totpEnabledAt: null });

    await createSession(db, user.id, { ip: null, userAgent: null });
    await caller.staff.setStatus({ id: user.id, status: "disabled" });
    expect(await open()).toBe(0);

    const actions = (await db.auditLog.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["staff.reset_password", "staff.reset_totp", "staff.disable"]));
  });

  it("lists with server-side filters, search, sort and paging", async () => {
    const brand = await createTestBrand();
    const { caller } = await adminOf(brand.id);
    for (let i = 0; i < 12; i++) await createTestStaff({ brandId: brand.id, role: i % 2 ? "support" : "operations" });
    const page1 = await caller.staff.list({ page: 1, pageSize: 10, role: ["support"], sort: "email", dir: "asc" });
    expect(page1.total).toBe(6);
    expect(page1.rows).toHaveLength(6);
    expect(page1.rows.every((r) => r.role === "support")).toBe(true);
    expect(page1.rows.map((r) => r.email)).toEqual([...page1.rows.map((r) => r.email)].sort());
    const page2 = await caller.staff.list({ page: 2, pageSize: 10 });
    expect(page2.rows).toHaveLength(13 - 10);
  });
});
