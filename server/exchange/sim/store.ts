/**
 * The simulator's state: maps in memory, persisted as one JSON snapshot (`<dataDir>/state.json`) written
 * atomically (temp file + rename) and debounced, loaded at start. Sized for 5,000 sub-accounts and
 * 50,000 deposits (benchmarks); rebate-daily rows, rebate CSVs and prices are computed, not stored.
 */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { generate } from "./generate";
import { type ApiKeyRecord, type Deposit, type DepositAddress, type Meta, type RebateFile, type Snapshot, SnapshotSchema, type Subaccount, type Withdrawal } from "./model";
import { Rng, hash32 } from "./random";
import type { SubTrading } from "./trading/model";

export interface StoreOptions {
  dataDir: string;
  /** The snapshot's file name in dataDir (one per broker account). */
  file?: string;
  seed: number;
  subaccounts: number;
  deposits: number;
  debounceMs: number;
  log: (line: string) => void;
}

export const STATE_FILE = "state.json";

/** Added to one sub-account's rebate-daily row of a day; amounts in 1e-8 USDT. */
export interface RebateDailyAdjustment {
  /** The sub-account whose row changes; without it, the first that traded that day (or the first listed). */
  subAcct?: string;
  vol: bigint;
  commission: bigint;
}

export class SimStore {
  meta!: Meta;
  /** Insertion order = creation order = the order of the broker list endpoints. */
  subaccounts = new Map<string, Subaccount>();
  apiKeys = new Map<string, ApiKeyRecord>();
  /** Per sub-account, oldest first. */
  addresses = new Map<string, DepositAddress[]>();
  /** Newest first. */
  deposits: Deposit[] = [];
  /** Newest first. */
  withdrawals: Withdrawal[] = [];
  rebateFiles: RebateFile[] = [];
  /** Sub-accounts' trading state in use (generated on first read, see trading/state.ts). */
  trading = new Map<string, SubTrading>();
  /** The ones a request changed: only these are written to the snapshot. */
  tradingTouched = new Set<string>();
  /**
   * Test hook (POST /sim/admin/rebate-daily): per day (YYYYMMDD), amounts rebate-daily adds to what the
   * day's fills give, so it disagrees with the trading details. In memory only: a restart forgets them.
   */
  rebateDailyAdjustments = new Map<string, RebateDailyAdjustment>();

  private timer: NodeJS.Timeout | null = null;
  private saving: Promise<void> | null = null;
  private dirty = false;
  private closed = false;

  private constructor(private readonly options: StoreOptions) {}

  /** Where this account's snapshot lives. */
  get file(): string {
    return path.join(this.options.dataDir, this.options.file ?? STATE_FILE);
  }

  /** Loads `<dataDir>/state.json`, or generates and saves a data set when there is none. */
  static async open(options: StoreOptions): Promise<SimStore> {
    const store = new SimStore(options);
    await fs.promises.mkdir(path.dirname(store.file), { recursive: true });
    const file = store.file;
    const snapshot = await readSnapshot(file, options.log);
    if (snapshot) {
      store.load(snapshot);
    } else {
      store.regenerate({ subaccounts: options.subaccounts, deposits: options.deposits });
      await store.flush();
    }
    return store;
  }

  /** Replaces everything with a freshly generated data set (first start, POST /sim/admin/seed). */
  regenerate(size: { subaccounts: number; deposits: number; seed?: number }) {
    this.load(generate({ seed: size.seed ?? this.options.seed, subaccounts: size.subaccounts, deposits: size.deposits, now: Date.now() }));
    this.changed();
  }

  private load(s: Snapshot) {
    this.meta = s.meta;
    this.subaccounts = new Map(s.subaccounts.map((x) => [x.subAcct, x]));
    this.apiKeys = new Map(s.apiKeys.map((x) => [x.apiKey, x]));
    this.addresses = new Map();
    for (const a of s.addresses) this.addressesOf(a.subAcct).push(a);
    this.deposits = s.deposits;
    this.withdrawals = s.withdrawals;
    this.rebateFiles = s.rebateFiles;
    this.trading = new Map((s.trading ?? []).map((t) => [t.subAcct, t]));
    this.tradingTouched = new Set(this.trading.keys());
  }

  snapshot(): Snapshot {
    return {
      version: 1,
      meta: this.meta,
      subaccounts: [...this.subaccounts.values()],
      apiKeys: [...this.apiKeys.values()],
      addresses: [...this.addresses.values()].flat(),
      deposits: this.deposits,
      withdrawals: this.withdrawals,
      rebateFiles: this.rebateFiles,
      trading: [...this.tradingTouched].flatMap((name) => this.trading.get(name) ?? []),
    };
  }

  /** The (mutable) address list of a sub-account. */
  addressesOf(subAcct: string): DepositAddress[] {
    let list = this.addresses.get(subAcct);
    if (!list) this.addresses.set(subAcct, (list = []));
    return list;
  }

  /** A fresh deterministic generator for one new record; the counter is persisted, so ids never repeat. */
  rng(): Rng {
    const seq = this.meta.nextSeq++;
    this.changed();
    return new Rng(hash32(`${this.meta.seed}|new|${seq}`));
  }

  /** Marks the state changed; it is written after the debounce. */
  changed() {
    this.dirty = true;
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.options.debounceMs);
    this.timer.unref();
  }

  /** Writes now if anything changed; resolves when the file on disk is current. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.saving) await this.saving;
    if (!this.dirty) return;
    this.dirty = false;
    this.saving = this.write().finally(() => (this.saving = null));
    await this.saving;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  private async write() {
    const file = this.file;
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await fs.promises.writeFile(tmp, JSON.stringify(this.snapshot()));
      await fs.promises.rename(tmp, file);
    } catch (e) {
      this.dirty = true;
      this.options.log(`could not write ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** The snapshot, or null when there is none; an unreadable one is set aside (never silently lost). */
async function readSnapshot(file: string, log: (line: string) => void): Promise<Snapshot | null> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = SnapshotSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  const aside = `${file}.unreadable-${Date.now()}`;
  await fs.promises.rename(file, aside);
  log(`${file} was not a valid simulator snapshot; moved to ${aside} and generating a new data set`);
  return null;
}
