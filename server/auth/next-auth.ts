/**
 * next-auth configuration: one credentials provider over `attemptLogin`. The JWT carries only the
 * server-side session id; `getCurrentStaff` validates it against the database on every request.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import CredentialsProvider from "next-auth/providers/credentials";
import { cache } from "react";
import { db } from "../db/client";
import { requestMetaFrom } from "../actor";
import { env } from "../env";
import { authLogger } from "./auth-logger";
import { attemptLogin } from "./login";
import { revokeSession, validateSession } from "./sessions";

/** Error codes the sign-in page understands; anything else is shown as the generic failure. */
export const LOGIN_ERROR = { failed: "FAILED", totpRequired: "TOTP_REQUIRED", enrolRequired: "ENROL_REQUIRED", rateLimited: "RATE_LIMITED" } as const;

function headerValue(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: env.SESSION_ABSOLUTE_MINUTES * 60 },
  pages: { signIn: "/login", error: "/login" },
  logger: authLogger(),
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        totp: { label: "Authentication code", type: "text" },
      },
      async authorize(credentials, req) {
        const request = requestMetaFrom({ get: (name) => headerValue(req?.headers, name) });
        const outcome = await attemptLogin(
          db,
          { email: credentials?.email ?? "", password: credentials?.password ?? "", totp: credentials?.totp || undefined },
          request,
        );
        switch (outcome.status) {
          case "ok":
            return { id: outcome.userId, email: outcome.email, name: outcome.name, sessionId: outcome.sessionId };
          case "totp_required":
            throw new Error(LOGIN_ERROR.totpRequired);
          case "enrol_required":
            throw new Error(LOGIN_ERROR.enrolRequired);
          case "rate_limited":
            throw new Error(LOGIN_ERROR.rateLimited);
          default:
            throw new Error(LOGIN_ERROR.failed);
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sessionId" in user) token.sid = user.sessionId as string;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(db, token.sid as string);
    },
  },
};

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** next-auth's session cookie: whole, or split into `<name>.0`, `<name>.1` … when it outgrew 4 KB. */
function sessionCookie(jar: Awaited<ReturnType<typeof cookies>>): string | null {
  for (const name of SESSION_COOKIES) {
    const whole = jar.get(name)?.value;
    if (whole) return whole;
    const chunks = jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length) return chunks.map((c) => c.value).join("");
  }
  return null;
}

/**
 * The signed-in staff member for this request (cached per request), or null. Reads the session id from
 * next-auth's encrypted cookie directly: `getServerSession` runs next-auth's whole session endpoint (and
 * re-encrypts the token) on every request, which was a measurable share of each request's CPU; expiry is
 * the database session's job anyway (idle and absolute limits in validateSession).
 */
export const getCurrentStaff = cache(async () => {
  const token = sessionCookie(await cookies());
  if (!token) return null;
  const claims = await decode({ token, secret: env.NEXTAUTH_SECRET }).catch(() => null);
  const sid = typeof claims?.sid === "string" ? claims.sid : null;
  return sid ? validateSession(db, sid) : null;
});
