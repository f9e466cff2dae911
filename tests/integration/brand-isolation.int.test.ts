/**
 * Tenancy: staff of brand A can neither read nor change brand B's rows through any procedure.
 * Each procedure's check lives in tests/procedure-cases.ts; this walks all of them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/auth/permissions";
import { PROCEDURE_CASES } from "../procedure-cases";
import { buildFixture, callAs, isPermissionDenial, procedures } from "./fixture";

describe("brand isolation", () => {
  let fixture: Awaited<ReturnType<typeof buildFixture>>;
  beforeAll(async () => {
    fixture = await buildFixture();
  });

  for (const path of Object.keys(procedures()).sort()) {
    const permission = procedures()[path]._def.meta!.permission as Parameters<typeof can>[1];
    const isolation = PROCEDURE_CASES[path]?.isolation;

    if (isolation === "platform") {
      it(`${path}: refused to every brand role`, async () => {
        for (const role of ROLES.filter((r) => r !== "platform_admin")) {
          const input = await PROCEDURE_CASES[path].input(fixture, { id: fixture.users[role].id, role });
          await callAs(fixture.users[role], fixture.brandA.id, path, input).then(
            () => expect.fail(`${role} could call ${path}`),
            (e: unknown) => expect(isPermissionDenial(e)).toBe(true),
          );
        }
      });
      continue;
    }
    if (isolation === "self") {
      it(`${path}: acts on the caller's own account only`, () => {
        expect(path.startsWith("account.")).toBe(true);
      });
      continue;
    }

    it(`${path}: brand A staff cannot reach brand B`, async () => {
      expect(isolation, `no isolation case for ${path}`).toBeTypeOf("function");
      const role = ROLES.find((r) => r !== "platform_admin" && can(r, permission));
      expect(role, `no brand role may call ${path}`).toBeDefined();
      const user = fixture.users[role!];
      await (isolation as Exclude<typeof isolation, string | undefined>)(fixture, (p, input) =>
        callAs(user, fixture.brandA.id, p, input),
      );
    });
  }
});
