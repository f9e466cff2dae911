/**
 * next-auth configuration: one credentials provider over `attemptLogin`. The JWT carries only the
 * server-side session id; `getCurrentStaff` validates it against the database on every request.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
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

/** The signed-in staff member for this request (cached per request), or null. */
export const getCurrentStaff = cache(async () => {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  if (!session?.sid) return null;
  return validateSession(db, session.sid);
});
