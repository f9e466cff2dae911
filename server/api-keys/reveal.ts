/**
 * Step-up reveal of a stored API-key secret (DESIGN.md: "step-up (re-enter TOTP) before revealing a
 * secret"). The caller proves presence with a fresh code from their own authenticator; a code is accepted
 * once (the step is claimed on `StaffUser.totpLastStep`, the same replay guard sign-in uses), and repeated
 * wrong codes are slowed down. Every reveal and every refusal is audited — never the secret itself.
 */
import "server-only";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { verifyTotp } from "../auth/totp";
import { decryptSecret } from "../crypto/secrets";
import { AppError, invalid } from "../errors";
import { auditSnapshot, loadKey, parseInput, toRows, type KeyRecord } from "./records";
import { ZApiKeyRevealInput } from "@/lib/api-keys/schemas";
import type { ApiKeyCredentials } from "./types";

/** Wrong or reused codes allowed per caller and brand in REVEAL_WINDOW_MS before reveals are refused outright. */
export const MAX_REVEAL_FAILURES = 5;
export const REVEAL_WINDOW_MS = 15 * 60 * 1000;

export const REVEAL_REFUSED = "apikey.reveal_refused";

type RefusalReason = "totp_not_enrolled" | "no_stored_secret" | "too_many_attempts" | "invalid_code" | "code_reused";
/** Refusals that count towards the attempt limit: guesses at a code. */
const GUESSES: RefusalReason[] = ["invalid_code", "code_reused"];

function audited(ctx: TenantContext, key: KeyRecord, reason: RefusalReason, error: AppError): Promise<never> {
  return ctx.db
    .$transaction((tx) =>
      recordAudit(tx, ctx, {
        brandId: ctx.tenantId,
        action: REVEAL_REFUSED,
        entityType: "subaccount_api_key",
        entityId: key.id,
        after: { reason, ...auditSnapshot({ ...key, subAcct: key.subaccount.subAcct }) },
      }),
    )
    .then(() => {
      throw error;
    });
}

/** Decrypted inside the transaction, so a failure also gives back the claimed code step. */
function unseal(secretKeyEnc: string, passphraseEnc: string) {
  try {
    return { secretKey: decryptSecret(secretKeyEnc), passphrase: decryptSecret(passphraseEnc) };
  } catch (cause) {
    // The cause is a crypto error with nothing secret in it.
    throw new AppError("CONFLICT", "apiKeys.errors.secretUnreadable", { cause });
  }
}

async function recentGuesses(ctx: TenantContext): Promise<number> {
  return ctx.db.auditLog.count({
    where: {
      brandId: ctx.tenantId,
      actorId: ctx.actor.id,
      action: REVEAL_REFUSED,
      createdAt: { gte: new Date(Date.now() - REVEAL_WINDOW_MS) },
      OR: GUESSES.map((reason) => ({ after: { path: ["reason"], equals: reason } })),
    },
  });
}

/**
 * The key's secret key and passphrase, for a caller with `apikey.manage` who gives a valid, unused code
 * from their own authenticator. Sets `lastRevealedAt`.
 */
export async function revealApiKey(ctx: TenantContext, rawInput: { id: string; totpCode: string }): Promise<ApiKeyCredentials> {
  const input = parseInput(ZApiKeyRevealInput, rawInput);
  const key = await loadKey(ctx.db, ctx, input.id);
  const { secretKeyEnc, passphraseEnc } = key;
  if (!secretKeyEnc || !passphraseEnc) {
    return audited(ctx, key, "no_stored_secret", new AppError("CONFLICT", "apiKeys.errors.secretNotStored"));
  }
  const user = await ctx.db.staffUser.findUnique({ where: { id: ctx.actor.id }, select: { totpSecretEnc: true, totpLastStep: true } });
  if (!user?.totpSecretEnc) {
    return audited(ctx, key, "totp_not_enrolled", new AppError("FORBIDDEN", "apiKeys.errors.totpNotEnrolled", { field: "totpCode" }));
  }
  if ((await recentGuesses(ctx)) >= MAX_REVEAL_FAILURES) {
    return audited(
      ctx,
      key,
      "too_many_attempts",
      new AppError("RATE_LIMITED", "apiKeys.errors.tooManyWrongCodes", { field: "totpCode", params: { minutes: REVEAL_WINDOW_MS / 60_000 } }),
    );
  }

  const totpSecret = decryptSecret(user.totpSecretEnc);
  const step = await verifyTotp(totpSecret, input.totpCode, user.totpLastStep);
  if (step === null) {
    const reused = user.totpLastStep != null && (await verifyTotp(totpSecret, input.totpCode)) !== null;
    return reused
      ? audited(ctx, key, "code_reused", invalid("totpCode", "apiKeys.errors.codeReused"))
      : audited(ctx, key, "invalid_code", invalid("totpCode", "apiKeys.errors.codeInvalid"));
  }

  const outcome = await ctx.db.$transaction(async (tx) => {
    // Claim the step: a second request with the same code (or an older one) finds it taken.
    const claimed = await tx.staffUser.updateMany({
      where: { id: ctx.actor.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    if (claimed.count === 0) return null;
    const revealedAt = new Date();
    await tx.subaccountApiKey.update({ where: { id: key.id }, data: { lastRevealedAt: revealedAt } });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "apikey.reveal",
      entityType: "subaccount_api_key",
      entityId: key.id,
      after: auditSnapshot({ ...key, subAcct: key.subaccount.subAcct }),
    });
    const [row] = await toRows(tx, [{ ...key, lastRevealedAt: revealedAt }]);
    return { key: row, apiKey: key.apiKey, ...unseal(secretKeyEnc, passphraseEnc) };
  });
  if (!outcome) {
    return audited(ctx, key, "code_reused", invalid("totpCode", "apiKeys.errors.codeReused"));
  }
  return outcome;
}
