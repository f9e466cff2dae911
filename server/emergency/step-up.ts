/**
 * Step-up for the emergency stop: the caller proves presence with a fresh code from their own
 * authenticator, as revealing an API key's secret does (server/api-keys/reveal.ts). A code is accepted
 * once: its step is claimed on `StaffUser.totpLastStep` inside the caller's transaction, so the claim
 * commits with the change it allowed, or not at all. Wrong and reused codes are audited, and after
 * MAX_FAILURES of them in FAILURE_WINDOW_MS the caller is refused outright until the window passes.
 */
import "server-only";
import type { StaffContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { verifyTotp } from "../auth/totp";
import { decryptSecret } from "../crypto/secrets";
import type { Db, DbTx } from "../db/client";
import { AppError, invalid } from "../errors";

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const STEP_UP_REFUSED = "emergency.step_up_refused";

/** Audits a wrong or reused code (on the stop's chain: the brand's, or the platform's), then throws. */
async function refused(db: Db, ctx: StaffContext, brandId: string | null, why: "invalid_code" | "code_reused", error: AppError): Promise<never> {
  await db.$transaction((tx) => recordAudit(tx, ctx, { brandId, action: STEP_UP_REFUSED, entityType: "emergency_stop", entityId: null, after: { reason: why } }));
  throw error;
}

/**
 * Checks the code (outside any transaction) for a change of `brandId`'s stop (null: the global one);
 * returns the TOTP step to claim with `claimStep`.
 */
export async function checkStepUp(db: Db, ctx: StaffContext, brandId: string | null, totpCode: string): Promise<number> {
  const user = await db.staffUser.findUnique({ where: { id: ctx.actor.id }, select: { totpSecretEnc: true, totpLastStep: true } });
  if (!user?.totpSecretEnc) throw new AppError("FORBIDDEN", "emergency.errors.totpNotEnrolled", { field: "totpCode" });
  const failures = await db.auditLog.count({ where: { actorId: ctx.actor.id, action: STEP_UP_REFUSED, createdAt: { gte: new Date(Date.now() - FAILURE_WINDOW_MS) } } });
  if (failures >= MAX_FAILURES) throw new AppError("RATE_LIMITED", "emergency.errors.tooManyWrongCodes", { field: "totpCode", params: { minutes: FAILURE_WINDOW_MS / 60_000 } });
  const secret = decryptSecret(user.totpSecretEnc);
  const step = await verifyTotp(secret, totpCode, user.totpLastStep);
  if (step !== null) return step;
  const reused = user.totpLastStep != null && (await verifyTotp(secret, totpCode)) !== null;
  return reused
    ? refused(db, ctx, brandId, "code_reused", invalid("totpCode", "emergency.errors.codeReused"))
    : refused(db, ctx, brandId, "invalid_code", invalid("totpCode", "emergency.errors.codeInvalid"));
}

/** Claims the step in the caller's transaction: a second use of the same (or an older) code finds it taken. */
export async function claimStep(tx: DbTx, ctx: StaffContext, step: number): Promise<void> {
  const claimed = await tx.staffUser.updateMany({
    where: { id: ctx.actor.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  if (claimed.count === 0) throw invalid("totpCode", "emergency.errors.codeReused");
}
