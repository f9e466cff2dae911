/**
 * A request body cap applied before anything parses the body: a declared Content-Length over the cap is
 * refused at once, and an undeclared (chunked) body is cut off as soon as it passes the cap, so a 40 MB
 * body is never read into memory, let alone parsed. The tRPC route and the file uploads (./multipart.ts)
 * share it.
 */
import "server-only";

import { refuse } from "./route";

export const declaredOver = (req: Request, maxBytes: number) => Number(req.headers.get("content-length")) > maxBytes;

/** The request with its body cut off past `maxBytes`, and whether that happened (a parse then fails). */
export function limitBody(req: Request, maxBytes: number): { request: Request; exceeded: () => boolean } {
  let received = 0;
  if (!req.body) return { request: req, exceeded: () => false };
  const body = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) controller.error(new RangeError(`Request body over ${maxBytes} bytes`));
        else controller.enqueue(chunk);
      },
    }),
  );
  return { request: new Request(req, { body, duplex: "half" } as RequestInit), exceeded: () => received > maxBytes };
}

/** The request to hand on (its body capped), or the 413 to send instead. */
export function capBody(req: Request, maxBytes: number): Request | Response {
  if (declaredOver(req, maxBytes)) return refuse("VALIDATION", "errors.bodyTooLarge", { params: { max: Math.round(maxBytes / 1024) }, status: 413 });
  return limitBody(req, maxBytes).request;
}
