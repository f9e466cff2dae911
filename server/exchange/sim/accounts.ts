/**
 * One store per broker master account: "main" (the configured key, `state.json`) and one per derived key
 * (`accounts/<id>.json`, see ../sim-accounts.ts). An account's state is its own — sub-accounts, keys,
 * addresses, deposits, rebate files — so two brands on the simulator never see each other's data.
 * A derived account is created on its first request with a data set of its own (seeded from its id).
 */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { MAIN_SIM_ACCOUNT, SIM_ACCOUNT_ID } from "../sim-accounts";
import type { SimConfig } from "./config";
import { hash32 } from "./random";
import { SimStore } from "./store";

const ACCOUNTS_DIR = "accounts";

/** The seed an account's data set is generated from: the simulator's own for "main", one derived per account id otherwise. */
export const accountSeed = (simSeed: number, id: string) => (id === MAIN_SIM_ACCOUNT ? simSeed : hash32(`${simSeed}|account|${id}`));

export class SimAccounts {
  private readonly stores = new Map<string, SimStore>();
  /** Accounts being opened, so two first requests at once open one store. */
  private readonly opening = new Map<string, Promise<SimStore>>();

  private constructor(private readonly config: SimConfig) {}

  /** Opens "main" and every account already on disk (sub-account keys are looked up across all of them). */
  static async open(config: SimConfig): Promise<SimAccounts> {
    const accounts = new SimAccounts(config);
    await accounts.get(MAIN_SIM_ACCOUNT);
    const names = await fs.promises.readdir(path.join(config.dataDir, ACCOUNTS_DIR)).catch(() => [] as string[]);
    for (const name of names) {
      const id = name.endsWith(".json") ? name.slice(0, -5) : "";
      if (SIM_ACCOUNT_ID.test(id)) await accounts.get(id);
    }
    return accounts;
  }

  get main(): SimStore {
    return this.stores.get(MAIN_SIM_ACCOUNT)!;
  }

  /** The account's store, created (and generated) on first use. */
  get(id: string): Promise<SimStore> {
    const open = this.stores.get(id);
    if (open) return Promise.resolve(open);
    let pending = this.opening.get(id);
    if (!pending) {
      const main = id === MAIN_SIM_ACCOUNT;
      pending = SimStore.open({
        dataDir: this.config.dataDir,
        file: main ? undefined : path.join(ACCOUNTS_DIR, `${id}.json`),
        seed: accountSeed(this.config.seed, id),
        subaccounts: this.config.subaccounts,
        deposits: this.config.deposits,
        debounceMs: this.config.persistDebounceMs,
        log: this.config.log,
      }).then((store) => {
        this.stores.set(id, store);
        this.opening.delete(id);
        return store;
      });
      this.opening.set(id, pending);
    }
    return pending;
  }

  /** The loaded account's store, or undefined (admin calls never create an account). */
  peek(id: string): SimStore | undefined {
    return this.stores.get(id);
  }

  ids(): string[] {
    return [...this.stores.keys()];
  }

  /** Loaded accounts by id. */
  byId(): ReadonlyMap<string, SimStore> {
    return this.stores;
  }

  all(): SimStore[] {
    return [...this.stores.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((store) => store.close()));
  }
}
