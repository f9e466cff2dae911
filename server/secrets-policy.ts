/**
 * The production server refuses to run on the built-in development secrets: they are public (in this
 * repository), so anyone could sign session cookies (NEXTAUTH_SECRET) or read the sealed exchange keys and
 * TOTP seeds (ENCRYPTION_KEY). `npm start` generates per-installation secrets (scripts/secrets.ts); tests and
 * e2e that want the development values say so with ALLOW_DEV_SECRETS=1. Kept free of imports so
 * instrumentation.ts can run it when the server starts, before any request.
 */
import { DEV_AUTH_SECRET, DEV_ENCRYPTION_KEY } from "./env-defaults";

type Vars = Record<string, string | undefined>;

/** Why this process may not run with these variables, or null. */
export function devSecretsRefusal(vars: Vars): string | null {
  if (vars.NODE_ENV !== "production" || vars.ALLOW_DEV_SECRETS === "1") return null;
  // `next build` loads server modules too; only a running server is refused.
  if (vars.NEXT_PHASE === "phase-production-build") return null;
  const dev = [
    (vars.NEXTAUTH_SECRET ?? DEV_AUTH_SECRET) === DEV_AUTH_SECRET && "NEXTAUTH_SECRET",
    (vars.ENCRYPTION_KEY ?? DEV_ENCRYPTION_KEY) === DEV_ENCRYPTION_KEY && "ENCRYPTION_KEY",
  ].filter(Boolean);
  if (!dev.length) return null;
  return (
    `[brokerdesk] refusing to start: ${dev.join(" and ")} ${dev.length > 1 ? "are" : "is"} the built-in development value, which is public. ` +
    "`npm start` generates this installation's own secrets (npm run secrets -- path shows where); set your own, " +
    "or ALLOW_DEV_SECRETS=1 for a throwaway demo."
  );
}
