/**
 * Server-side sessions behind the next-auth JWT. The JWT only carries the session id; this table decides
 * whether it is still good: not revoked (logout, admin reset), not idle too long, not too old, and the
 * user and brand still active. Expired sessions are revoked here, so logout everywhere is one update.
 */
import "server-only";
import { createHash } from "node:crypto";
import { env } from "../env";
import type { Db } from "../db/client";

const TOUCH_INTERVAL_MS = 60_000;

export type SessionRevokeReason = "logout" | "idle" | "expired" | "admin_reset" | "disabled" | "password_changed";

export async function createSession(db: Db, userId: string, meta: { ip: string | null; userAgent: string | null }) {
  return db.staffSession.create({ data: { userId, ip: meta.ip, userAgent: meta.userAgent } });
}

/** Returns the session with its user and brand, or null once it no longer grants access. */
export async function validateSession(db: Db, sessionId: string, now = new Date()) {
  const session = await db.staffSession.findUnique({
    where: { id: sessionId },
    // Every request runs this: the brand's status only, not its row (the logo alone can be hundreds of KB).
    include: { user: { include: { brand: { select: { id: true, status: true } } } } },
  });
  if (!session || session.revokedAt) return null;
  const { user } = session;
  const idleMs = now.getTime() - session.lastSeenAt.getTime();
  const ageMs = now.getTime() - session.createdAt.getTime();
  const inactive = user.status !== "active" || (user.brand && user.brand.status !== "active");
  if (inactive || idleMs > env.SESSION_IDLE_MINUTES * 60_000 || ageMs > env.SESSION_ABSOLUTE_MINUTES * 60_000) {
    await db.staffSession.update({ where: { id: session.id }, data: { revokedAt: now } });
    return null;
  }
  if (idleMs > TOUCH_INTERVAL_MS) {
    await db.staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return session;
}

export type ValidSession = NonNullable<Awaited<ReturnType<typeof validateSession>>>;

export async function revokeSession(db: Db, sessionId: string) {
  await db.staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of a user (logout everywhere, password or 2FA reset, disabling the user). */
export async function revokeAllSessions(db: Pick<Db, "staffSession">, userId: string) {
  await db.staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * An opaque, non-reversible reference to a session for records staff can read (the audit log): enough to
 * tell one sign-in's events from another's, useless as a cookie. The session id itself is a bearer value.
 */
export const sessionRef = (sessionId: string): string => createHash("sha256").update(`staff-session:${sessionId}`).digest("hex").slice(0, 16);
