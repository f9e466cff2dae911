import { describe, expect, it } from "vitest";
import { authLogger } from "./auth-logger";

describe("authLogger", () => {
  it("logs a junk session cookie as one line with no stack trace", () => {
    const lines: string[] = [];
    const error = new Error("decryption operation failed");
    authLogger((l) => lines.push(l)).error("JWT_SESSION_ERROR", { error, message: error.message });
    expect(lines).toEqual(["[auth] error JWT_SESSION_ERROR: decryption operation failed"]);
    expect(lines.join("\n")).not.toMatch(/\n|\bat /);
  });

  it("takes the reason from a bare Error too, first line only", () => {
    const lines: string[] = [];
    authLogger((l) => lines.push(l)).error("SIGNIN_ERROR", new Error("FAILED\n    at authorize (login.ts:1:1)"));
    expect(lines).toEqual(["[auth] error SIGNIN_ERROR: FAILED"]);
  });
});
