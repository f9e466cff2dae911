/** Inputs of the account procedures. Client-safe, so the account forms derive their schemas from these. */
import { z } from "zod";
import { zPassword, zTotpCode } from "@/lib/validation/password";

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, { error: "Enter your current password" }).max(256),
  newPassword: zPassword,
});

export const ZTotpCodeInput = z.object({ code: zTotpCode });
