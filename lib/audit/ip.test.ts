import { describe, expect, it } from "vitest";
import { normaliseIp } from "./ip";

describe("normaliseIp", () => {
  it("writes an IPv4-mapped IPv6 address as the IPv4 address", () => {
    expect(normaliseIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseIp("::FFFF:203.0.113.9")).toBe("203.0.113.9");
  });

  it("keeps IPv4 and IPv6 addresses, IPv6 in lower case without brackets or zone", () => {
    expect(normaliseIp("198.51.100.7")).toBe("198.51.100.7");
    expect(normaliseIp("2001:DB8::1")).toBe("2001:db8::1");
    expect(normaliseIp("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normaliseIp("fe80::1%eth0")).toBe("fe80::1");
    expect(normaliseIp("::1")).toBe("::1");
  });

  it("does not unmap what is not a mapped IPv4 address", () => {
    expect(normaliseIp("::ffff:1")).toBe("::ffff:1");
  });

  it("has no address for nothing", () => {
    expect(normaliseIp(null)).toBeNull();
    expect(normaliseIp(undefined)).toBeNull();
    expect(normaliseIp("  ")).toBeNull();
  });
});
