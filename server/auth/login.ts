/**
 * Sign-in rules: password (argon2id), TOTP second factor, lockout. The caller (next-auth's authorize,
 * the enrolment endpoint) only sees an outcome; a wrong password and a wrong code look the same.
 */
import "server-only";
import type { RequestMeta } from "../actor";
import { recordAudit } from "../audit/audit";
import { decryptSecret, encryptSecret } from "../crypto/secrets";
import type { Db } from "../db/client";
import { env } from "../env";
import { getDummyHash, verifyPassword } from "./password";
import { sessionRef } from "./sessions";
import { redisSourceLimit, type SourceLimit } from "./source-limit";
import { ROLES_REQUIRING_2FA } from "@/lib/auth/permissions";
import { newTotpSecret, totpEnrolment, verifyTotp } from "./totp";

export type LoginOutcome =
  | { status: "ok"; userId: string; sessionId: string; email: string; name: string }
  | { status: "totp_required" }
  | { status: "enrol_required" }
  | { status: "failed" }
  /** Too many failures from this address lately; no account was looked at. */
  | { status: "rate_limited"; retryAfterSeconds: number };

export interface LoginInput {
  email: string;
  password: string;
  /** 6-digit TOTP code, when the user has (or is enrolling) a second factor. */
  totp?: string;
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

async function loadUser(db: Db, email: string) {
  return db.staffUser.findUnique({ where: { email: normaliseEmail(email) }, include: { brand: true } });
}
type LoginUser = NonNullable<Awaited<ReturnType<typeof loadUser>>>;

export const requiresTotp = (user: Pick<LoginUser, "role" | "totpEnabledAt"> & { brand: { require2fa: boolean } | null }) =>
  Boolean(user.totpEnabledAt) || ROLES_REQUIRING_2FA.includes(user.role) || Boolean(user.brand?.require2fa);

const who = (user: LoginUser | null, email: string, request: RequestMeta) => ({
  actor: user
    ? ({ type: "staff", id: user.id, email: user.email, name: user.name, role: user.role, brandId: user.brandId, sessionId: "" } as const)
    : ({ type: "anonymous", label: normaliseEmail(email).slice(0, 254) } as const),
  request,
});

/** Counts a failed attempt and locks the account at the limit. Always answers "failed". */
async function registerFailure(db: Db, user: LoginUser, request: RequestMeta, reason: string): Promise<LoginOutcome> {
  await db.$transaction(async (tx) => {
    const lockExpired = user.lockedUntil !== null && user.lockedUntil <= new Date();
    const updated = await tx.staffUser.update({
      where: { id: user.id },
      data: lockExpired ? { failedLoginCount: 1, lockedUntil: null } : { failedLoginCount: { increment: 1 } },
    });
    const lock = updated.failedLoginCount >= env.LOGIN_MAX_FAILURES;
    if (lock) {
      await tx.staffUser.update({
        where: { id: user.id },
        data: { lockedUntil: new Date(Date.now() + env.LOGIN_LOCK_MINUTES * 60_000) },
      });
    }
    await recordAudit(tx, who(user, user.email, request), {
      brandId: user.brandId,
      action: lock ? "auth.locked" : "auth.login_failed",
      entityType: "staff_user",
      entityId: user.id,
      after: { reason, failedLoginCount: updated.failedLoginCount },
    });
  });
  return { status: "failed" };
}

type FirstFactor = { ok: true; user: LoginUser } | { ok: false; outcome: LoginOutcome };

/** Password step shared by sign-in and enrolment: unknown user, disabled, locked, wrong password. */
async function checkFirstFactor(db: Db, input: LoginInput, request: RequestMeta): Promise<FirstFactor> {
  const user = await loadUser(db, input.email);
  if (!user) {
    await verifyPassword(await getDummyHash(), input.password);
    await db.$transaction((tx) =>
      recordAudit(tx, who(null, input.email, request), {
        brandId: null,
        action: "auth.login_failed",
        entityType: "staff_user",
        after: { reason: "unknown_email" },
      }),
    );
    return { ok: false, outcome: { status: "failed" } };
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await db.$transaction((tx) =>
      recordAudit(tx, who(user, input.email, request), {
        brandId: user.brandId,
        action: "auth.login_refused_locked",
        entityType: "staff_user",
        entityId: user.id,
      }),
    );
    return { ok: false, outcome: { status: "failed" } };
  }
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk) return { ok: false, outcome: await registerFailure(db, user, request, "password") };
  if (user.status !== "active" || (user.brand && user.brand.status !== "active")) {
    return { ok: false, outcome: await registerFailure(db, user, request, "disabled") };
  }
  return { ok: true, user };
}

export async function attemptLogin(db: Db, input: LoginInput, request: RequestMeta, limit: SourceLimit = redisSourceLimit): Promise<LoginOutcome> {
  const blockedFor = await limit.blockedFor(request.ip);
  if (blockedFor !== null) return { status: "rate_limited", retryAfterSeconds: blockedFor };
  const outcome = await attemptLoginUnlimited(db, input, request);
  if (outcome.status === "failed") await limit.failed(request.ip);
  return outcome;
}

async function attemptLoginUnlimited(db: Db, input: LoginInput, request: RequestMeta): Promise<LoginOutcome> {
  const first = await checkFirstFactor(db, input, request);
  if (!first.ok) return first.outcome;
  const { user } = first;

  let totpStep: number | null = null;
  let promotePending = false;
  if (user.totpSecretEnc) {
    if (!input.totp) return { status: "totp_required" };
    totpStep = await verifyTotp(decryptSecret(user.totpSecretEnc), input.totp, user.totpLastStep);
    if (totpStep === null) return registerFailure(db, user, request, "totp");
  } else if (requiresTotp(user)) {
    if (!input.totp || !user.totpPendingSecretEnc) return { status: "enrol_required" };
    totpStep = await verifyTotp(decryptSecret(user.totpPendingSecretEnc), input.totp);
    if (totpStep === null) return registerFailure(db, user, request, "totp_enrolment");
    promotePending = true;
  }

  // The session, the counters and the audit row commit together.
  const session = await db.$transaction(async (tx) => {
    const session = await tx.staffSession.create({ data: { userId: user.id, ip: request.ip, userAgent: request.userAgent } });
    await tx.staffUser.update({
      where: { id: user.id },
      data: {
        failedLoginCount: 0,
        lockedUntil: null,
        lastLoginAt: new Date(),
        ...(totpStep !== null ? { totpLastStep: totpStep } : {}),
        ...(promotePending
          ? { totpSecretEnc: user.totpPendingSecretEnc, totpPendingSecretEnc: null, totpEnabledAt: new Date() }
          : {}),
      },
    });
    const actor = who(user, user.email, request);
    if (promotePending) {
      await recordAudit(tx, actor, { brandId: user.brandId, action: "auth.totp_enrolled", entityType: "staff_user", entityId: user.id });
    }
    await recordAudit(tx, actor, {
      brandId: user.brandId,
      action: "auth.login",
      entityType: "staff_user",
      entityId: user.id,
      after: { secondFactor: totpStep !== null, session: sessionRef(session.id) },
    });
    return session;
  });
  return { status: "ok", userId: user.id, sessionId: session.id, email: user.email, name: user.name };
}

/**
 * First step of enrolment at sign-in, for a user who must have TOTP and has none yet: after a correct
 * password, a fresh secret is kept (encrypted) as pending and its QR code returned. The sign-in that
 * follows with a valid code from it turns it on.
 */
export async function startLoginEnrolment(db: Db, input: LoginInput, request: RequestMeta, limit: SourceLimit = redisSourceLimit) {
  if ((await limit.blockedFor(request.ip)) !== null) return null;
  const first = await checkFirstFactor(db, input, request);
  if (!first.ok) {
    if (first.outcome.status === "failed") await limit.failed(request.ip);
    return null;
  }
  const { user } = first;
  if (user.totpSecretEnc || !requiresTotp(user)) return null;
  const secret = newTotpSecret();
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { totpPendingSecretEnc: encryptSecret(secret) } });
    await recordAudit(tx, who(user, user.email, request), {
      brandId: user.brandId,
      action: "auth.totp_enrolment_started",
      entityType: "staff_user",
      entityId: user.id,
    });
  });
  return totpEnrolment(secret, user.email);
}
