/**
 * What the KYC file routes share, so each route only parses its request and calls the service: the
 * signed-in staff member's brand context with the route's permission checked, refusals as JSON
 * `{ error, field? }` (what components/kyc/upload-document.ts reads), and a multipart body read with a
 * byte limit. Files go through these routes rather than tRPC because tRPC carries JSON, not bytes.
 */
import type { TenantContext } from "@/server/actor";
import { getCurrentStaff } from "@/server/auth/next-auth";
import { can, type Permission } from "@/lib/auth/permissions";
import { AppError, type AppErrorCode } from "@/server/errors";
import { createContextFromSession } from "@/server/trpc";

const STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  EXCHANGE_ERROR: 502,
};

/** A refusal the pages can show, on the named form field when there is one. */
export function refuse(status: number, error: string, field?: string): Response {
  return Response.json(field ? { error, field } : { error }, { status, headers: { "Cache-Control": "no-store" } });
}

type Handler<P> = (ctx: TenantContext, req: Request, params: P) => Promise<Response>;

/**
 * A route handler for brand-owned KYC files: signed in (401), password current, a brand chosen and
 * `permission` granted (403) before the handler runs; AppErrors from the service become JSON refusals
 * with their status. Anything else is a bug and reaches Next's error handling (500, logged).
 */
export function kycRoute<P>(permission: Permission, handler: Handler<P>) {
  return async (req: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const session = await createContextFromSession(await getCurrentStaff(), req.headers);
    if (!session.actor || session.actor.type !== "staff") return refuse(401, "Please sign in");
    if (session.mustChangePassword) return refuse(403, "Set a new password before continuing");
    if (!session.tenantId) return refuse(403, "Choose a brand first");
    if (!can(session.actor.role, permission)) return refuse(403, "You do not have permission to do this");
    const ctx: TenantContext = { db: session.db, actor: session.actor, tenantId: session.tenantId, request: session.request };
    try {
      return await handler(ctx, req, await params);
    } catch (error) {
      if (error instanceof AppError) return refuse(STATUS[error.code], error.message, error.field);
      throw error;
    }
  };
}

/**
 * The request's multipart form, or the refusal to send instead. A body over `maxBytes` is refused from
 * its Content-Length before a byte is read and, when it has none (chunked), as soon as the count passes
 * the limit, so an oversized upload is never buffered whole.
 */
export async function readMultipart(req: Request, maxBytes: number, tooLarge: string): Promise<FormData | Response> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return refuse(415, "Send the file as multipart/form-data");
  if (Number(req.headers.get("content-length")) > maxBytes) return refuse(413, tooLarge, "file");
  let received = 0;
  const limited = req.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) controller.error(new RangeError("Request body over the limit"));
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited ?? null, { headers: { "content-type": contentType } }).formData();
  } catch {
    return received > maxBytes ? refuse(413, tooLarge, "file") : refuse(400, "The upload could not be read; choose the file and try again", "file");
  }
}
