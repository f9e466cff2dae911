/**
 * IP allowlists: an address or a CIDR block, IPv4 or IPv6 (ipaddr.js parses; an IPv4-mapped IPv6 peer
 * such as ::ffff:203.0.113.7 matches an IPv4 block). Client-safe: the key form checks entries as typed.
 */
import ipaddr from "ipaddr.js";

type Block = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseBlock(entry: string): Block | null {
  try {
    if (entry.includes("/")) return ipaddr.parseCIDR(entry);
    const address = ipaddr.parse(entry);
    return [address, address.kind() === "ipv4" ? 32 : 128];
  } catch {
    return null;
  }
}

export const isCidr = (entry: string): boolean => parseBlock(entry.trim()) !== null;

/** The address in its own family: IPv4-mapped IPv6 becomes IPv4. */
function normalise(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    const address = ipaddr.parse(ip);
    return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
  } catch {
    return null;
  }
}

/** Whether `ip` falls in one of the blocks; an empty list allows every address. */
export function ipAllowed(ip: string | null, allowlist: readonly string[]): boolean {
  if (allowlist.length === 0) return true;
  const address = ip ? normalise(ip) : null;
  if (!address) return false;
  return allowlist.some((entry) => {
    const block = parseBlock(entry);
    return block !== null && block[0].kind() === address.kind() && address.match(block as never);
  });
}
