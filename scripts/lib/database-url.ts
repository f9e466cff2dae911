/**
 * Database URLs derived from DATABASE_URL (same host, role and options, another database name).
 * Dependency-free so Playwright's config can import it without loading `pg`.
 */
import { DEFAULT_DATABASE_URL } from "../../server/env-defaults";

/** DATABASE_URL (or the built-in default) pointing at another database on the same server. */
export function databaseUrlNamed(name: string, base = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
