/**
 * Server-side sessions behind the next-auth JWT. The JWT only carries the session id; this table decides
 * whether it is still good: not revoked (logout, admin reset), not idle too long, not too old, and the
 * user and brand still active. Expired sessions are revoked here, so logout everywhere is one update.
 */
import "server-only";
import { createHash } from "node:crypto";
import { env } from "../env";
import type { Role } from "@/lib/auth/permissions";
import type { BrandStatus, StaffStatus } from "../db/generated/enums";
import type { Db } from "../db/client";

const TOUCH_INTERVAL_MS = 60_000;

export type SessionRevokeReason = "logout" | "idle" | "expired" | "admin_reset" | "disabled" | "password_changed";

export async function createSession(db: Db, userId: string, meta: { ip: string | null; userAgent: string | null }) {
  return db.staffSession.create({ data: { userId, ip: meta.ip, userAgent: meta.userAgent } });
}

/** What a request needs of its session: the session, its user, and the user's brand's status. */
export interface ValidSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  user: {
    id: string;
    email: string;
    name: string;
    role: Role;
    status: StaffStatus;
    brandId: string | null;
    mustChangePassword: boolean;
    totpEnabledAt: Date | null;
    /** What the shell shows of the user's own brand, read with the session so a page needs no second query. */
    brand: { id: string; status: BrandStatus; name: string; slug: string; primaryColor: string; accentColor: string; hasLogo: boolean; updatedAt: Date } | null;
  };
}

interface SessionRow {
  id: string;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  status: StaffStatus;
  brand_id: string | null;
  must_change_password: boolean;
  totp_enabled_at: Date | null;
  brand_status: BrandStatus | null;
  brand_name: string | null;
  brand_slug: string | null;
  brand_primary_color: string | null;
  brand_accent_color: string | null;
  brand_has_logo: boolean | null;
  brand_updated_at: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Returns the session with its user and brand status, or null once it no longer grants access. Every
 * request runs this, so it is one statement (session, user and brand joined), not a query per relation.
 */
export async function validateSession(db: Db, sessionId: string, now = new Date()): Promise<ValidSession | null> {
  if (!UUID.test(sessionId)) return null;
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s.id, s.created_at, s.last_seen_at, s.revoked_at,
           u.id AS user_id, u.email, u.name, u.role::text AS role, u.status::text AS status, u.brand_id,
           u.must_change_password, u.totp_enabled_at, b.status::text AS brand_status, b.name AS brand_name,
           b.slug AS brand_slug, b.primary_color AS brand_primary_color, b.accent_color AS brand_accent_color,
           b.logo_mime IS NOT NULL AS brand_has_logo, b.updated_at AS brand_updated_at
      FROM staff_session s
      JOIN staff_user u ON u.id = s.user_id
      LEFT JOIN brand b ON b.id = u.brand_id
     WHERE s.id = ${sessionId}::uuid`;
  if (!row || row.revoked_at) return null;
  const idleMs = now.getTime() - row.last_seen_at.getTime();
  const ageMs = now.getTime() - row.created_at.getTime();
  const inactive = row.status !== "active" || (row.brand_status !== null && row.brand_status !== "active");
  if (inactive || idleMs > env.SESSION_IDLE_MINUTES * 60_000 || ageMs > env.SESSION_ABSOLUTE_MINUTES * 60_000) {
    await db.staffSession.update({ where: { id: row.id }, data: { revokedAt: now } });
    return null;
  }
  if (idleMs > TOUCH_INTERVAL_MS) {
    await db.staffSession.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  return {
    id: row.id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      status: row.status,
      brandId: row.brand_id,
      mustChangePassword: row.must_change_password,
      totpEnabledAt: row.totp_enabled_at,
      brand:
        row.brand_id === null || row.brand_status === null
          ? null
          : {
              id: row.brand_id,
              status: row.brand_status,
              name: row.brand_name!,
              slug: row.brand_slug!,
              primaryColor: row.brand_primary_color!,
              accentColor: row.brand_accent_color!,
              hasLogo: row.brand_has_logo === true,
              updatedAt: row.brand_updated_at!,
            },
    },
  };
}

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
