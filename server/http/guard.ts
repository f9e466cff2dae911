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

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request sent by another site's page (CSRF): refused when the browser says so —
 * `Sec-Fetch-Site: cross-site`, or an `Origin` whose host is not the one the request was sent to (or the
 * configured public URL's). SameSite=Lax cookies alone let a cross-site form post through. Requests without
 * either header come from non-browser clients, which carry no ambient cookies to abuse.
 */
export function crossOriginRefusal(req: Request, publicUrl: string): AppError | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const refused = new AppError("FORBIDDEN", "errors.crossOrigin");
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return refused;
  const origin = req.headers.get("origin");
  if (origin === null) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return refused; // "null" (sandboxed frames, some redirects) or garbage
  }
  const allowed = [req.headers.get("host"), new URL(publicUrl).host];
  return allowed.includes(host) ? null : refused;
}
