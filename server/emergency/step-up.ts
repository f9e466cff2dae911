/**
 * Step-up for the emergency stop: the caller proves presence with a fresh code from their own
 * authenticator, as revealing an API key's secret does (server/api-keys/reveal.ts). A code is accepted
 * once: its step is claimed on `StaffUser.totpLastStep` inside the caller's transaction, so the claim
 * commits with the change it allowed, or not at all.
 */
import "server-only";
import type { StaffContext } from "../actor";
import { verifyTotp } from "../auth/totp";
import { decryptSecret } from "../crypto/secrets";
import type { Db, DbTx } from "../db/client";
import { AppError, invalid } from "../errors";

/** Checks the code (outside any transaction); returns the TOTP step to claim with `claimStep`. */
export async function checkStepUp(db: Db, ctx: StaffContext, totpCode: string): Promise<number> {
  const user = await db.staffUser.findUnique({ where: { id: ctx.actor.id }, select: { totpSecretEnc: true, totpLastStep: true } });
  if (!user?.totpSecretEnc) throw new AppError("FORBIDDEN", "emergency.errors.totpNotEnrolled", { field: "totpCode" });
  const secret = decryptSecret(user.totpSecretEnc);
  const step = await verifyTotp(secret, totpCode, user.totpLastStep);
  if (step !== null) return step;
  const reused = user.totpLastStep != null && (await verifyTotp(secret, totpCode)) !== null;
  throw invalid("totpCode", reused ? "emergency.errors.codeReused" : "emergency.errors.codeInvalid");
}

/** Claims the step in the caller's transaction: a second use of the same (or an older) code finds it taken. */
export async function claimStep(tx: DbTx, ctx: StaffContext, step: number): Promise<void> {
  const claimed = await tx.staffUser.updateMany({
    where: { id: ctx.actor.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  if (claimed.count === 0) throw invalid("totpCode", "emergency.errors.codeReused");
}
