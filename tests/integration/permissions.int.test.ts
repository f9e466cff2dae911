/**
 * The permission matrix, proven against the real router and database: every procedure declares a
 * permission, every role gets exactly what lib/auth/permissions.ts grants — allowed calls succeed,
 * denied calls get FORBIDDEN — and unauthenticated calls get UNAUTHORIZED.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, can, ROLES, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/server/errors";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { db } from "@/server/db/client";
import { PROCEDURE_CASES, type Fixture } from "../procedure-cases";
import { buildFixture, callAs, isPermissionDenial, procedures } from "./fixture";

const paths = Object.keys(procedures()).sort();

describe("every procedure declares a permission", () => {
  it.each(paths)("%s", (path) => {
    const permission = procedures()[path]._def.meta?.permission;
    expect(permission, `${path} declares no permission`).toBeDefined();
    expect(ALL_PERMISSIONS).toContain(permission);
  });

  it("has a test case for every procedure and no stale cases", () => {
    expect(Object.keys(PROCEDURE_CASES).sort()).toEqual(paths);
  });
});

describe("role × procedure matrix", () => {
  let fixture: Awaited<ReturnType<typeof buildFixture>>;
  beforeAll(async () => {
    fixture = await buildFixture();
  });

  for (const path of paths) {
    for (const role of ROLES) {
      const permission = procedures()[path]._def.meta?.permission as Permission;
      const allowed = can(role, permission);
      it(`${path} as ${role} → ${allowed ? "allowed" : "FORBIDDEN"}`, async () => {
        const user = fixture.users[role];
        const testCase = PROCEDURE_CASES[path];
        const input = await testCase.input(fixture as Fixture, { id: user.id, role });
        const outcome = await callAs(user, fixture.brandA.id, path, input).then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (!allowed) {
          expect(outcome.ok).toBe(false);
          if (!outcome.ok) expect(isPermissionDenial(outcome.error), String(outcome.error)).toBe(true);
          return;
        }
        const refusal = testCase.refusedFor?.[role];
        if (refusal) {
          expect(outcome.ok).toBe(false);
          if (!outcome.ok) {
            expect(outcome.error).toBeInstanceOf(TRPCError);
            expect((outcome.error as TRPCError).cause).toBeInstanceOf(AppError);
            expect((outcome.error as TRPCError).code).toBe(refusal);
          }
          return;
        }
        if (!outcome.ok) throw outcome.error;
      });
    }
  }

  it("answers UNAUTHORIZED to a caller with no session, for every procedure", async () => {
    const anonymous = createCallerFactory(appRouter)({
      db,
      actor: null,
      tenantId: null,
      request: { ip: null, userAgent: null },
      mustChangePassword: false,
    });
    for (const path of paths) {
      let target: unknown = anonymous;
      for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
      await expect((target as (i?: unknown) => Promise<unknown>)(undefined), path).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("allows only account procedures while a password change is pending", async () => {
    const { staffContext } = await import("../helpers/db");
    const ctx = { ...(await staffContext(fixture.users.admin, { tenantId: fixture.brandA.id })), mustChangePassword: true };
    const caller = createCallerFactory(appRouter)(ctx);
    await expect(caller.staff.list({ page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.account.me()).resolves.toMatchObject({ id: fixture.users.admin.id });
  });
});
