/**
 * The simulator's broker master accounts. The key configured for the simulator (OKX_SIM_API_KEY) opens
 * the "main" account; every other account is derived from it, so a brand without exchange credentials
 * gets one of its own with no provisioning step and no stored secret:
 *   key        = "<master key>:<account id>"
 *   secret     = HMAC-SHA256(master secret, "secret|<account id>"), 32 upper-case hex characters
 *   passphrase = HMAC-SHA256(master secret, "passphrase|<account id>"), 16 base64url characters
 * The simulator holds the master secret too and derives the same values to check a signature. Knowing a
 * brand's derived secret gives nothing about another brand's.
 */
import "server-only";
import { createHmac } from "node:crypto";
import type { OkxCredentials } from "./okx/http";

/** The account the master key itself opens (the simulator's original data set). */
export const MAIN_SIM_ACCOUNT = "main";

/** Brand ids are UUIDs; the pattern also keeps an account id safe as a file name. */
export const SIM_ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;

const mac = (secret: string, label: string) => createHmac("sha256", secret).update(label);

export function simAccountCredentials(master: OkxCredentials, accountId: string): OkxCredentials {
  if (!SIM_ACCOUNT_ID.test(accountId) || accountId === MAIN_SIM_ACCOUNT) throw new Error(`not a simulator account id: ${accountId}`);
  return {
    apiKey: `${master.apiKey}:${accountId}`,
    secretKey: mac(master.secretKey, `secret|${accountId}`).digest("hex").slice(0, 32).toUpperCase(),
    passphrase: mac(master.secretKey, `passphrase|${accountId}`).digest("base64url").slice(0, 16),
  };
}

/** The account a key opens: "main" for the master key, the id for a derived key, null for anything else. */
export function simAccountOfKey(masterApiKey: string, apiKey: string): string | null {
  if (apiKey === masterApiKey) return MAIN_SIM_ACCOUNT;
  if (!apiKey.startsWith(`${masterApiKey}:`)) return null;
  const id = apiKey.slice(masterApiKey.length + 1);
  return SIM_ACCOUNT_ID.test(id) && id !== MAIN_SIM_ACCOUNT ? id : null;
}
