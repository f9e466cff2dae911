import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

/** What a browser does with the value: resolve it against the page it is on. */
const landsOn = (callback: string) => new URL(callback, "https://portal.example/login").host;

describe("safeCallbackUrl", () => {
  it.each(["/customers?status=active", "/kyc/123#documents", "/"])("keeps a path on this site: %s", (path) => {
    expect(safeCallbackUrl(path)).toBe(path);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/\r/evil.example/",
    "/ /evil.example/",
    "\\/evil.example/",
    "/%09/evil.example/",
    "javascript:alert(1)",
  ])("never leaves the site: %j", (value) => {
    expect(landsOn(safeCallbackUrl(value))).toBe("portal.example");
  });

  it.each(["/login", "/login?callbackUrl=/x", "/login/"])("does not loop back to sign-in: %s", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  it("falls back to the dashboard for no value or several", () => {
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl(["/a", "/b"])).toBe("/");
  });
});
