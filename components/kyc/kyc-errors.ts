/**
 * Reading refusals of KYC steps. CONFLICT means the application is no longer in the state the caller
 * saw (a stale version, or someone else claimed or decided it meanwhile): the page must refetch rather
 * than retry. The refusal is told by its reason key, never by its text; a stale version gets the page's
 * own wording, since the page has just reloaded the application.
 */
import type { Translate } from "@/lib/i18n/translate";
import { describeTrpcError } from "@/lib/trpc/errors";
import { STALE_VERSION_REASON } from "@/lib/kyc/transitions";

export function kycRefusal(error: unknown, t: Translate): { conflict: boolean; message: string } {
  const { code, reason, message } = describeTrpcError(error, t);
  if (reason === STALE_VERSION_REASON) return { conflict: true, message: t("kyc.conflict.stale") };
  return { conflict: code === "CONFLICT", message };
}
