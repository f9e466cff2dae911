/**
 * Reading a multipart upload with a byte limit, for the file routes (tRPC carries JSON, not bytes).
 * A body over `maxBytes` is refused from its Content-Length before a byte is read and, when it has none
 * (chunked), as soon as the count passes the limit, so an oversized upload is never buffered whole.
 */
import "server-only";

import type { ErrorParams, ErrorReason } from "../errors";
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
  if (Number(req.headers.get("content-length")) > limit.maxBytes) return tooLarge();
  let received = 0;
  const limited = req.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit.maxBytes) controller.error(new RangeError("Request body over the limit"));
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited ?? null, { headers: { "content-type": contentType } }).formData();
  } catch {
    return received > limit.maxBytes ? tooLarge() : refuse("VALIDATION", "errors.upload.unreadable", { field: "file" });
  }
}
