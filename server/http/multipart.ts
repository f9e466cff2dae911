/**
 * Reading a multipart upload with a byte limit, for the file routes (tRPC carries JSON, not bytes): the
 * shared body cap (./body-limit.ts), so an oversized upload is never buffered whole.
 */
import "server-only";

import type { ErrorParams, ErrorReason } from "../errors";
import { declaredOver, limitBody } from "./body-limit";
import { refuse } from "./route";

export interface UploadLimit {
  maxBytes: number;
  /** The refusal for a body over the limit, e.g. "kyc.errors.fileTooLarge" with its size. */
  tooLarge: { reason: ErrorReason; params?: ErrorParams };
}

/** The request's multipart form, or the refusal to send instead. */
export async function readMultipart(req: Request, limit: UploadLimit): Promise<FormData | Response> {
  const contentType = req.headers.get("content-type") ?? "";
  const tooLarge = () => refuse("VALIDATION", limit.tooLarge.reason, { field: "file", params: limit.tooLarge.params, status: 413 });
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return refuse("VALIDATION", "errors.upload.notMultipart", { status: 415 });
  if (declaredOver(req, limit.maxBytes)) return tooLarge();
  const { request, exceeded } = limitBody(req, limit.maxBytes);
  try {
    return await request.formData();
  } catch {
    return exceeded() ? tooLarge() : refuse("VALIDATION", "errors.upload.unreadable", { field: "file" });
  }
}
