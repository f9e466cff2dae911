/** Partner REST API keys (admins): list, create (secret shown once), edit, revoke, rotate. Thin: rules live in server/partner/keys.ts. */
import "server-only";
import {
  ZPartnerKeyFields,
  ZPartnerKeyListInput,
  ZRevokePartnerKeyInput,
  ZRotatePartnerKeyInput,
  ZUpdatePartnerKeyInput,
} from "@/lib/partner-api/schemas";
import * as partnerKeys from "@/server/partner/keys";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const partnerKeyRouter = createTRPCRouter({
  /** Every key of the brand (a few per brand), newest first, optionally one status only; never a secret. */
  list: brandProcedure("partnerkey.manage").input(ZPartnerKeyListInput).query(({ ctx, input }) => partnerKeys.listPartnerKeys(ctx, input)),
  /** A new key; the answer carries its secret, this once. */
  create: brandProcedure("partnerkey.manage").input(ZPartnerKeyFields).mutation(({ ctx, input }) => partnerKeys.createPartnerKey(ctx, input)),
  /** Label, scopes, addresses, expiry and limit of a live key, at the version it was loaded at. */
  update: brandProcedure("partnerkey.manage").input(ZUpdatePartnerKeyInput).mutation(({ ctx, input }) => partnerKeys.updatePartnerKey(ctx, input)),
  /** Stops the key at once. */
  revoke: brandProcedure("partnerkey.manage").input(ZRevokePartnerKeyInput).mutation(({ ctx, input }) => partnerKeys.revokePartnerKey(ctx, input)),
  /** A replacement key (its secret shown this once); the old one keeps working for the chosen overlap. */
  rotate: brandProcedure("partnerkey.manage").input(ZRotatePartnerKeyInput).mutation(({ ctx, input }) => partnerKeys.rotatePartnerKey(ctx, input)),
});
