/**
 * Who sent a request: the TCP peer, unless that peer is one of our own proxies (TRUSTED_PROXIES, CIDRs,
 * default none), in which case the X-Forwarded-For chain is read from the right, skipping our proxies, and
 * the first address not ours is the client. A forwarding header from anyone else is the sender's own
 * claim and is ignored — it would let any caller choose the address the audit log records and the sign-in
 * limit counts.
 */
import { BlockList, isIP } from "node:net";

/** @param {string | undefined} spec comma-separated CIDRs or addresses, e.g. "10.0.0.0/8, ::1" */
export function trustedProxies(spec) {
  const list = new BlockList();
  for (const entry of (spec ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const family = isIP(address);
    if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/** @param {BlockList} list @param {string} address */
const isTrusted = (list, address) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
};

/**
 * @param {string | undefined} peer the socket's remote address
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header(s) as received
 * @param {BlockList} trusted
 * @returns {string | null}
 */
export function clientAddress(peer, forwardedFor, trusted) {
  if (!peer) return null;
  if (!isTrusted(trusted, peer)) return peer;
  const chain = [forwardedFor ?? []].flat().join(",").split(",").map((s) => s.trim()).filter((s) => isIP(s));
  for (let i = chain.length - 1; i >= 0; i--) if (!isTrusted(trusted, chain[i])) return chain[i];
  return chain[0] ?? peer;
}
