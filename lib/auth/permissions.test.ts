import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, BRAND_ROLES, can, PERMISSIONS, permissionsOf, ROLES } from "@/lib/auth/permissions";

describe("permission map", () => {
  it("denies unknown roles and unknown permissions", () => {
    expect(can(undefined, "staff.read")).toBe(false);
    expect(can(null, "dashboard.view")).toBe(false);
    expect(can("admin", "no.such.permission" as never)).toBe(false);
  });

  it("gives support read-only access: no permission that changes anything", () => {
    const writes = permissionsOf("support").filter((p) => !/\.(read|view|self)$/.test(p));
    expect(writes).toEqual([]);
  });

  it("keeps platform administration to platform admins", () => {
    expect(ROLES.filter((r) => can(r, "platform.brands"))).toEqual(["platform_admin"]);
    expect(BRAND_ROLES).not.toContain("platform_admin");
  });

  it("grants each permission to at least one role, and only known roles", () => {
    for (const permission of ALL_PERMISSIONS) {
      const roles = PERMISSIONS[permission] as readonly string[];
      expect(roles.length, permission).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });
});
