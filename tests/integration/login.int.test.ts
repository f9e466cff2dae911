/** Sign-in rules against the real database: password, TOTP, enrolment, lockout, replay, sessions. */
import { describe, expect, it } from "vitest";
import { attemptLogin, startLoginEnrolment } from "@/server/auth/login";
import { createSession, validateSession } from "@/server/auth/sessions";
import { totpCode } from "@/server/auth/totp";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { createTestBrand, createTestStaff } from "../helpers/db";

// An address of this run's own: failed sign-ins count per address for 15 minutes (server/auth/source-limit.ts).
const request = { ip: `203.0.113.${Math.floor(Math.random() * 250) + 1}`, userAgent: "vitest" };

async function auditActions(entityId: string) {
  const rows = await db.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } });
  return rows.map((r) => r.action);
}

describe("attemptLogin", () => {
  it("signs in with the right password, opens a session and audits it", async () => {
    const brand = await createTestBrand();
    const { user, password } = await createTestStaff({ brandId: brand.id, role: "operations" });
    const outcome = await attemptLogin(db, { email: user.email.toUpperCase(), password }, request);
    expect(outcome.status).toBe("ok");
    if (outcome.status !== "ok") return;
    const session = await db.staffSession.findUniqueOrThrow({ where: { id: outcome.sessionId } });
    expect(session).toMatchObject({ userId: user.id, ip: request.ip, revokedAt: null });
    const login = await db.auditLog.findFirstOrThrow({ where: { action: "auth.login", entityId: user.id } });
    expect(login).toMatchObject({ brandId: brand.id, actorId: user.id, ip: request.ip, userAgent: "vitest" });
  });

  it("answers the same generic failure for a wrong password and an unknown email", async () => {
    const brand = await createTestBrand();
    const { user } = await createTestStaff({ brandId: brand.id, role: "support" });
    expect(await attemptLogin(db, { email: user.email, password: "wrong-password" }, request)).toEqual({ status: "failed" });
    expect(await attemptLogin(db, { email: "nobody@nowhere.test", password: "x" }, request)).toEqual({ status: "failed" });
    const after = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.failedLoginCount).toBe(1);
    expect(await auditActions(user.id)).toContain("auth.login_failed");
  });

  it(`locks the account after ${env.LOGIN_MAX_FAILURES} failures, refuses even the right password, and lets it in after the lock`, async () => {
    const brand = await createTestBrand();
    const { user, password } = await createTestStaff({ brandId: brand.id, role: "marketing" });
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i++) {
      expect((await attemptLogin(db, { email: user.email, password: `bad-${i}` }, request)).status).toBe("failed");
    }
    const locked = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (env.LOGIN_LOCK_MINUTES - 1) * 60_000);
    expect(await attemptLogin(db, { email: user.email, password }, request)).toEqual({ status: "failed" });
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(["auth.locked", "auth.login_refused_locked"]));

    // Fifteen minutes later (moved back in time here) the right password works and the counter resets.
    await db.staffUser.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await attemptLogin(db, { email: user.email, password }, request)).status).toBe("ok");
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it("asks for the TOTP code after a right password, counts a wrong code as a failure, and refuses a replayed code", async () => {
    const brand = await createTestBrand();
    const { user, password, totpSecret } = await createTestStaff({ brandId: brand.id, role: "admin", totp: true });
    expect(await attemptLogin(db, { email: user.email, password }, request)).toEqual({ status: "totp_required" });
    expect(await attemptLogin(db, { email: user.email, password, totp: "000000" }, request)).toEqual({ status: "failed" });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);

    const code = await totpCode(totpSecret!);
    expect((await attemptLogin(db, { email: user.email, password, totp: code }, request)).status).toBe("ok");
    // The same code a second time (shoulder-surfed, replayed) is refused.
    expect(await attemptLogin(db, { email: user.email, password, totp: code }, request)).toEqual({ status: "failed" });
  });

  it("makes an admin without TOTP enrol: QR first, then a valid code turns it on", async () => {
    const brand = await createTestBrand();
    const { user, password } = await createTestStaff({ brandId: brand.id, role: "admin" });
    expect(await attemptLogin(db, { email: user.email, password }, request)).toEqual({ status: "enrol_required" });
    expect(await startLoginEnrolment(db, { email: user.email, password: "wrong" }, request)).toBeNull();

    const enrolment = await startLoginEnrolment(db, { email: user.email, password }, request);
    expect(enrolment?.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(enrolment?.uri).toContain("otpauth://totp/");
    const stored = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpPendingSecretEnc).not.toContain(enrolment!.secret); // encrypted at rest

    const outcome = await attemptLogin(db, { email: user.email, password, totp: await totpCode(enrolment!.secret) }, request);
    expect(outcome.status).toBe("ok");
    const enrolled = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(enrolled.totpEnabledAt).not.toBeNull();
    expect(enrolled.totpPendingSecretEnc).toBeNull();
    expect(await auditActions(user.id)).toContain("auth.totp_enrolled");
  });

  it("requires TOTP for every role when the brand says so", async () => {
    const brand = await createTestBrand({ require2fa: true });
    const { user, password } = await createTestStaff({ brandId: brand.id, role: "support" });
    expect(await attemptLogin(db, { email: user.email, password }, request)).toEqual({ status: "enrol_required" });
  });

  it("refuses disabled staff and staff of a disabled brand", async () => {
    const brand = await createTestBrand();
    const { user, password } = await createTestStaff({ brandId: brand.id, role: "operations" });
    await db.staffUser.update({ where: { id: user.id }, data: { status: "disabled" } });
    expect(await attemptLogin(db, { email: user.email, password }, request)).toEqual({ status: "failed" });

    const other = await createTestStaff({ brandId: (await createTestBrand({ status: "disabled" })).id, role: "operations" });
    expect(await attemptLogin(db, { email: other.user.email, password: other.password }, request)).toEqual({ status: "failed" });
  });
});

describe("sessions", () => {
  it(`end after ${env.SESSION_IDLE_MINUTES} idle minutes, after ${env.SESSION_ABSOLUTE_MINUTES} minutes in all, and on revoke`, async () => {
    const brand = await createTestBrand();
    const { user } = await createTestStaff({ brandId: brand.id, role: "operations" });
    const now = Date.now();

    const fresh = await createSession(db, user.id, request);
    expect(await validateSession(db, fresh.id)).not.toBeNull();

    const idle = await createSession(db, user.id, request);
    await db.staffSession.update({ where: { id: idle.id }, data: { lastSeenAt: new Date(now - (env.SESSION_IDLE_MINUTES + 1) * 60_000) } });
    expect(await validateSession(db, idle.id)).toBeNull();
    expect((await db.staffSession.findUniqueOrThrow({ where: { id: idle.id } })).revokedAt).not.toBeNull();

    const old = await createSession(db, user.id, request);
    await db.staffSession.update({
      where: { id: old.id },
      data: { createdAt: new Date(now - (env.SESSION_ABSOLUTE_MINUTES + 1) * 60_000), lastSeenAt: new Date(now) },
    });
    expect(await validateSession(db, old.id)).toBeNull();

    await db.staffUser.update({ where: { id: user.id }, data: { status: "disabled" } });
    expect(await validateSession(db, fresh.id)).toBeNull();
  });
});

describe("no bearer value where staff can read it", () => {
  it("never writes a live session id into the audit log (a reader could forge that session's cookie)", async () => {
    const brand = await createTestBrand();
    const { user, password } = await createTestStaff({ brandId: brand.id, role: "operations" });
    const outcome = await attemptLogin(db, { email: user.email, password }, request);
    if (outcome.status !== "ok") throw new Error(`sign-in failed: ${outcome.status}`);
    const rows = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM audit_log a WHERE strpos(row_to_json(a)::text, ${outcome.sessionId}) > 0`;
    expect(rows[0]!.n).toBe(0n);
    // The sign-in is still recorded, against the staff member, with an opaque reference to the session.
    const login = await db.auditLog.findFirstOrThrow({ where: { action: "auth.login", entityId: user.id } });
    expect(login.entityType).toBe("staff_user");
    expect(JSON.stringify(login.after)).toMatch(/"session":"[0-9a-f]{16}"/);
  });
});

describe("failed sign-ins per source address", () => {
  const address = () => `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;

  it("refuses an address after its limit of failures, before looking at any account, so it cannot lock many", async () => {
    const brand = await createTestBrand();
    const from = { ip: address(), userAgent: "vitest" };
    const accounts = await Promise.all(Array.from({ length: 3 }, () => createTestStaff({ brandId: brand.id, role: "operations" })));
    for (let i = 0; i < env.LOGIN_SOURCE_MAX_FAILURES; i++) {
      const { user } = accounts[i % accounts.length]!;
      expect((await attemptLogin(db, { email: user.email, password: `wrong-${i}` }, from)).status).toBe("failed");
    }
    const fresh = await createTestStaff({ brandId: brand.id, role: "operations" });
    const refused = await attemptLogin(db, { email: fresh.user.email, password: fresh.password }, from);
    expect(refused).toMatchObject({ status: "rate_limited" });
    expect(refused.status === "rate_limited" && refused.retryAfterSeconds).toBeGreaterThan(0);
    // The refused attempt never reached the account: nothing counted, nothing locked.
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: fresh.user.id } })).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    // Another address signs the same account in.
    expect((await attemptLogin(db, { email: fresh.user.email, password: fresh.password }, { ip: address(), userAgent: "vitest" })).status).toBe("ok");
  });
});
