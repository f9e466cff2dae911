/**
 * Reading refusals of KYC steps. CONFLICT means the application is no longer in the state the caller
 * saw (a stale version, or someone else claimed or decided it meanwhile): the page must refetch rather
 * than retry. The stale-version refusal has a fixed text, so it can be shown in the reader's language.
 */
import type { Translate } from "@/lib/i18n/translate";
import { describeTrpcError } from "@/lib/trpc/errors";
import { FIRST_APPROVER_MESSAGE, STALE_VERSION_MESSAGE } from "@/lib/kyc/transitions";

export function kycRefusal(error: unknown, t: Translate): { conflict: boolean; message: string } {
  const { code, message } = describeTrpcError(error, t);
  if (message === STALE_VERSION_MESSAGE) return { conflict: true, message: t("kyc.conflict.stale") };
  return { conflict: code === "CONFLICT", message: translateKnownRefusal(message, t) };
}

/** The server's fixed refusal texts in the reader's language; any other text as it came. */
export function translateKnownRefusal(message: string, t: Translate): string {
  if (message === FIRST_APPROVER_MESSAGE) return t("kyc.refusal.firstApprover");
  if (message === STALE_VERSION_MESSAGE) return t("kyc.conflict.stale");
  return message;
}
