/** Seed 001's API-key rules as the form and the server apply them (lib/api-keys/rules.ts, lib/api-keys/schemas.ts). */
import { describe, expect, it } from "vitest";
import { ZCreateApiKeyInput, ZModifyApiKeyInput } from "@/lib/api-keys/schemas";
import {
  checkApiKeyLabel,
  checkApiKeyPassphrase,
  checkIpList,
  generateApiKeyPassphrase,
  isRiskyKey,
  parseIpList,
  withReadOnly,
} from "./rules";

describe("label", () => {
  it("takes 1–50 letters or digits, case-sensitive, pure letters or pure digits too", () => {
    for (const ok of ["broker3", "ABC", "123", "a".repeat(50), "MixedCase42"]) expect(checkApiKeyLabel(ok), ok).toBeNull();
  });
  it("refuses empty, too long, spaces and symbols", () => {
    expect(checkApiKeyLabel("")).toBe("empty");
    expect(checkApiKeyLabel("a".repeat(51))).toBe("tooLong");
    for (const bad of ["my key", "key-1", "key_1", "ключ", "键"]) expect(checkApiKeyLabel(bad), bad).toBe("characters");
  });
});

describe("passphrase", () => {
  it("accepts the seed's example and other complete ones", () => {
    for (const ok of ["Qwr4321!", "Aa1!Aa1!", `Aa1!${"x".repeat(28)}`]) expect(checkApiKeyPassphrase(ok), ok).toBeNull();
  });
  it("needs 8–32 characters", () => {
    expect(checkApiKeyPassphrase("Aa1!Aa1")).toBe("length");
    expect(checkApiKeyPassphrase(`Aa1!${"x".repeat(29)}`)).toBe("length");
  });
  it("needs a digit, an upper-case and a lower-case letter and a special character", () => {
    for (const bad of ["qwr4321!", "QWR4321!", "Qwrasdf!", "Qwr43210"]) expect(checkApiKeyPassphrase(bad), bad).toBe("composition");
  });
  it("refuses spaces and non-ASCII", () => {
    expect(checkApiKeyPassphrase("Qwr 4321!")).toBe("characters");
    expect(checkApiKeyPassphrase("Qwr4321!é")).toBe("characters");
  });
  it("generates compliant passphrases, different each time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generateApiKeyPassphrase();
      expect(checkApiKeyPassphrase(p), p).toBeNull();
      expect(p).toHaveLength(20);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
    expect(checkApiKeyPassphrase(generateApiKeyPassphrase(8))).toBeNull();
    expect(generateApiKeyPassphrase(100)).toHaveLength(32);
  });
  it("keeps every class even when the random source always answers 0", () => {
    expect(checkApiKeyPassphrase(generateApiKeyPassphrase(8, () => 0))).toBeNull();
  });
});

describe("IP list", () => {
  it("reads one per line or comma separated", () => {
    expect(parseIpList(" 10.0.0.1,10.0.0.2\n\n2001:db8::1 ; 10.0.0.3 ")).toEqual(["10.0.0.1", "10.0.0.2", "2001:db8::1", "10.0.0.3"]);
    expect(parseIpList("  \n ")).toEqual([]);
  });
  it("accepts up to 20 IPv4/IPv6 addresses", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `10.0.0.${i + 1}`);
    expect(checkIpList(twenty)).toBeNull();
    expect(checkIpList(["::1", "2001:db8::8a2e:370:7334"])).toBeNull();
    expect(checkIpList([])).toBeNull();
  });
  it("refuses 21, a bad address (naming it) and a repeat (naming it)", () => {
    expect(checkIpList(Array.from({ length: 21 }, (_, i) => `10.0.0.${i + 1}`))).toEqual({ problem: "tooMany", count: 21 });
    expect(checkIpList(["10.0.0.1", "256.1.1.1"])).toEqual({ problem: "invalid", value: "256.1.1.1" });
    expect(checkIpList(["example.com"])).toEqual({ problem: "invalid", value: "example.com" });
    expect(checkIpList(["10.0.0.1", "10.0.0.1"])).toEqual({ problem: "duplicate", value: "10.0.0.1" });
  });
});

describe("permissions and the unbound-key risk", () => {
  it("always grants read_only, in a fixed order", () => {
    expect(withReadOnly([])).toEqual(["read_only"]);
    expect(withReadOnly(["withdraw", "trade"])).toEqual(["read_only", "trade", "withdraw"]);
    expect(withReadOnly(["read_only", "trade", "trade"])).toEqual(["read_only", "trade"]);
  });
  it("flags trade or withdraw without a bound IP", () => {
    expect(isRiskyKey(["read_only", "trade"], [])).toBe(true);
    expect(isRiskyKey(["read_only", "withdraw"], [])).toBe(true);
    expect(isRiskyKey(["read_only"], [])).toBe(false);
    expect(isRiskyKey(["read_only", "trade"], ["10.0.0.1"])).toBe(false);
  });
});

describe("procedure inputs", () => {
  const base = { subaccountId: "6f1c1d7e-3f5a-4b8e-9a51-0f0e6a0f4b11", label: "desk1", passphrase: "Qwr4321!" };
  const fieldOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => ({
    field: r.error?.issues[0]?.path[0],
    message: r.error?.issues[0]?.message,
  });

  it("defaults to read-only with no IP, and drops read_only from the chosen permissions", () => {
    expect(ZCreateApiKeyInput.parse(base)).toMatchObject({ perms: [], ips: [] });
    expect(ZCreateApiKeyInput.parse({ ...base, perms: ["read_only", "trade"] }).perms).toEqual(["trade"]);
  });
  it("names the field of each broken rule", () => {
    expect(fieldOf(ZCreateApiKeyInput.safeParse({ ...base, label: "bad label" }))).toMatchObject({ field: "label" });
    expect(fieldOf(ZCreateApiKeyInput.safeParse({ ...base, passphrase: "weakpass" }))).toMatchObject({ field: "passphrase" });
    expect(fieldOf(ZCreateApiKeyInput.safeParse({ ...base, perms: ["admin"] }))).toMatchObject({ field: "perms" });
    const many = ZCreateApiKeyInput.safeParse({ ...base, ips: Array.from({ length: 21 }, (_, i) => `10.0.0.${i + 1}`) });
    expect(fieldOf(many)).toEqual({ field: "ips", message: "At most 20 IP addresses can be bound (21 given)" });
    expect(fieldOf(ZCreateApiKeyInput.safeParse({ ...base, ips: ["1.2.3"] }))).toEqual({ field: "ips", message: '"1.2.3" is not an IPv4 or IPv6 address' });
  });
  it("lets a change leave fields out", () => {
    const parsed = ZModifyApiKeyInput.parse({ id: base.subaccountId, version: 1, label: "renamed" });
    expect(parsed).toEqual({ id: base.subaccountId, version: 1, label: "renamed" });
  });
});
