/**
 * OKX private-request authentication. The signature is checked over the bytes as received — the raw
 * request target (path + "?query", never re-encoded) and the raw body text — because every client
 * serialises differently (compact or spaced JSON, raw or percent-encoded queries, any key order).
 */
import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { verifyOkxSignature } from "../okx/sign";
import { MAIN_SIM_ACCOUNT, simAccountCredentials, simAccountOfKey } from "../sim-accounts";
import type { SimConfig } from "./config";
import { Errors, type OkxError, ipNotAllowed } from "./errors";
import type { SimStore } from "./store";

export interface AuthRequest {
  method: string;
  /** Path and query exactly as in the request line. */
  target: string;
  body: string;
  headers: IncomingHttpHeaders;
}

/**
 * `account`: the broker master account the key opens (../sim-accounts.ts); `subAcct`: the sub-account a
 * sub-account key belongs to (null for a broker key).
 */
export type AuthResult = { ok: true; apiKey: string; account: string; subAcct: string | null } | { ok: false; error: OkxError };

/** What the route asks of the key (endpoints.ts `signer` / `perm`). */
export interface RouteAccess {
  /** undefined: broker endpoints only. */
  signer?: "subaccount" | "any";
  perm?: "trade" | "withdraw";
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s === "" ? undefined : s;
};

/** ISO-8601 UTC as OKX sends it, e.g. 2020-12-08T09:08:57.715Z (fraction optional). */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** The secret and passphrase behind a key: a master account's, or a sub-account key created in any account. */
function keyOwner(key: string, config: SimConfig, stores: ReadonlyMap<string, SimStore>) {
  const account = simAccountOfKey(config.apiKey, key);
  if (account === MAIN_SIM_ACCOUNT) return { account, record: null, secretKey: config.secretKey, passphrase: config.passphrase };
  if (account) return { account, record: null, ...simAccountCredentials(config, account) };
  for (const [id, store] of stores) {
    const record = store.apiKeys.get(key);
    if (record) return { account: id, record, secretKey: record.secretKey, passphrase: record.passphrase };
  }
  return null;
}

/** "::ffff:1.2.3.4" → "1.2.3.4". */
const plainIp = (ip: string) => (ip.startsWith("::ffff:") ? ip.slice(7) : ip);

export function authenticate(req: AuthRequest, config: SimConfig, stores: ReadonlyMap<string, SimStore>, now = Date.now(), access: RouteAccess = {}, remoteIp = ""): AuthResult {
  const fail = (error: OkxError): AuthResult => ({ ok: false, error });
  const key = header(req.headers, "ok-access-key");
  const sign = header(req.headers, "ok-access-sign");
  const timestamp = header(req.headers, "ok-access-timestamp");
  const passphrase = header(req.headers, "ok-access-passphrase");

  if (!key) return fail(Errors.missingKey());
  if (!passphrase) return fail(Errors.missingPassphrase());
  if (!sign) return fail(Errors.missingSign());
  if (!timestamp) return fail(Errors.missingTimestamp());
  const ts = ISO_UTC.test(timestamp) ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(ts)) return fail(Errors.invalidTimestamp());
  if (Math.abs(now - ts) > config.timestampToleranceMs) return fail(Errors.timestampExpired());

  // A broker master key, or a sub-account key created through the simulator (which may not call broker endpoints).
  const owner = keyOwner(key, config, stores);
  if (!owner) return fail(Errors.invalidKey());
  if (passphrase !== owner.passphrase) return fail(Errors.wrongPassphrase());

  // Python's SDK sends "x-simulated-trading: 0" for live; only "1" means demo.
  const demoRequest = header(req.headers, "x-simulated-trading") === "1";
  if (demoRequest !== (config.mode === "demo")) return fail(Errors.demoLiveMismatch());

  if (!verifyOkxSignature(owner.secretKey, sign, timestamp, req.method.toUpperCase(), req.target, req.body)) return fail(Errors.invalidSign());
  const record = owner.record;
  // A sub-account key opens only the sub-account endpoints; a broker key reads its own (empty) account there.
  if (record && !access.signer) return fail(Errors.invalidAuthority());
  if (record?.ip) {
    const ip = plainIp(remoteIp);
    if (!record.ip.split(",").includes(ip)) return fail(ipNotAllowed(ip));
  }
  if (record && access.perm && !record.perm.split(",").includes(access.perm)) return fail(Errors.noPermission());
  return { ok: true, apiKey: key, account: owner.account, subAcct: record?.subAcct ?? null };
}
