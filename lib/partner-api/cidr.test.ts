import { describe, expect, it } from "vitest";
import { ipAllowed, isCidr } from "./cidr";

describe("partner key IP allowlists", () => {
  it("accepts addresses and blocks of both families, and nothing else", () => {
    for (const ok of ["203.0.113.7", "203.0.113.0/24", "2001:db8::/32", "::1"]) expect(isCidr(ok)).toBe(true);
    for (const bad of ["203.0.113.256", "203.0.113.0/33", "example.com", "", "10.0.0.0/"]) expect(isCidr(bad)).toBe(false);
  });

  it("matches an address inside a block and refuses one outside", () => {
    expect(ipAllowed("203.0.113.99", ["203.0.113.0/24"])).toBe(true);
    expect(ipAllowed("203.0.114.1", ["203.0.113.0/24"])).toBe(false);
    expect(ipAllowed("2001:db8::5", ["2001:db8::/32"])).toBe(true);
    expect(ipAllowed("203.0.113.7", ["2001:db8::/32"])).toBe(false);
  });

  it("reads an IPv4-mapped IPv6 peer as IPv4", () => {
    expect(ipAllowed("::ffff:203.0.113.7", ["203.0.113.7"])).toBe(true);
  });

  it("allows every address with an empty list, and no unknown address with a list", () => {
    expect(ipAllowed("198.51.100.1", [])).toBe(true);
    expect(ipAllowed(null, ["203.0.113.0/24"])).toBe(false);
    expect(ipAllowed("not an ip", ["203.0.113.0/24"])).toBe(false);
  });
});
