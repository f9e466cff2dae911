import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseTimestamp, sign, signatureMatches, withinWindow } from "./signing";

describe("partner request signing", () => {
  it("is base64 HMAC-SHA256 over timestamp + METHOD + path and query + body, as OKX signs", () => {
    const ts = "2026-12-06T09:08:57.715Z";
    const body = '{"name":"Ann"}';
    const expected = createHmac("sha256", "s3cret").update(`${ts}POST/api/v1/customers?x=1${body}`).digest("base64");
    expect(sign("s3cret", ts, "post", "/api/v1/customers?x=1", body)).toBe(expected);
    expect(sign("s3cret", ts, "POST", "/api/v1/customers?x=1", new TextEncoder().encode(body))).toBe(expected);
  });

  it("changes with every part it covers", () => {
    const base = sign("k", "2026-12-06T09:08:57.715Z", "GET", "/api/v1/a");
    expect(sign("k", "2026-12-06T09:08:57.716Z", "GET", "/api/v1/a")).not.toBe(base);
    expect(sign("k", "2026-12-06T09:08:57.715Z", "POST", "/api/v1/a")).not.toBe(base);
    expect(sign("k", "2026-12-06T09:08:57.715Z", "GET", "/api/v1/a?b")).not.toBe(base);
    expect(sign("k", "2026-12-06T09:08:57.715Z", "GET", "/api/v1/a", "{}")).not.toBe(base);
    expect(sign("other", "2026-12-06T09:08:57.715Z", "GET", "/api/v1/a")).not.toBe(base);
  });

  it("matches only the exact signature", () => {
    const good = sign("k", "2026-12-06T09:08:57.715Z", "GET", "/p");
    expect(signatureMatches(good, good)).toBe(true);
    expect(signatureMatches(good, sign("k", "2026-12-06T09:08:57.714Z", "GET", "/p"))).toBe(false);
    expect(signatureMatches(good, "")).toBe(false);
    expect(signatureMatches(good, "not base64 at all!")).toBe(false);
  });

  it("reads only ISO-8601 UTC timestamps with milliseconds, within 30 seconds", () => {
    expect(parseTimestamp("2026-12-06T09:08:57.715Z")).toBe(Date.UTC(2026, 11, 6, 9, 8, 57, 715));
    for (const bad of ["2026-12-06T09:08:57Z", "1765012137715", "2026-12-06 09:08:57.715", "2026-13-06T09:08:57.715Z"]) {
      expect(parseTimestamp(bad)).toBeNull();
    }
    const now = Date.UTC(2026, 11, 6, 9, 0, 0);
    expect(withinWindow(now - 30_000, now)).toBe(true);
    expect(withinWindow(now + 30_001, now)).toBe(false);
  });
});
