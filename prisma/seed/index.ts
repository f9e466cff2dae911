/**
 * Demo data, one module per domain, run in order (later ones may rely on earlier ones: customers need
 * brands). Each module is idempotent: it creates what is missing and returns a one-line summary.
 * A domain adds its module here, e.g. `{ name: "customers", run: seedCustomers }`.
 */
import type { Db } from "../../server/db/client";
import { seedCustomers } from "./customers";
import { seedExchangeAccounts } from "./exchange-accounts";
import { seedFoundation } from "./foundation";
import { seedFreezes } from "./freezes";
import { seedKyc } from "./kyc";
import { seedMessages } from "./messages";
import { seedMoney } from "./money";
import { seedRebates } from "./rebates";
import { seedFdRebates } from "./fd-rebates";

export interface SeedModule {
  name: string;
  run: (db: Db) => Promise<string>;
}

export const SEED_MODULES: readonly SeedModule[] = [
  { name: "foundation", run: seedFoundation },
  { name: "customers", run: seedCustomers },
  { name: "kyc", run: seedKyc },
  { name: "freezes", run: seedFreezes },
  { name: "money", run: seedMoney },
  { name: "messages", run: seedMessages },
  { name: "rebates", run: seedRebates },
  { name: "fd-rebates", run: seedFdRebates },
  { name: "exchange-accounts", run: seedExchangeAccounts },
];

export async function seedAll(db: Db, log: (line: string) => void = console.log): Promise<void> {
  for (const seed of SEED_MODULES) {
    log(`seed: ${await seed.run(db)}`);
  }
}
