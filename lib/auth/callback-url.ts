/**
 * Where to go after signing in: a path on this site only, never another host. The value is parsed as a
 * browser would parse it (the URL parser drops tabs and newlines, so "/\t/evil.example" is "//evil.example")
 * against a placeholder origin, and only a same-origin result is kept — as its normalised path, so what the
 * browser is sent to is exactly what was checked. Sign-in itself is never the destination (no loop).
 */
const SELF = "https://brokerdesk.invalid";

export function safeCallbackUrl(value: string | string[] | undefined): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, SELF);
  } catch {
    return "/";
  }
  if (url.origin !== SELF || url.pathname === "/login" || url.pathname.startsWith("/login/")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
