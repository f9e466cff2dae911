/**
 * One spelling per client address in the audit log: an IPv4 address that reached a dual-stack socket as
 * an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is written as the IPv4 address it is; IPv6 is lower
 * case without brackets or a zone. Anything else is kept as it came, trimmed.
 */
const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

export function normaliseIp(ip: string | null | undefined): string | null {
  if (ip === null || ip === undefined) return null;
  let out = ip.trim();
  if (out === "") return null;
  if (out.startsWith("[") && out.includes("]")) out = out.slice(1, out.indexOf("]"));
  const mapped = MAPPED_V4.exec(out);
  if (mapped) return mapped[1]!;
  if (out.includes(":")) return out.replace(/%.*$/, "").toLowerCase();
  return out;
}
