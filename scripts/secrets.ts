/**
 * This installation's own NEXTAUTH_SECRET and ENCRYPTION_KEY (the built-in ones are public):
 *
 *   npm run secrets -- ensure   create them once (npm start does), re-encrypting what the database already
 *                               holds under the key it used so far; a second run changes nothing
 *   npm run secrets -- rotate   new secrets: every sealed column re-encrypted in one transaction, everyone
 *                               signed out; restart the web server and the worker afterwards
 *   npm run secrets -- path     where the file is
 *
 * The file lives outside the repository (server/load-env.ts `installationSecretsFile`), mode 0600 in a 0700
 * folder. Variables set in the environment or `.env` take precedence and are never written there.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import "../server/load-env";
import { installationSecretsFile } from "../server/load-env";
import { DEV_AUTH_SECRET, DEV_ENCRYPTION_KEY } from "../server/env-defaults";

const file = installationSecretsFile();

function newSecrets() {
  return { NEXTAUTH_SECRET: randomBytes(48).toString("base64"), ENCRYPTION_KEY: randomBytes(32).toString("base64") };
}

/** Writes the new secrets next to the file, re-encrypts the database, then moves them into place. */
async function replaceSecrets(currentKey: string, next: ReturnType<typeof newSecrets>) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const staged = `${file}.new`;
  fs.writeFileSync(staged, `# Brokerdesk installation secrets (scripts/secrets.ts). Keep private; never commit.\nNEXTAUTH_SECRET=${next.NEXTAUTH_SECRET}\nENCRYPTION_KEY=${next.ENCRYPTION_KEY}\n`, { mode: 0o600 });
  try {
    const { db } = await import("../server/db/client");
    const { reencryptSecrets } = await import("../server/crypto/rotate");
    const { rewritten } = await reencryptSecrets(db, currentKey, next.ENCRYPTION_KEY);
    await db.$disconnect();
    fs.renameSync(staged, file);
    fs.chmodSync(file, 0o600);
    const total = Object.values(rewritten).reduce((a, b) => a + b, 0);
    console.log(`[secrets] ${file} written (0600); ${total} sealed value(s) re-encrypted under the new key`);
  } catch (error) {
    fs.rmSync(staged, { force: true });
    throw error;
  }
}

async function main(command: string | undefined) {
  if (command === "path") return console.log(file);
  if (command === "ensure") {
    if (fs.existsSync(file)) {
      fs.chmodSync(file, 0o600);
      return;
    }
    const own = (name: string, dev: string) => Boolean(process.env[name]) && process.env[name] !== dev;
    if (own("NEXTAUTH_SECRET", DEV_AUTH_SECRET) && own("ENCRYPTION_KEY", DEV_ENCRYPTION_KEY)) return; // the operator's own, from the environment
    return replaceSecrets(process.env.ENCRYPTION_KEY ?? DEV_ENCRYPTION_KEY, newSecrets());
  }
  if (command === "rotate") {
    if (!fs.existsSync(file)) throw new Error(`no generated secrets at ${file}: run \`npm run secrets -- ensure\` first, or rotate your own`);
    const current = fs.readFileSync(file, "utf8").match(/^ENCRYPTION_KEY=(.+)$/m)?.[1];
    if (!current) throw new Error(`${file} has no ENCRYPTION_KEY`);
    await replaceSecrets(current, newSecrets());
    return console.log("[secrets] rotated: everyone is signed out; restart the web server and the worker to use the new secrets");
  }
  throw new Error("usage: npm run secrets -- ensure | rotate | path");
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(`[secrets] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
