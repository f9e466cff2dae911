/**
 * Who is acting, for which brand, from where. Every service call takes this context, so routers,
 * the partner REST API, jobs and tests all go through the same rules.
 */
import "server-only";
import type { Role } from "@/lib/auth/permissions";
import type { Db } from "./db/client";

export type StaffActor = {
  type: "staff";
  id: string;
  email: string;
  name: string;
  role: Role;
  brandId: string | null;
  sessionId: string;
};

/** A brand's own system calling the partner REST API with one of its keys (server/partner/). */
export type PartnerActor = {
  type: "partner";
  /** The partner key's row id. */
  id: string;
  /** Its public access key, which staff see in the audit log. */
  accessKey: string;
  label: string;
};

export type Actor =
  | StaffActor
  | PartnerActor
  | { type: "system"; id: string }
  | { type: "anonymous"; label: string };

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface ServiceContext {
  db: Db;
  actor: Actor;
  /** The brand every query is scoped to; null only for platform-level work. */
  tenantId: string | null;
  request: RequestMeta;
}

/** A staff member acting (tRPC procedures always run as one). */
export type StaffContext = ServiceContext & { actor: StaffActor };
/** A context whose brand is known: what every brand-owned service requires. */
export type TenantContext = StaffContext & { tenantId: string };
/** Staff, a partner key or the system (a job) acting for one brand: for services they share. */
export type BrandContext = ServiceContext & { tenantId: string };
/** A partner key acting for its brand (the partner REST API). */
export type PartnerContext = BrandContext & { actor: PartnerActor };

/**
 * The request's client address and agent. The production server (scripts/serve.mjs) sets X-Forwarded-For
 * to the one address it worked out from the TCP peer and TRUSTED_PROXIES, replacing whatever the client sent.
 */
export function requestMetaFrom(headers: Pick<Headers, "get">): RequestMeta {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded || null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}

export const systemActor = (job: string): Actor => ({ type: "system", id: job });
