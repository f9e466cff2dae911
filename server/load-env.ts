/**
 * Loads the repository's `.env`, if there is one, and then this installation's generated secrets file
 * (`installationSecretsFile()`, written by `npm start` through scripts/secrets.ts) into process.env, never
 * overriding a variable that is already set — so scripts, tests, the worker and the web server agree.
 * Import it FIRST (before anything that reads server/env.ts); instrumentation.ts calls `loadEnvFiles` for
 * the web server. No server-only marker: Playwright's config and instrumentation load it outside React.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_DATABASE_URL } from "./env-defaults";

/**
 * Where `npm start` keeps the secrets it generated: outside the repository (so no clone or `git clean`
 * loses them, and nothing of them is ever committed), one file per database they protect.
 */
export function installationSecretsFile(vars: NodeJS.ProcessEnv = process.env): string {
  if (vars.BROKERDESK_SECRETS_FILE) return path.resolve(vars.BROKERDESK_SECRETS_FILE);
  const database = vars.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const id = createHash("sha256").update(database).digest("hex").slice(0, 12);
  return path.join(vars.XDG_CONFIG_HOME ?? path.join(os.homedir(), ".config"), "brokerdesk", `secrets-${id}.env`);
}

export function loadEnvFiles(): void {
  const dotenv = path.resolve(__dirname, "../.env");
  if (fs.existsSync(dotenv)) process.loadEnvFile(dotenv);
  const secrets = installationSecretsFile();
  if (fs.existsSync(secrets)) process.loadEnvFile(secrets);
}

loadEnvFiles();
