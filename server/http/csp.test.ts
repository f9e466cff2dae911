import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce (and what they load), styles inline, images also from data: and blob:", () => {
    expect(contentSecurityPolicy({ nonce: "abc123+/=", dev: false })).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc123+/=' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self'; object-src 'none'",
    );
  });

  it("adds 'unsafe-eval' to script-src for `next dev` only", () => {
    const dev = contentSecurityPolicy({ nonce: "n0nce", dev: true });
    expect(dev).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic' 'unsafe-eval';");
    expect(dev.match(/unsafe-eval/g)).toHaveLength(1);
    expect(contentSecurityPolicy({ nonce: "n0nce", dev: false })).not.toContain("unsafe-eval");
  });

  it("never allows inline scripts by another way", () => {
    const policy = contentSecurityPolicy({ nonce: "n0nce", dev: true });
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-hashes|data:|\*/);
  });

  it("refuses a nonce that could smuggle sources or directives into the header", () => {
    for (const nonce of ["", "a' 'unsafe-inline", "a; script-src *", "a b", "a\r\nX-Evil: 1"]) {
      expect(() => contentSecurityPolicy({ nonce, dev: false })).toThrow(/nonce/);
    }
  });
});

describe("newNonce", () => {
  it("is 128 random bits of base64, new each time, and what Next reads back out of the policy", () => {
    const nonces = Array.from({ length: 50 }, newNonce);
    expect(new Set(nonces).size).toBe(50);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      // Next puts this value on its own scripts (app render), so it must survive Next's parsing intact.
      expect(getScriptNonceFromHeader(contentSecurityPolicy({ nonce, dev: false }))).toBe(nonce);
    }
  });
});
