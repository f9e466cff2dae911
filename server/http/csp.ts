/**
 * The Content-Security-Policy of every HTML page. proxy.ts builds it with a fresh nonce per request and
 * sets it on the response, and on the request too: Next reads the nonce back out of the request's policy
 * and puts it on its own scripts, and the root layout reads NONCE_HEADER for next-themes' inline script.
 * A script without the nonce — an injected `<script>` or an inline event handler — does not run.
 */
import "server-only";

/** The request header that carries the nonce to server components (app/layout.tsx). */
export const NONCE_HEADER = "x-nonce";

/** What Next accepts as a nonce in a policy (its getScriptNonceFromHeader): base64 or base64url. */
const NONCE_FORMAT = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** 128 random bits as base64: unguessable, and new for every response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The policy for one response. `dev`: `next dev` only, where React needs eval for its debugging stacks
 * (Next's CSP guide); a production build never gets 'unsafe-eval'.
 */
export function contentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  // Interpolated into a header: anything but a nonce could add sources or directives.
  if (!NONCE_FORMAT.test(nonce)) throw new Error("contentSecurityPolicy: the nonce must be base64");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': the nonced Next runtime loads its chunks, and scripts those load are trusted in turn.
    // Browsers that know it ignore 'self' here; older ones fall back to it.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Radix, sonner and react-remove-scroll set style attributes and add <style> elements at run time, and the
    // portal layout writes the brand colour into a <style>: a nonce cannot cover style attributes. Styles
    // cannot run code, so this is the accepted trade-off.
    ["style-src", "'self'", "'unsafe-inline'"],
    // data: for the TOTP enrolment QR code; brand logos come from our own /brand-logo route.
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    // Supersedes X-Frame-Options (next.config.mjs), which stays for old browsers.
    ["frame-ancestors", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["object-src", "'none'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}
