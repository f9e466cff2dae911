/**
 * tRPC core in three parts: context, initialisation, procedures.
 * Every procedure is built from `brandProcedure(permission)` or `staffProcedure(permission)`, which
 * record the permission in the procedure's meta (a test walks the router and checks every one) and
 * enforce it against `lib/auth/permissions.ts`. There is no way to build an unchecked procedure.
 */
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Actor, RequestMeta, StaffContext, TenantContext } from "./actor";
import { requestMetaFrom } from "./actor";
import type { Permission } from "@/lib/auth/permissions";
import type { ValidSession } from "./auth/sessions";
import { db, type Db } from "./db/client";
import { isConnectionError } from "./db/connection-errors";
import { AppError, databaseUnavailable, trpcCodeOf } from "./errors";
import { refusalOf } from "./http/guard";
import { observeRequest } from "./metrics/registry";
import { BRAND_COOKIE, readCookie, resolveTenantId } from "./tenant";

// ── Context ────────────────────────────────────────────────────────────────────────────────────────
export interface TrpcContext {
  db: Db;
  actor: Actor | null;
  tenantId: string | null;
  request: RequestMeta;
  /** Set after an admin reset: only account procedures are allowed until the password is replaced. */
  mustChangePassword: boolean;
}

export function staffActorFrom(session: ValidSession): Extract<Actor, { type: "staff" }> {
  const { user } = session;
  return { type: "staff", id: user.id, email: user.email, name: user.name, role: user.role, brandId: user.brandId, sessionId: session.id };
}

/** Builds the context from a validated session (or none) and the request headers. */
export async function createContextFromSession(session: ValidSession | null, headers: Headers): Promise<TrpcContext> {
  const request = requestMetaFrom(headers);
  if (!session) return { db, actor: null, tenantId: null, request, mustChangePassword: false };
  const tenantId = await resolveTenantId(db, session.user, readCookie(headers.get("cookie"), BRAND_COOKIE));
  return { db, actor: staffActorFrom(session), tenantId, request, mustChangePassword: session.user.mustChangePassword };
}

// ── Initialisation ─────────────────────────────────────────────────────────────────────────────────
export interface ProcedureMeta {
  permission: Permission;
}

const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const masked = error.code === "INTERNAL_SERVER_ERROR" && process.env.NODE_ENV === "production";
      return {
        ...shape,
        message: masked ? "Something went wrong. The error has been logged." : shape.message,
        data: {
          ...shape.data,
          stack: undefined,
          zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
          appError: cause instanceof AppError ? { code: cause.code, field: cause.field ?? null, reason: cause.reason, params: cause.params } : null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Services throw AppError; this turns it into the matching tRPC code (server/errors.ts maps both). A
 * database that stayed unreachable after the read retry (server/db/retry-reads.ts) answers 503 "try again".
 */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause instanceof AppError ? result.error.cause : isConnectionError(result.error.cause) ? databaseUnavailable(result.error.cause) : null;
    if (cause) throw new TRPCError({ code: trpcCodeOf(cause), message: cause.message, cause });
  }
  return result;
});

/**
 * Every procedure's time and outcome (ok or its tRPC code) on the metrics' request histogram. The path is a
 * registered procedure's, so the label stays bounded; session lookup (context creation) is not included.
 */
const timed = t.middleware(async ({ path, next }) => {
  const started = performance.now();
  const result = await next();
  observeRequest("trpc", path, result.ok ? "ok" : result.error.code, (performance.now() - started) / 1000);
  return result;
});

// ── Procedures ─────────────────────────────────────────────────────────────────────────────────────
/** Signed in, and the declared permission granted to the caller's role. Deny when no permission is declared. */
const authorised = t.procedure.use(timed).use(appErrors).use(({ ctx, meta, next }) => {
  const refusal = refusalOf(ctx, meta?.permission);
  if (refusal) throw refusal;
  if (!ctx.actor || ctx.actor.type !== "staff") throw new AppError("UNAUTHORIZED", "errors.signIn");
  const staffCtx: StaffContext & Pick<TrpcContext, "mustChangePassword"> = { ...ctx, actor: ctx.actor };
  return next({ ctx: staffCtx });
});

/** For platform- or self-level work that may run with no brand chosen (brands list, own account). */
export const staffProcedure = (permission: Permission) => authorised.meta({ permission });

/** For brand-owned data: the context carries the caller's brand, which every query is scoped to. */
export const brandProcedure = (permission: Permission) =>
  authorised.meta({ permission }).use(({ ctx, next }) => {
    if (!ctx.tenantId) throw new AppError("FORBIDDEN", "errors.chooseBrand");
    return next({ ctx: { ...ctx, tenantId: ctx.tenantId } satisfies TenantContext });
  });
