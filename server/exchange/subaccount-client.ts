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
import { type BrandClientOptions, brandExchange } from "./brand-client";
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
  const sub = await db.subaccount.findFirst({
    where: { id: subaccountId, brandId },
    select: { subAcct: true, apiKeys: { select: { apiKey: true, perms: true, secretKeyEnc: true, passphraseEnc: true, exchangeCreatedAt: true }, orderBy: { exchangeCreatedAt: "desc" } } },
  });
  if (!sub) throw notFound("subAccount");
  const stored = sub.apiKeys.filter((k) => k.secretKeyEnc && k.passphraseEnc);
  const usable = stored.filter((k) => permission === "read_only" || k.perms.includes(permission));
  const key = usable[0];
  if (!key) throw new NoUsableKeyError(sub.apiKeys.length === 0 ? "no_key" : stored.length === 0 ? "no_stored_secret" : "missing_permission", permission);

  let secretKey: string;
  let passphrase: string;
  try {
    secretKey = decryptSecret(key.secretKeyEnc as string);
    passphrase = decryptSecret(key.passphraseEnc as string);
  } catch {
    throw new NoUsableKeyError("unreadable_secret", permission);
  }
  const { target, brokerCode } = await brandExchange(db, brandId, options);
  const { endpoints: _endpoints, ...tuning } = options;
  const credentials = { apiKey: key.apiKey, secretKey, passphrase };
  const client = createOkxClient({ ...tuning, baseUrl: target.baseUrl, mode: target.mode, credentials, brokerCode, brandId });
  return { client, apiKey: key.apiKey, perms: key.perms, subAcct: sub.subAcct, brandId, baseUrl: target.baseUrl };
}
