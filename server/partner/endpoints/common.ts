/**
 * Schemas every partner endpoint shares: ids, cursors, amounts, times, the refusal shape. Each named schema
 * carries an OpenAPI component id (`.meta({ id })`) so the document refers to it once.
 */
import "server-only";
import { z } from "zod";
import { CURSOR_MAX } from "@/lib/validation/cursor";

export const zUuid = (what: string) => z.uuid({ error: `Not a valid ${what} id` }).meta({ description: `The ${what}'s id (UUID).`, example: "3f1c2a9e-5b7d-4c8e-9f10-2a3b4c5d6e7f" });

/** A page of a list: at most `limit` rows and the cursor of the next page (null at the end). */
export const zListQuery = z.strictObject({
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit is at least 1" })
    .max(100, { error: "limit is at most 100" })
    .default(20)
    .meta({ description: "Rows per page, 1–100 (default 20)." }),
  cursor: z.string().min(1).max(CURSOR_MAX, { error: "cursor is not one this API gave" }).optional().meta({ description: "`nextCursor` of the previous page." }),
});

export const zPage = <T extends z.ZodType>(row: T, id: string) =>
  z.object({ data: z.array(row), nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }) }).meta({ id });

/** Money as a decimal string: never a JSON number, so no precision is lost. */
export const zDecimal = z.string().regex(/^-?\d+(\.\d+)?$/).meta({ description: "A decimal amount as a string.", example: "100.5" });
/** A positive amount: up to 18 digits before and 18 after the point. */
export const zPositiveDecimal = z
  .string({ error: "Enter the amount as a string, e.g. \"100\"" })
  .regex(/^\d{1,18}(\.\d{1,18})?$/, { error: "An amount is up to 18 digits, optionally a point and up to 18 decimals" })
  .refine((v) => /[1-9]/.test(v), { error: "The amount must be more than zero" })
  .meta({ description: "A positive decimal amount as a string (up to 18 decimals).", example: "50" });

export const zTime = z.iso.datetime({ offset: true }).meta({ description: "ISO-8601 time, UTC.", example: "2026-12-06T09:08:57.715Z" });

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export const ZRefusal = z
  .object({
    code: z.string().meta({ description: "Stable reason code, e.g. `partnerApi.errors.invalidSignature`.", example: "partnerApi.errors.invalidSignature" }),
    message: z.string().meta({ description: "What is wrong, in English (or Chinese with `Accept-Language: zh-CN`)." }),
    field: z.string().nullable().meta({ description: "The input or header the refusal is about, when it is about one." }),
    requestId: z.string().meta({ description: "Quote it when asking support about this request." }),
  })
  .meta({ id: "Error", description: "Every refusal has this shape." });
