/**
 * A request body cap applied before anything parses the body: a declared Content-Length over the cap is
 * answered 413 at once, and an undeclared (chunked) body is cut off as soon as it passes the cap, so a
 * 40 MB JSON body is never read into memory, let alone parsed.
 */
import "server-only";

import { refuse } from "./route";

/** The request to hand on (its body capped), or the 413 to send instead. */
export function capBody(req: Request, maxBytes: number): Request | Response {
  if (!req.body) return req;
  if (Number(req.headers.get("content-length")) > maxBytes) return tooLarge(maxBytes);
  let received = 0;
  const body = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) controller.error(new RangeError(`Request body over ${maxBytes} bytes`));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(req, { body, duplex: "half" } as RequestInit);
}

const tooLarge = (maxBytes: number) => refuse("VALIDATION", "errors.bodyTooLarge", { params: { max: Math.round(maxBytes / 1024) }, status: 413 });
