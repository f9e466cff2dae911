import { z } from "zod";
import { LOGO_MIME_TYPES } from "@/server/brands/service";

export const zHexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "Use a colour like #2563eb" });
export const zBrokerCode = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, { error: "Broker code: up to 32 letters, digits, - or _" }).nullable(),
);
export const zBrandName = z.string().trim().min(2, { error: "Enter the brand's name" }).max(80, { error: "At most 80 characters" });

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
  base64: z.string().min(1).max(Math.ceil((256 * 1024 * 4) / 3) + 4, { error: "The logo must be at most 256 KB" }),
});
