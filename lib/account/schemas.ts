/** Inputs of the account procedures. Client-safe, so the account forms derive their schemas from these. */
import { z } from "zod";
import { zPassword, zTotpCode } from "@/lib/validation/password";
import { zSecret } from "@/lib/validation/text";

export const ZChangePasswordInput = z.object({
  currentPassword: zSecret(256, "Enter your current password").min(1, { error: "Enter your current password" }),
  newPassword: zPassword,
});

export const ZTotpCodeInput = z.object({ code: zTotpCode });
