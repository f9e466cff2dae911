/** Staff password policy, shared by forms and services. */
import { z } from "zod";
import { plainText } from "./text";

export const PASSWORD_MIN_LENGTH = 12;

export const zPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `Password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(128, { error: "Password must be at most 128 characters" })
  .refine((v) => /[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v), {
    error: "Password needs an upper-case letter, a lower-case letter and a digit",
  })
  .check(plainText());

export const zTotpCode = z.string().trim().regex(/^\d{6}$/, { error: "Enter the 6-digit code from your authenticator app" });
