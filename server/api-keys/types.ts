/** What the apiKey procedures return. Masked metadata only, except the two one-time answers below. Client-safe. */
import type { Page } from "@/lib/table-state";

export interface ApiKeyRow {
  id: string;
  subaccountId: string;
  /** The exchange's sub-account name. */
  subAcct: string;
  label: string;
  /** "8a1b…9c0d": the public key is listed masked. */
  apiKeyMasked: string;
  /** read_only first, then trade / withdraw. */
  perms: string[];
  ips: string[];
  /** Trade or withdraw and no bound IP: the exchange deletes the key after 14 idle days. */
  risky: boolean;
  /** Created through Brokerdesk: its secret key and passphrase are kept (encrypted) for a step-up reveal. */
  hasStoredSecret: boolean;
  /** When the exchange created the key. */
  exchangeCreatedAt: Date;
  /** null: created elsewhere and found by "Refresh from exchange". */
  createdBy: { id: string; name: string } | null;
  lastRevealedAt: Date | null;
  version: number;
}

export type ApiKeyPage = Page<ApiKeyRow>;

export interface SubaccountApiKeys {
  subaccount: { id: string; subAcct: string; removed: boolean };
  rows: ApiKeyRow[];
}

/**
 * The answer to `create` and `reveal` — the only two that carry a secret. Shown once in the browser and
 * never stored there; the server keeps the secret key and passphrase only encrypted.
 */
export interface ApiKeyCredentials {
  key: ApiKeyRow;
  /** The full public key. */
  apiKey: string;
  secretKey: string;
  passphrase: string;
}

export interface ApiKeyRefreshSummary {
  subAcct: string;
  /** Keys the exchange listed. */
  seen: number;
  created: number;
  updated: number;
  removed: number;
}

export interface RiskyApiKeySummary {
  count: number;
  /** The most recently created few, for the dashboard. */
  keys: Pick<ApiKeyRow, "id" | "subaccountId" | "subAcct" | "label" | "apiKeyMasked" | "perms" | "exchangeCreatedAt">[];
}
