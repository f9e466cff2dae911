import { describe, expect, it } from "vitest";
import { zCursor } from "./cursor";
import { INT8_MAX, isInt8Text, isUuid, zId } from "./ids";

describe("ids", () => {
  it("takes uuids and nothing PostgreSQL would fail to cast", () => {
    expect(isUuid("0b9e6a2e-7c1f-4c55-9d4e-2a4f8a1d3c11")).toBe(true);
    expect(isUuid("0B9E6A2E-7C1F-4C55-9D4E-2A4F8A1D3C11")).toBe(true);
    for (const bad of ["------------------------------------", "0".repeat(36), "0b9e6a2e7c1f4c559d4e2a4f8a1d3c11x", "", null, 5]) expect(isUuid(bad)).toBe(false);
    expect(zId("Unknown customer").safeParse("nope").error?.issues[0].message).toBe("Unknown customer");
  });

  it("keeps bigint ids within int8", () => {
    expect(isInt8Text("1")).toBe(true);
    expect(isInt8Text(INT8_MAX.toString())).toBe(true);
    for (const bad of [(INT8_MAX + 1n).toString(), "99999999999999999999", "-1", "1e3", "", 1]) expect(isInt8Text(bad), String(bad)).toBe(false);
  });
});

describe("zCursor", () => {
  it("is base64url text or none", () => {
    expect(zCursor.parse("eyJ0IjoiMSJ9")).toBe("eyJ0IjoiMSJ9");
    expect(zCursor.parse("")).toBeUndefined();
    for (const bad of ["%%%", "a\0b", "eyJ0IjoiMSJ9==", "x".repeat(513), 5]) expect(zCursor.safeParse(bad).success, String(bad)).toBe(false);
  });
});
