/**
 * The one wrapper every staff route handler goes through (exports, KYC files, logos): a cross-site write
 * is refused, then come the same checks as a tRPC procedure (./guard.ts), then the handler. Refusals are
 * answered in one JSON shape, with the status tRPC would give (`httpStatusOf`):
 *
 *   { "error": "<English message>", "code": "NOT_FOUND", "reason": "errors.notFound.customer", "params": {}, "field": null }
 *
 * Pages read it with `readRefusal` and show `reason` in the reader's language (lib/trpc/errors.ts). Anything that is
 * not an AppError or a zod error is a bug and reaches Next's error handling (500, logged).
 */
import "server-only";

import { ZodError } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { StaffContext, TenantContext } from "../actor";
import { getCurrentStaff } from "../auth/next-auth";
import { isConnectionError } from "../db/connection-errors";
import { AppError, databaseUnavailable, httpStatusOf, type AppErrorCode, type ErrorParams, type ErrorReason } from "../errors";
import { createContextFromSession } from "../trpc";
import { env } from "../env";
import { crossOriginRefusal, refusalOf } from "./guard";

const NO_STORE = { "Cache-Control": "no-store" };

/** A refusal as JSON, for an AppError or a route's own reason (413, 415 have no AppError code). */
export function refusal(error: AppError, status = httpStatusOf(error)): Response {
  const body = { error: error.message, code: error.code, reason: error.reason, params: error.params, field: error.field ?? null };
  return Response.json(body, { status, headers: NO_STORE });
}

/** A refusal the route words itself: `reason` with the code it belongs to, and optionally another status. */
export function refuse(code: AppErrorCode, reason: ErrorReason, options: { field?: string; params?: ErrorParams; status?: number } = {}): Response {
  return refusal(new AppError(code, reason, options), options.status);
}

/** The input's first problem as a VALIDATION refusal naming its field. */
function zodRefusal(error: ZodError): Response {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") || undefined;
  return refusal(new AppError("VALIDATION", field ? "errors.invalidField" : "errors.invalidInput", { field, params: field ? { field } : {} }));
}

async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) return refusal(error);
    if (error instanceof ZodError) return zodRefusal(error);
    if (isConnectionError(error)) return refusal(databaseUnavailable(error));
    throw error;
  }
}

type RouteArgs<P> = { params: Promise<P> };

/** The permission a route declares: fixed, or read from its path (an export's resource); may throw NOT_FOUND. */
type DeclaredPermission<P> = Permission | ((params: P) => Permission);

/** For brand-owned work: the caller's brand must be chosen; `ctx.tenantId` is it. */
export function route<P = Record<string, never>>(
  permission: DeclaredPermission<P>,
  handler: (ctx: TenantContext, req: Request, params: P) => Promise<Response>,
) {
  return staffRoute<P>(permission, (ctx, req, params) => {
    if (!ctx.tenantId) throw new AppError("FORBIDDEN", "errors.chooseBrand");
    return handler({ ...ctx, tenantId: ctx.tenantId }, req, params);
  });
}

/** For work that may run with no brand chosen (a platform admin's, or the caller's own). */
export function staffRoute<P = Record<string, never>>(
  permission: DeclaredPermission<P>,
  handler: (ctx: StaffContext, req: Request, params: P) => Promise<Response>,
) {
  return (req: Request, { params }: RouteArgs<P>): Promise<Response> =>
    answer(async () => {
      const crossOrigin = crossOriginRefusal(req, env.NEXTAUTH_URL);
      if (crossOrigin) throw crossOrigin;
      const ctx = await createContextFromSession(await getCurrentStaff(), req.headers);
      if (!ctx.actor || ctx.actor.type !== "staff") throw new AppError("UNAUTHORIZED", "errors.signIn");
      const args = await params;
      const refused = refusalOf(ctx, typeof permission === "function" ? permission(args) : permission);
      if (refused) throw refused;
      return handler({ db: ctx.db, actor: ctx.actor, tenantId: ctx.tenantId, request: ctx.request }, req, args);
    });
}

/** For the few routes a signed-out visitor calls (the sign-in steps): the same refusal shape, no session. */
export function publicRoute<P = Record<string, never>>(handler: (req: Request, params: P) => Promise<Response>) {
  return (req: Request, { params }: RouteArgs<P>): Promise<Response> =>
    answer(async () => {
      const crossOrigin = crossOriginRefusal(req, env.NEXTAUTH_URL);
      if (crossOrigin) throw crossOrigin;
      return handler(req, await params);
    });
}
