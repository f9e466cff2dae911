/**
 * A keyset cursor as lists hand it out: opaque base64url text. The schema refuses anything else at the
 * edge; what a cursor holds is checked where the service decodes it (server/db/cursor.ts). Client-safe.
 */
import { z } from "zod";

export const CURSOR_MAX = 512;

/** An optional cursor; "" (a URL without one) is none. */
export const zCursor = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.string().max(CURSOR_MAX, { error: "Invalid page cursor" }).regex(/^[A-Za-z0-9_-]+$/, { error: "Invalid page cursor" }).optional(),
);
