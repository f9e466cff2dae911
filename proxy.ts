/**
 * Next 16 proxy (formerly middleware): a signed-out browser asking for any page is sent to /login
 * with a callbackUrl. This is only the cheap cookie check; pages and tRPC still validate the session
 * against the database on every request.
 *
 * Not matched: /login, every /api/* route (tRPC answers 401 itself, next-auth owns /api/auth, the
 * partner REST API signs its requests — a redirect to an HTML page would break all three), Next's
 * assets, brand logos and static files.
 */
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { env } from "@/server/env";

const requireSignIn = withAuth({ pages: { signIn: "/login" }, secret: env.NEXTAUTH_SECRET });

/** The requested path, for pages that send an expired session to /login and back (server/auth/require-permission.ts). */
const PATH_HEADER = "x-bd-path";

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const result = await requireSignIn(request as NextRequestWithAuth, event);
  // A session cookie that no longer decodes means the session expired: tell the sign-in page why.
  const hadSession = request.cookies.getAll().some((cookie) => cookie.name.includes("next-auth.session-token"));
  const location = result instanceof Response ? result.headers.get("location") : null;
  if (hadSession && location) {
    const url = new URL(location, request.url);
    if (url.pathname === "/login") {
      url.searchParams.set("reason", "expired");
      return NextResponse.redirect(url);
    }
  }
  if (result) return result;
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: [
    "/((?!login(?:/|$)|api/|_next/|__nextjs|favicon\\.ico$|icon\\.svg$|brand-logo/|.*\\.(?:svg|png|jpe?g|gif|webp|ico|txt|xml|webmanifest|css|js|map)$).*)",
  ],
};
