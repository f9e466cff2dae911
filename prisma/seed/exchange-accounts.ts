/**
 * Demo exchange accounts: the demo customers' sub-accounts (prisma/seed/rebates.ts) get their API keys'
 * secret and passphrase stored ENCRYPTED, as if Brokerdesk had created the keys, so the exchange-account
 * sync (server/exchange-accounts/sync.ts) can read them through the simulator on the worker's first start
 * (the `exchange-account-sync` queue runs on start) and a fresh installation shows live-looking accounts.
 *
 * The secrets are the simulator's own for those keys: generated exactly as the simulator generates the
 * brand's account (same seed and size, server/exchange/sim config), never printed, logged or audited.
 * Only keys without an IP binding are stored: the simulator refuses a bound key from any other address
 * (50110), as OKX does, and the back office does not call from the customers' addresses. A sub-account
 * whose keys are all bound keeps "no stored secret", which its Exchange tab says.
 */
import type { Db } from "../../server/db/client";
import { encryptSecret } from "../../server/crypto/secrets";
import { accountSeed } from "../../server/exchange/sim/accounts";
import { optionsFromEnv, resolveConfig, type SimulatorOptions } from "../../server/exchange/sim/config";
import { generate } from "../../server/exchange/sim/generate";
import { DEMO_BRANDS } from "../demo-accounts";

/** The simulator's keys of the brand's account, with their secrets (kept in memory only). */
function simulatorKeys(brandId: string, options: SimulatorOptions) {
  const config = resolveConfig(options);
  return generate({ seed: accountSeed(config.seed, brandId), subaccounts: config.subaccounts, deposits: 0, now: Date.now() }).apiKeys;
}

/** Stores the missing secrets of one brand's demo keys; returns how many keys were given theirs. */
export async function seedBrandExchangeKeys(db: Db, brandId: string, sim: SimulatorOptions = optionsFromEnv()): Promise<number> {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { okxApiKey: true } });
  // A brand with its own credentials is on OKX: its keys' secrets are nobody's to invent.
  if (brand.okxApiKey) return 0;
  const stored = await db.subaccountApiKey.findMany({
    where: { brandId, secretKeyEnc: null, subaccount: { customerId: { not: null } } },
    select: { id: true, apiKey: true },
  });
  if (stored.length === 0) return 0;
  const byKey = new Map(simulatorKeys(brandId, sim).map((k) => [k.apiKey, k]));
  let given = 0;
  for (const row of stored) {
    const k = byKey.get(row.apiKey);
    if (!k || k.ip) continue;
    await db.subaccountApiKey.update({
      where: { id: row.id },
      data: { secretKeyEnc: encryptSecret(k.secretKey), passphraseEnc: encryptSecret(k.passphrase) },
    });
    given++;
  }
  return given;
}

export async function seedExchangeAccounts(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const { slug } of DEMO_BRANDS) {
    const brand = await db.brand.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    parts.push(`${slug} ${await seedBrandExchangeKeys(db, brand.id)} keys usable`);
  }
  return `exchange accounts: ${parts.join(", ")} (synced by the worker on start)`;
}
