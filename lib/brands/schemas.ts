/**
 * Inputs of the brand settings and platform brand procedures. Client-safe (zod and lib only), so forms
 * derive their schemas from these.
 */
import { z } from "zod";
import { zMulti, ZTableQuery } from "@/lib/table-state";
import { zId } from "@/lib/validation/ids";
import { plainText, zText } from "@/lib/validation/text";

export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_MIME_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoMime = (typeof LOGO_MIME_TYPES)[number];

export const zHexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "Use a colour like #2563eb" });
export const zBrokerCode = z.preprocess(
  (v: string | null | undefined) => (typeof v === "string" && v.trim() === "" ? null : v),
  z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, { error: "Broker code: up to 32 letters, digits, - or _" }).nullable(),
);
export const zBrandName = zText(80, { min: 2, required: "Enter the brand's name", tooLong: "At most 80 characters" });

export const ZUpdateBrandInput = z.object({
  name: zBrandName,
  brokerCode: zBrokerCode,
  primaryColor: zHexColour,
  accentColor: zHexColour,
  require2fa: z.boolean(),
});

export const ZSetLogoInput = z.object({
  mime: z.enum(LOGO_MIME_TYPES, { error: "The logo must be a PNG, JPEG or WebP image" }),
  /** ≤ 256 KB once decoded; base64 is 4/3 of that. */
  base64: z.string().min(1).max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 4, { error: "The logo must be at most 256 KB" }),
});

export const ZBrandListInput = ZTableQuery.extend({
  sort: z.enum(["name", "slug", "createdAt"]).optional(),
  dir: z.enum(["asc", "desc"]).default("asc"),
  status: zMulti(["active", "disabled"] as const),
});

export const ZCreateBrandInput = z.object({
  name: zBrandName,
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, { error: "Slug: 1–40 lower-case letters, digits or dashes" }),
  brokerCode: zBrokerCode,
  primaryColor: zHexColour.default("#2563eb"),
  admin: z.object({
    email: z.email({ error: "Enter a valid email address" }).max(254),
    name: zText(100, { min: 1, required: "Enter a name" }),
  }),
});

export const ZSetBrandStatusInput = z.object({ id: zId(), status: z.enum(["active", "disabled"]) });

// ── Exchange (OKX) credentials ─────────────────────────────────────────────────────────────────────
export const OKX_MODES = ["live", "demo"] as const;
export type OkxMode = (typeof OKX_MODES)[number];

/**
 * The brand's own OKX key, as OKX issues it: the API key is a UUID (letters, digits and dashes), the
 * secret key 32 hex characters today (the limits leave room for other formats), the passphrase is the one
 * chosen when the key was made: OKX requires 8–32 characters with a digit, an upper-case and a
 * lower-case letter and a special character. Keys and secrets never contain spaces, so surrounding
 * whitespace from a paste is trimmed; the passphrase is taken as typed.
 */
export const ZSetExchangeCredentialsInput = z.object({
  apiKey: z
    .string()
    .trim()
    .min(1, { error: "Enter the API key" })
    .max(64, { error: "API key: at most 64 characters" })
    .regex(/^[A-Za-z0-9-]*$/, { error: "API key: letters, digits and dashes only, like 8a1b…-…" }),
  secretKey: z
    .string()
    .trim()
    .min(1, { error: "Enter the secret key" })
    .max(128, { error: "Secret key: at most 128 characters" })
    .regex(/^\S*$/, { error: "Secret key: no spaces" })
    .check(plainText()),
  passphrase: z
    .string()
    .min(8, { error: "Passphrase: 8 to 32 characters" })
    .max(32, { error: "Passphrase: 8 to 32 characters" })
    .refine((v) => /\d/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v) && /[^A-Za-z0-9]/.test(v) && !/\s/.test(v), {
      error: "Passphrase: needs a digit, an upper-case and a lower-case letter and a special character, no spaces",
    })
    .check(plainText()),
  mode: z.enum(OKX_MODES, { error: "Choose live or demo trading" }),
});
export type SetExchangeCredentialsInput = z.infer<typeof ZSetExchangeCredentialsInput>;

/**
 * Why a connection test failed: the OKX client's error kinds, plus "credentials" when the stored secrets
 * no longer decrypt. The page shows a message per kind in the reader's language.
 */
export const EXCHANGE_TEST_FAILURES = ["auth", "transient", "rate_limited", "parameter", "permanent", "credentials"] as const;
export type ExchangeTestFailure = (typeof EXCHANGE_TEST_FAILURES)[number];
