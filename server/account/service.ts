/**
 * A staff member's own account: password change, TOTP enrolment and removal, logout everywhere.
 * Every change is audited against the user's own brand chain.
 */
import "server-only";
import type { StaffContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { hashPassword, verifyPassword } from "../auth/password";
import { requiresTotp } from "../auth/login";
import { revokeAllSessions } from "../auth/sessions";
import { newTotpSecret, totpEnrolment, verifyTotp } from "../auth/totp";
import { decryptSecret, encryptSecret } from "../crypto/secrets";
import { AppError, invalid } from "../errors";

async function loadSelf(ctx: StaffContext) {
  const user = await ctx.db.staffUser.findUnique({ where: { id: ctx.actor.id }, include: { brand: true } });
  if (!user) throw new AppError("UNAUTHORIZED", "account.errors.accountGone");
  return user;
}

export async function getMyAccount(ctx: StaffContext) {
  const user = await loadSelf(ctx);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    brandName: user.brand?.name ?? null,
    totpEnabled: Boolean(user.totpEnabledAt),
    // Required by role or brand, not merely switched on by the user.
    totpRequired: requiresTotp({ ...user, totpEnabledAt: null }),
    mustChangePassword: user.mustChangePassword,
    lastLoginAt: user.lastLoginAt,
  };
}

export async function changeMyPassword(ctx: StaffContext, input: { currentPassword: string; newPassword: string }) {
  const user = await loadSelf(ctx);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid("currentPassword", "account.errors.currentPasswordWrong");
  }
  if (input.currentPassword === input.newPassword) throw invalid("newPassword", "account.errors.passwordUnchanged");
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    // Other browsers signed in with the old password are signed out; this one stays.
    await tx.staffSession.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: ctx.actor.sessionId } },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, ctx, { brandId: user.brandId, action: "account.password_changed", entityType: "staff_user", entityId: user.id });
  });
}

export async function startMyTotpEnrolment(ctx: StaffContext) {
  const user = await loadSelf(ctx);
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "account.errors.totpAlreadyOn");
  const secret = newTotpSecret();
  await ctx.db.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { totpPendingSecretEnc: encryptSecret(secret) } });
    await recordAudit(tx, ctx, { brandId: user.brandId, action: "auth.totp_enrolment_started", entityType: "staff_user", entityId: user.id });
  });
  return totpEnrolment(secret, user.email);
}

export async function confirmMyTotpEnrolment(ctx: StaffContext, input: { code: string }) {
  const user = await loadSelf(ctx);
  if (!user.totpPendingSecretEnc) throw new AppError("CONFLICT", "account.errors.totpEnrolmentNotStarted");
  const step = await verifyTotp(decryptSecret(user.totpPendingSecretEnc), input.code);
  if (step === null) throw invalid("code", "account.errors.totpEnrolmentCodeInvalid");
  await ctx.db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: user.id },
      data: { totpSecretEnc: user.totpPendingSecretEnc, totpPendingSecretEnc: null, totpEnabledAt: new Date(), totpLastStep: step },
    });
    await recordAudit(tx, ctx, { brandId: user.brandId, action: "auth.totp_enrolled", entityType: "staff_user", entityId: user.id });
  });
}

export async function disableMyTotp(ctx: StaffContext, input: { code: string }) {
  const user = await loadSelf(ctx);
  if (!user.totpSecretEnc) throw new AppError("CONFLICT", "account.errors.totpNotOn");
  if (requiresTotp({ ...user, totpEnabledAt: null })) {
    throw new AppError("FORBIDDEN", "account.errors.totpRequired");
  }
  const step = await verifyTotp(decryptSecret(user.totpSecretEnc), input.code, user.totpLastStep);
  if (step === null) throw invalid("code", "account.errors.totpCodeInvalid");
  await ctx.db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: user.id },
      data: { totpSecretEnc: null, totpEnabledAt: null, totpPendingSecretEnc: null, totpLastStep: null },
    });
    await recordAudit(tx, ctx, { brandId: user.brandId, action: "auth.totp_disabled", entityType: "staff_user", entityId: user.id });
  });
}

export async function logoutEverywhere(ctx: StaffContext) {
  await ctx.db.$transaction(async (tx) => {
    await revokeAllSessions(tx, ctx.actor.id);
    await recordAudit(tx, ctx, { brandId: ctx.actor.brandId, action: "auth.logout_everywhere", entityType: "staff_user", entityId: ctx.actor.id });
  });
}
