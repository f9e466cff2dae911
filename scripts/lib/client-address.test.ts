import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./client-address.mjs";

const none = trustedProxies(undefined);
const ours = trustedProxies("10.0.0.0/8, ::1");

describe("clientAddress", () => {
  it("ignores forwarding headers from an untrusted peer (the default: no proxy trusted)", () => {
    expect(clientAddress("198.51.100.7", "6.6.6.6", none)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:127.0.0.1", ["6.6.6.6, 7.7.7.7"], none)).toBe("::ffff:127.0.0.1");
  });

  it("reads the chain behind our own proxies from the right, skipping them", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.5", ours)).toBe("203.0.113.5");
    // A client-supplied entry on the left does not win over the address our proxy saw.
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.5, 10.0.0.9", ours)).toBe("203.0.113.5");
    expect(clientAddress("::1", "2001:db8::1", ours)).toBe("2001:db8::1");
  });

  it("falls back sensibly: a trusted peer with no usable header is the client itself", () => {
    expect(clientAddress("10.0.0.2", undefined, ours)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "garbage, 10.0.0.3", ours)).toBe("10.0.0.3");
    expect(clientAddress(undefined, "6.6.6.6", ours)).toBeNull();
  });

  it("refuses a malformed TRUSTED_PROXIES, naming the entry", () => {
    expect(() => trustedProxies("10.0.0.0/8, proxy.internal")).toThrow('TRUSTED_PROXIES: "proxy.internal"');
  });
});
