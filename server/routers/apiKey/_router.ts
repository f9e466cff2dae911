/** Sub-account API keys: create (secret shown once), list masked, modify, delete, step-up reveal. Thin: rules live in the service. */
import "server-only";
import { revealApiKey } from "@/server/api-keys/reveal";
import {
  ZApiKeyListInput,
  ZApiKeyRevealInput,
  ZApiKeyVersion,
  ZCreateApiKeyInput,
  ZModifyApiKeyInput,
  ZSubaccountKeysInput,
} from "@/lib/api-keys/schemas";
import * as apiKeys from "@/server/api-keys/service";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const apiKeyRouter = createTRPCRouter({
  /** One page of the brand's keys (masked), with sub-account search, permission and "unbound risky" filters. */
  list: brandProcedure("apikey.read").input(ZApiKeyListInput).query(({ ctx, input }) => apiKeys.listApiKeys(ctx, input)),
  /** Every key of one sub-account (masked). */
  listForSubaccount: brandProcedure("apikey.read")
    .input(ZSubaccountKeysInput)
    .query(({ ctx, input }) => apiKeys.listSubaccountApiKeys(ctx, input)),
  /** How many keys have trade/withdraw and no IP binding (the exchange deletes them after 14 idle days). */
  riskySummary: brandProcedure("apikey.read").query(({ ctx }) => apiKeys.riskyApiKeySummary(ctx)),
  /** Creates a key on the exchange; the answer carries its secret key and passphrase, this once. */
  create: brandProcedure("apikey.manage").input(ZCreateApiKeyInput).mutation(({ ctx, input }) => apiKeys.createApiKey(ctx, input)),
  modify: brandProcedure("apikey.manage").input(ZModifyApiKeyInput).mutation(({ ctx, input }) => apiKeys.modifyApiKey(ctx, input)),
  remove: brandProcedure("apikey.manage").input(ZApiKeyVersion).mutation(({ ctx, input }) => apiKeys.removeApiKey(ctx, input)),
  /** Mirrors the exchange's list for one sub-account (keys made elsewhere come in without a secret). */
  refresh: brandProcedure("apikey.manage").input(ZSubaccountKeysInput).mutation(({ ctx, input }) => apiKeys.refreshApiKeys(ctx, input)),
  /** Step-up: the caller's own fresh TOTP code, once; every attempt audited. */
  reveal: brandProcedure("apikey.manage").input(ZApiKeyRevealInput).mutation(({ ctx, input }) => revealApiKey(ctx, input)),
});
