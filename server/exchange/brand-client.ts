/**
 * Where a brand's exchange calls go — the ONE place that decides it, so no service, job or route picks
 * a base URL or a key on its own:
 *  - a brand with its own credentials → real OKX at OKX_BASE_URL, with its decrypted key, in its mode
 *    (live, or demo trading: same host, `x-simulated-trading: 1`);
 *  - a brand without → the built-in simulator at OKX_SIM_URL, with a key of its own derived from the
 *    simulator's master key (./sim-accounts.ts), so each brand has its own simulated broker account.
 * So the whole product works with no exchange account, and "going live" is entering a key.
 *
 * Decrypted secrets live only inside the client object; nothing here logs or returns them.
 */
import "server-only";
import { env } from "../env";
import { AppError, notFound } from "../errors";
import { decryptSecret } from "../crypto/secrets";
import type { DbTx, Prisma } from "../db/client";
import { simAccountCredentials } from "./sim-accounts";
import { sharedBreaker } from "./okx/breaker";
import { createOkxClient, type OkxClient, type OkxClientOptions, type OkxCredentials } from "./okx";

export type BrandExchangeClient = OkxClient;

/** The two destinations. Tests point them at a simulator they started instead of changing the environment. */
export interface ExchangeEndpoints {
  /** Real OKX, for brands with their own credentials. */
  okxBaseUrl: string;
  /** The built-in simulator and its master key (each brand's own key derives from it), for brands without. */
  simulatorUrl: string;
  simulatorCredentials: OkxCredentials;
}

export const defaultExchangeEndpoints = (): ExchangeEndpoints => ({
  okxBaseUrl: env.OKX_BASE_URL,
  simulatorUrl: env.OKX_SIM_URL,
  simulatorCredentials: { apiKey: env.OKX_SIM_API_KEY, secretKey: env.OKX_SIM_SECRET_KEY, passphrase: env.OKX_SIM_PASSPHRASE },
});

/** The client's tuning knobs a caller may set (Redis for shared rate limits, time-outs, retries). */
export type BrandClientOptions = Partial<Pick<OkxClientOptions, "redis" | "timeoutMs" | "maxRetries" | "maxRateWaitMs" | "logger" | "limits" | "breaker">> & {
  /** Overrides of the environment's destinations (tests). */
  endpoints?: Partial<ExchangeEndpoints>;
};

/** What the brand's row says about its exchange: the columns this module reads. */
const exchangeSelect = {
  id: true,
  brokerCode: true,
  okxApiKey: true,
  okxSecretEnc: true,
  okxPassphraseEnc: true,
  okxMode: true,
  okxCredentialsUpdatedAt: true,
} satisfies Prisma.BrandSelect;

/** The destination chosen for a brand, without its secrets (safe to show, log or audit). */
export interface ExchangeTarget {
  usingSimulator: boolean;
  baseUrl: string;
  mode: "live" | "demo";
  /** When the brand's credentials last changed: lets a caller tell whether they changed meanwhile. */
  credentialsUpdatedAt: Date | null;
}

/** The breakers a brand's client consults: the shared ones unless the caller chose (tests). */
export const breakerOf = (options: BrandClientOptions) => (options.breaker === undefined ? sharedBreaker() : options.breaker);

/**
 * Where the brand's calls go, from its row: real OKX in its mode with its own credentials (all three
 * columns set — the service writes them together, so a partial row counts as none), else the simulator.
 */
export function targetOf(brand: { ownCredentials: boolean; okxMode: "live" | "demo"; okxCredentialsUpdatedAt: Date | null }, options: BrandClientOptions = {}): ExchangeTarget {
  const endpoints = { ...defaultExchangeEndpoints(), ...options.endpoints };
  return brand.ownCredentials
    ? { usingSimulator: false, baseUrl: endpoints.okxBaseUrl, mode: brand.okxMode, credentialsUpdatedAt: brand.okxCredentialsUpdatedAt }
    : { usingSimulator: true, baseUrl: endpoints.simulatorUrl, mode: "demo", credentialsUpdatedAt: brand.okxCredentialsUpdatedAt };
}

/**
 * The brand's client and where it points. Throws NOT_FOUND for an unknown brand, and EXCHANGE_ERROR when
 * the stored secrets cannot be decrypted (ENCRYPTION_KEY changed): calls must not silently fall back to
 * the simulator for a brand that has configured a real key.
 */
export async function brandExchange(db: DbTx, brandId: string, options: BrandClientOptions = {}) {
  const brand = await db.brand.findUnique({ where: { id: brandId }, select: exchangeSelect });
  if (!brand) throw notFound("brand");
  const { endpoints: overrides, ...tuning } = options;
  const endpoints = { ...defaultExchangeEndpoints(), ...overrides };
  const { okxApiKey, okxSecretEnc, okxPassphraseEnc } = brand;
  const own = okxApiKey && okxSecretEnc && okxPassphraseEnc ? { okxApiKey, okxSecretEnc, okxPassphraseEnc } : null;
  const target = targetOf({ ownCredentials: own !== null, okxMode: brand.okxMode, okxCredentialsUpdatedAt: brand.okxCredentialsUpdatedAt }, options);
  const credentials: OkxCredentials = own
    ? { apiKey: own.okxApiKey, ...unseal(own.okxSecretEnc, own.okxPassphraseEnc) }
    : simAccountCredentials(endpoints.simulatorCredentials, brand.id);

  const client = createOkxClient({ ...tuning, breaker: breakerOf(options), baseUrl: target.baseUrl, credentials, mode: target.mode, brokerCode: brand.brokerCode, brandId: brand.id });
  return { client, target, brokerCode: brand.brokerCode };
}

/** The brand's exchange client: what every service and job that talks to the exchange uses. */
export async function exchangeClientForBrand(db: DbTx, brandId: string, options: BrandClientOptions = {}): Promise<BrandExchangeClient> {
  return (await brandExchange(db, brandId, options)).client;
}

/** Stored secrets that no longer decrypt (ENCRYPTION_KEY changed): the brand must enter them again. */
export class UnreadableCredentialsError extends AppError {
  constructor(cause: unknown) {
    super("EXCHANGE_ERROR", "exchange.errors.credentialsUnreadable", { cause });
  }
}

function unseal(secretEnc: string, passphraseEnc: string): Pick<OkxCredentials, "secretKey" | "passphrase"> {
  try {
    return { secretKey: decryptSecret(secretEnc), passphrase: decryptSecret(passphraseEnc) };
  } catch (cause) {
    // The cause is a crypto error with no secret in it: kept for the server log, never sent to the browser.
    throw new UnreadableCredentialsError(cause);
  }
}
