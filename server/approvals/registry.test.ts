import { describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/auth/permissions";
import { APPROVAL_KINDS, decidableKinds, visibleKinds } from "./registry";

describe("approval kinds registry", () => {
  it("has unique, well-formed keys", () => {
    const keys = APPROVAL_KINDS.map((kind) => kind.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/);
  });

  it("keeps approval.read to the roles that can see some kind, and approval.decide to those that can decide one", () => {
    for (const role of ROLES) {
      expect(can(role, "approval.read"), role).toBe(visibleKinds(role).length > 0);
      expect(can(role, "approval.decide"), role).toBe(decidableKinds(role).length > 0);
    }
  });

  it("only lets a role decide a kind it can also see", () => {
    for (const role of ROLES) for (const kind of decidableKinds(role)) expect(can(role, kind.viewPermission)).toBe(true);
  });
});
