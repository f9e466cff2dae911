/**
 * The checks every staff entry point makes before its handler runs — tRPC procedures (server/trpc.ts)
 * and route handlers (./route.ts) alike: signed in, the declared permission granted (deny when none is
 * declared), and a password that no longer needs replacing. Brand-owned work also needs a brand chosen.
 */
import "server-only";

import { can, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "../actor";
import { AppError } from "../errors";

interface GuardContext {
  actor: Actor | null;
  mustChangePassword: boolean;
}

/** Why this caller may not run a handler declaring `permission`, or null when they may. */
export function refusalOf(ctx: GuardContext, permission: Permission | undefined): AppError | null {
  if (!ctx.actor || ctx.actor.type !== "staff") return new AppError("UNAUTHORIZED", "errors.signIn");
  if (!permission || !can(ctx.actor.role, permission)) return new AppError("FORBIDDEN", "errors.forbidden");
  if (ctx.mustChangePassword && permission !== "account.self") return new AppError("FORBIDDEN", "errors.changePassword");
  return null;
}
