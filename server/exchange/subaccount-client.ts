/**
 * A client signed with one sub-account's OWN API key — how the back office reads and acts on a customer's
 * exchange account (OKX.md "A sub-account's own account"). The key is one Brokerdesk created and keeps
 * encrypted (SubaccountApiKey.secretKeyEnc); keys seen only on the exchange have no secret and cannot be
 * used. The destination (real OKX or the simulator, live or demo) is the brand's, from brand-client.ts.
 *
 * Per-user rate limits: the client's token buckets are keyed by the API key, so each sub-account has its
 * own, as at OKX. Decrypted secrets live only inside the client object.
 */
import "server-only";
import { decryptSecret } from "../crypto/secrets";
import type { DbTx } from "../db/client";
import { AppError, notFound } from "../errors";
import { type BrandClientOptions, breakerOf, targetOf } from "./brand-client";
import { createOkxClient, type OkxClient } from "./okx";

export type SubaccountPermission = "read_only" | "trade" | "withdraw";

/** Why a sub-account has no usable key (shown per sub-account: "no key with a stored secret", …). */
export type NoKeyReason = "no_key" | "no_stored_secret" | "missing_permission" | "unreadable_secret";

export class NoUsableKeyError extends AppError {
  constructor(
    readonly why: NoKeyReason,
    readonly permission: SubaccountPermission,
  ) {
    super("CONFLICT", `exchangeAccounts.errors.noKey.${why}`, { params: { permission } });
  }
}

export interface SubaccountClient {
  client: OkxClient;
  /** The key's public id and permissions (safe to show and audit). */
  apiKey: string;
  perms: string[];
  subAcct: string;
  brandId: string;
  /** Where the client points (real OKX or the simulator): a key for data every account there shares. */
  baseUrl: string;
}

interface KeyRow {
  sub_acct: string;
  broker_code: string | null;
  okx_mode: "live" | "demo";
  okx_credentials_updated_at: Date | null;
  own_credentials: boolean;
  api_key: string | null;
  perms: string[] | null;
  secret_key_enc: string | null;
  passphrase_enc: string | null;
}

/**
 * The client for a sub-account of `brandId` that holds `permission` (read_only: any stored key). Among
 * several usable keys, the newest wins. Throws NOT_FOUND for another brand's sub-account (never reveals
 * it exists) and NoUsableKeyError when none of its keys can be used.
 */
export async function subaccountClient(
  db: DbTx,
  brandId: string,
  subaccountId: string,
  permission: SubaccountPermission = "read_only",
  options: BrandClientOptions = {},
): Promise<SubaccountClient> {
  // One statement for the sub-account, its keys (newest first) and where its brand's calls go: this runs
  // before every sync and action, thousands of times a refresh.
  const rows = await db.$queryRaw<KeyRow[]>`
    SELECT s.sub_acct, b.broker_code, b.okx_mode::text AS okx_mode, b.okx_credentials_updated_at,
           (b.okx_api_key IS NOT NULL AND b.okx_secret_enc IS NOT NULL AND b.okx_passphrase_enc IS NOT NULL) AS own_credentials,
           k.api_key, k.perms, k.secret_key_enc, k.passphrase_enc
    FROM subaccount s
    JOIN brand b ON b.id = s.brand_id
    LEFT JOIN subaccount_api_key k ON k.subaccount_id = s.id AND k.brand_id = s.brand_id
    WHERE s.id = ${subaccountId}::uuid AND s.brand_id = ${brandId}::uuid
    ORDER BY k.exchange_created_at DESC NULLS LAST`;
  const sub = rows[0];
  if (!sub) throw notFound("subAccount");
  const keys = rows.filter((k) => k.api_key !== null);
  const stored = keys.filter((k) => k.secret_key_enc && k.passphrase_enc);
  const usable = stored.filter((k) => permission === "read_only" || k.perms!.includes(permission));
  const key = usable[0];
  if (!key) throw new NoUsableKeyError(keys.length === 0 ? "no_key" : stored.length === 0 ? "no_stored_secret" : "missing_permission", permission);

  let secretKey: string;
  let passphrase: string;
  try {
    secretKey = decryptSecret(key.secret_key_enc!);
    passphrase = decryptSecret(key.passphrase_enc!);
  } catch {
    throw new NoUsableKeyError("unreadable_secret", permission);
  }
  const target = targetOf({ ownCredentials: sub.own_credentials, okxMode: sub.okx_mode, okxCredentialsUpdatedAt: sub.okx_credentials_updated_at }, options);
  const { endpoints: _endpoints, ...tuning } = options;
  const credentials = { apiKey: key.api_key!, secretKey, passphrase };
  const client = createOkxClient({ ...tuning, breaker: breakerOf(options), baseUrl: target.baseUrl, mode: target.mode, credentials, brokerCode: sub.broker_code, brandId });
  return { client, apiKey: key.api_key!, perms: key.perms!, subAcct: sub.sub_acct, brandId, baseUrl: target.baseUrl };
}
