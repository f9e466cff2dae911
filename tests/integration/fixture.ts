/** Two brands with a member per role, targets in each, and a caller factory over the real router. */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { recordAudit } from "@/server/audit/audit";
import { systemActor } from "@/server/actor";
import { BRAND_ROLES, type Role } from "@/lib/auth/permissions";
import { db } from "@/server/db/client";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";
import type { Fixture } from "../procedure-cases";

const createCaller = createCallerFactory(appRouter);

export type ProcedureMap = Record<string, { _def: { type: string; meta?: { permission?: string } } }>;
export const procedures = () => appRouter._def.procedures as unknown as ProcedureMap;

export async function buildFixture(): Promise<Fixture & { users: Record<Role, Awaited<ReturnType<typeof createTestStaff>>["user"]> }> {
  const brandA = await createTestBrand();
  const brandB = await createTestBrand();
  const users = {} as Record<Role, Awaited<ReturnType<typeof createTestStaff>>["user"]>;
  for (const role of BRAND_ROLES) users[role] = (await createTestStaff({ brandId: brandA.id, role })).user;
  users.platform_admin = (await createTestStaff({ brandId: null, role: "platform_admin" })).user;
  const targetA = (await createTestStaff({ brandId: brandA.id, role: "operations" })).user;
  const targetB = (await createTestStaff({ brandId: brandB.id, role: "operations" })).user;
  // A second admin in each brand, so "last active admin" guards never get in the way of these tests.
  await createTestStaff({ brandId: brandB.id, role: "admin" });
  const actionOnlyInB = `test.only_in_b_${randomUUID().slice(0, 8)}`;
  await db.$transaction((tx) =>
    recordAudit(tx, { actor: systemActor("test"), request: { ip: null, userAgent: null } }, {
      brandId: brandB.id,
      action: actionOnlyInB,
      entityType: "staff_user",
      entityId: targetB.id,
    }),
  );
  return { brandA, brandB, callers: users, users, targetA, targetB, actionOnlyInB };
}

/** Calls a procedure by its dotted path as `user`, working on `tenantId`. */
export async function callAs(user: Parameters<typeof staffContext>[0], tenantId: string, path: string, input?: unknown) {
  const ctx = await staffContext(user, { tenantId });
  let target: unknown = createCaller(ctx);
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  return (target as (i?: unknown) => Promise<unknown>)(input);
}

export const PERMISSION_DENIED = "You do not have permission to do this";

export const isPermissionDenial = (e: unknown) =>
  e instanceof TRPCError && e.code === "FORBIDDEN" && e.message === PERMISSION_DENIED;
