/** Seed 001's parameter rules, the paging cursor and the small helpers, without a server. */
import { describe, expect, it } from "vitest";
import { OkxError } from "./errors";
import { isLoopback } from "./handlers/admin";
import { cursorPage, pageOf } from "./handlers/context";
import { RateLimiter } from "./rate-limit";
import { units } from "./random";
import {
  isDate,
  isIpList,
  isLabel,
  isPassphrase,
  isPermList,
  isSubAcctName,
  normalizePerm,
  optional,
  paramsFromBody,
  paramsFromQuery,
  parse,
  required,
} from "./validation";

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof OkxError) return `${e.code} ${e.message}`;
    throw e;
  }
  return "ok";
};

describe("parameter rules", () => {
  it("sub-account names: 6–20 letters and digits", () => {
    expect(["abc123", "A".repeat(20), "panpanBroker2"].every(isSubAcctName)).toBe(true);
    expect(["abc12", "A".repeat(21), "has space1", "under_score", "ünicode12"].some(isSubAcctName)).toBe(false);
  });

  it("labels: up to 50 letters or digits", () => {
    expect(isLabel("broker3")).toBe(true);
    expect(isLabel("x".repeat(51)) || isLabel("with-dash") || isLabel("")).toBe(false);
  });

  it("passphrases: 8–32 with upper, lower, digit and special", () => {
    expect(["Qwr4321!", "Aa1!Aa1!", `Aa1!${"x".repeat(28)}`].every(isPassphrase)).toBe(true);
    expect(["Qwr432!", "qwr4321!", "QWR4321!", "Qwrtyui!", "Qwr43210", `Aa1!${"x".repeat(29)}`, "Qwr 4321!"].some(isPassphrase)).toBe(false);
  });

  it("IP lists: ≤ 20 valid IPv4/IPv6, comma-separated", () => {
    expect(isIpList("10.0.108.9")).toBe(true);
    expect(isIpList("1.1.1.1,2001:db8::1")).toBe(true);
    expect(isIpList(Array.from({ length: 20 }, (_, i) => `10.0.0.${i}`).join(","))).toBe(true);
    expect(isIpList(Array.from({ length: 21 }, (_, i) => `10.0.0.${i}`).join(","))).toBe(false);
    expect(isIpList("300.1.1.1") || isIpList("1.1.1.1,,2.2.2.2") || isIpList("1.1.1.1,1.1.1.1")).toBe(false);
  });

  it("permissions: read_only is always granted", () => {
    expect(isPermList("read_only,trade,withdraw") && !isPermList("read_only,admin")).toBe(true);
    expect(normalizePerm("trade")).toBe("read_only,trade");
    expect(normalizePerm(undefined)).toBe("read_only");
    expect(normalizePerm("withdraw,read_only")).toBe("read_only,withdraw");
  });

  it("dates: YYYYMMDD real days only", () => {
    expect(isDate("20240229") && !isDate("20230229") && !isDate("2024-02-01") && !isDate("20241301")).toBe(true);
  });

  it('50014 for missing or "" required parameters, 51000 for invalid ones, in declaration order', () => {
    const spec = { subAcct: required(isSubAcctName), acctLv: required((v) => v === "1"), label: optional(isLabel) };
    expect(codeOf(() => parse(paramsFromBody({ subAcct: "", acctLv: "1" }), spec))).toBe("50014 Parameter subAcct can not be empty.");
    expect(codeOf(() => parse(paramsFromBody({ subAcct: "abc", acctLv: "9" }), spec))).toBe("51000 Parameter subAcct error");
    expect(codeOf(() => parse(paramsFromBody({ subAcct: "abcdef", acctLv: 1, label: "a b" }), spec))).toBe("51000 Parameter label error");
    expect(parse(paramsFromQuery("acctLv=1&subAcct=abc%44ef&label="), spec)).toEqual({ subAcct: "abcDef", acctLv: "1", label: undefined });
  });
});

describe("paging", () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({ ts: String(1000 - i * 10) })); // 1000, 990, ... 910

  it("after = older than, before = newer than, newest first", () => {
    expect(cursorPage(rows, undefined, undefined, "3").map((r) => r.ts)).toEqual(["1000", "990", "980"]);
    expect(cursorPage(rows, "980", undefined, "3").map((r) => r.ts)).toEqual(["970", "960", "950"]);
    expect(cursorPage(rows, undefined, "950", "3").map((r) => r.ts)).toEqual(["980", "970", "960"]);
    expect(cursorPage(rows, "990", "950", undefined).map((r) => r.ts)).toEqual(["980", "970", "960"]);
  });

  it("page/limit pages", () => {
    expect(pageOf(rows, "4", "3")).toEqual({ details: [rows[9]], page: "4", totalPage: "4" });
    expect(pageOf([], undefined, undefined)).toEqual({ details: [], page: "1", totalPage: "0" });
  });
});

describe("rate limiter (sliding window)", () => {
  it("allows `count` per window and no more, at any alignment", () => {
    const limiter = new RateLimiter(true);
    const limit = { count: 5, windowMs: 2000 };
    const at = (t: number) => limiter.take("r", "k", limit, t);
    expect([0, 100, 200, 300, 1999].map(at)).toEqual([true, true, true, true, true]);
    expect(at(1999)).toBe(false);
    expect(at(2000)).toBe(true); // the request at 0 left the window
    expect(at(2050)).toBe(false);
    expect(limiter.take("r", "other-key", limit, 2050)).toBe(true);
  });
});

describe("helpers", () => {
  it("units: exact decimal strings", () => {
    expect(units(1044408, 8)).toBe("0.01044408");
    expect(units(150000000, 8)).toBe("1.5");
    expect(units(-25, 2)).toBe("-0.25");
    expect(units(7, 0)).toBe("7");
  });

  it("loopback detection", () => {
    expect(["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.8.9.10"].every(isLoopback)).toBe(true);
    expect(["10.0.0.1", "::ffff:10.0.0.1", "2001:db8::1", undefined].some(isLoopback)).toBe(false);
  });
});
