import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { canonicalJson, REDACTED, toAuditJson } from "./redact";

describe("toAuditJson", () => {
  it("redacts secret-looking keys at any depth, whatever their value", () => {
    const out = toAuditJson({
      email: "a@b.test",
      password: "hunter2",
      passwordHash: "$argon2id$...",
      totpSecretEnc: "v1:abc",
      nested: { apiKey: "k", api_key: "k2", secretKey: { raw: "s" }, privateKey: "p", okxCredential: 1, note: "kept" },
      list: [{ passphrase: "pp", label: "visible" }],
    });
    expect(out).toEqual({
      email: "a@b.test",
      password: REDACTED,
      passwordHash: REDACTED,
      totpSecretEnc: REDACTED,
      nested: { apiKey: REDACTED, api_key: REDACTED, secretKey: REDACTED, privateKey: REDACTED, okxCredential: REDACTED, note: "kept" },
      list: [{ passphrase: REDACTED, label: "visible" }],
    });
  });

  it("keeps null and missing secrets as they are, so 'no secret' is still visible", () => {
    expect(toAuditJson({ password: null, token: undefined, name: "x" })).toEqual({ password: null, name: "x" });
  });

  it("turns dates, big integers, decimals, binary and odd numbers into plain JSON", () => {
    const out = toAuditJson({
      at: new Date("2026-11-21T10:00:00.000Z"),
      id: 12345678901234567890n,
      amount: new Decimal("0.1").plus("0.2"),
      logo: new Uint8Array(3),
      ratio: Number.NaN,
      count: 3,
      ok: true,
    });
    expect(out).toEqual({
      at: "2026-11-21T10:00:00.000Z",
      id: "12345678901234567890",
      amount: "0.3",
      logo: "<binary 3 bytes>",
      ratio: "NaN",
      count: 3,
      ok: true,
    });
  });

  it("sorts keys so the stored form hashes the same after jsonb reorders them", () => {
    expect(Object.keys(toAuditJson({ b: 1, a: 2, c: 3 }) as object)).toEqual(["a", "b", "c"]);
    expect(canonicalJson({ b: { y: 1, x: 2 }, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":{"x":2,"y":1}}');
  });
});
