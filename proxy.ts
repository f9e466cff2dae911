/**
 * Next 16 proxy (formerly middleware), for every page:
 *  - the Content-Security-Policy (server/http/csp.ts) with a fresh nonce, on the response and on the
 *    request, where Next picks the nonce up for its own scripts and the root layout for next-themes';
 *  - a signed-in check: a signed-out browser asking for any page but /login is sent there with a
 *    callbackUrl. This is only the cheap cookie check; pages and tRPC still validate the session against
 *    the database on every request.
 *
 * Not matched: every /api/* route (tRPC answers 401 itself, next-auth owns /api/auth, the partner REST API
 * signs its requests — a redirect to an HTML page would break all three), Next's assets, brand logos and
 * static files. None of them is an HTML page, and the routes serving stored files set their own stricter
 * policy, which a policy set here would replace (Next keeps the proxy's header over the route's).
 */
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { env } from "@/server/env";
import { contentSecurityPolicy, NONCE_HEADER, newNonce } from "@/server/http/csp";

const SIGN_IN_PAGE = "/login";

const requireSignIn = withAuth({ pages: { signIn: SIGN_IN_PAGE }, secret: env.NEXTAUTH_SECRET });

/** The requested path, for pages that send an expired session to /login and back (server/auth/require-permission.ts). */
const PATH_HEADER = "x-bd-path";

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // The sign-in page is matched for its policy only.
  const result = request.nextUrl.pathname === SIGN_IN_PAGE ? null : await requireSignIn(request as NextRequestWithAuth, event);
  // A session cookie that no longer decodes means the session expired: tell the sign-in page why.
  const hadSession = request.cookies.getAll().some((cookie) => cookie.name.includes("next-auth.session-token"));
  const location = result instanceof Response ? result.headers.get("location") : null;
  if (hadSession && location) {
    const url = new URL(location, request.url);
    if (url.pathname === SIGN_IN_PAGE) {
      url.searchParams.set("reason", "expired");
      return NextResponse.redirect(url);
    }
  }
  // A redirect to sign in: no page, so no policy.
  if (result) return result;

  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  // Set, not appended: a client's own x-nonce or policy header never reaches the render.
  headers.set("Content-Security-Policy", policy);
  headers.set(NONCE_HEADER, nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    "/((?!api/|_next/|__nextjs|favicon\\.ico$|icon\\.svg$|brand-logo/|.*\\.(?:svg|png|jpe?g|gif|webp|ico|txt|xml|webmanifest|css|js|map)$).*)",
  ],
};
