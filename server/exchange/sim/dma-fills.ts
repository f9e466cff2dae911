/**
 * The fills of a simulated broker account, one UTC day at a time: what its DMA trading-details files list
 * (./handlers/trades-csv.ts) and what ND rebate-daily sums (./handlers/rebates.ts). A day's fills are a
 * function of the account's seed, the day, the sub-accounts that existed during it (with the fee rates in
 * force that day) and the day's row count — so every file that covers a day holds the same fills, with the
 * same tradeId, ordId and values, and rebate-daily agrees with them to the last decimal.
 *
 * The model, chosen where OKX's docs are silent:
 *  - Who trades: a fill goes to a sub-account created at or before the start of its time slot, the older
 *    ones more often (a few busy accounts, a long quiet tail). A day before any sub-account has no fills.
 *    A second-level sub-account (mainAcct set) is subAcctLv 2 with its parent as firstLvSubAcct. A deleted
 *    sub-account's fills go with it (the simulator keeps no history of deleted accounts).
 *  - An order has 1–4 fills sharing its ordId; the first is taker (T) or maker (M), later ones maker.
 *  - Ids: tradeId = day number × 10⁹ + the fill's index in the day; ordId = "1" + the day number (5 digits)
 *    + the order's index in the day (12 digits), 18 digits. Both unique across days and files.
 *  - ts runs through the day in order, [00:00, 24:00) UTC; every day is generated whole, today included.
 *  - amt: the fill's notional in USDT, whole cents (10 – ~316,000 USDT).
 *  - fee = amt × the sub-account's maker or taker rate *of that day* for the instrument's fee type
 *    (feeTypeOf), rounded half away from zero to 8 decimals, in OKX's sign (negative = charged). A rate
 *    change (set-subaccount-fee-rate) applies from its effective day; earlier days keep their fees.
 */
import "server-only";
import Decimal from "decimal.js";
import type { FeeRate, Subaccount } from "./model";
import { Rng, hash32 } from "./random";

export const DAY_MS = 86_400_000;
/** Fills a day can hold: the fill's index is the low part of its tradeId. */
export const MAX_FILLS_PER_DAY = 1_000_000_000;

/**
 * The broker's commission in rebate-daily: 30 % of the fees its sub-accounts paid that day — of Σ |fee|, so
 * a maker rebate paid out (a positive fee) counts as fee volume too — rounded half up to 8 decimals.
 */
export const REBATE_SHARE = { numerator: 3n, denominator: 10n } as const;

/**
 * OKX's fee type (1–9, as in subaccount-trade-fee) of an instrument id: spot BASE-QUOTE → 1 when quoted in
 * USDT, else 2; BASE-QUOTE-SWAP → 6 USDT, 7 USDC, 8 USD (coin-margined); BASE-QUOTE-YYMMDD futures → 3, 4, 5
 * the same way; BASE-USD-YYMMDD-STRIKE-C|P options → 9.
 */
export function feeTypeOf(instId: string): number {
  const parts = instId.split("-");
  const margin = (quote: string) => (quote === "USDT" ? 0 : quote === "USDC" ? 1 : 2);
  if (parts.length === 2) return parts[1] === "USDT" ? 1 : 2;
  if (parts.length >= 4) return 9;
  return (parts[2] === "SWAP" ? 6 : 3) + margin(parts[1]);
}

/** Instruments with their weights (how often they trade). */
const INSTRUMENTS: [string, number][] = [
  ["BTC-USDT", 6], ["ETH-USDT", 5], ["SOL-USDT", 3], ["XRP-USDT", 2], ["DOGE-USDT", 2], ["ETH-BTC", 1], ["BTC-USDC", 1],
  ["BTC-USDT-SWAP", 6], ["ETH-USDT-SWAP", 4], ["SOL-USDT-SWAP", 2], ["BTC-USDC-SWAP", 1], ["BTC-USD-SWAP", 2], ["ETH-USD-SWAP", 1],
  ["BTC-USDT-250926", 1], ["BTC-USDC-250926", 1], ["BTC-USD-250926", 1], ["BTC-USD-250926-120000-C", 1],
];
/** Expanded by weight, with the fee-rate index (type − 1), so a draw is one pick. */
const POOL = INSTRUMENTS.flatMap(([instId, w]) => Array.from({ length: w }, () => ({ instId, typeIdx: feeTypeOf(instId) - 1 })));

const SCALE = "10000000000"; // rates in 1e-10
const TO_FEE_UNITS = 10_000n; // cents × 1e-10 = 1e-12 USDT → 1e-8 USDT
const HALF = TO_FEE_UNITS / 2n;

/** A decimal rate as an integer count of 1e-10 (rates have at most 10 decimals in practice). */
const scaled = (rate: string | undefined) => BigInt(new Decimal(rate ?? "0").times(SCALE).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));

/** amt (cents) × rate (1e-10) in 1e-8 USDT, rounded half away from zero. */
function fee8(cents: number, rate10: bigint): bigint {
  const product = BigInt(cents) * rate10;
  const q = product / TO_FEE_UNITS;
  const r = product % TO_FEE_UNITS;
  return (r < 0n ? -r : r) >= HALF ? q + (product < 0n ? -1n : 1n) : q;
}

/** The fee rates a sub-account paid on `dayMs`: the first earlier schedule still in force then, else today's. */
export function feeRatesOn(sub: Subaccount, dayMs: number): { rates: FeeRate[]; version: number } {
  const history = sub.feeRateHistory ?? [];
  for (let i = 0; i < history.length; i++) if (dayMs < Number(history[i].until)) return { rates: history[i].feeRates, version: i };
  return { rates: sub.feeRates, version: -1 };
}

export interface Trader {
  subAcct: string;
  lv: "1" | "2";
  first: string;
  maker: bigint[];
  taker: bigint[];
}

/**
 * The sub-accounts that may trade, oldest first (creation time, then name), each turned into a Trader with
 * the rates of a given day on first use and kept: building rates costs far more than a fill.
 */
export class TraderBook {
  private readonly subs: Subaccount[];
  private readonly created: number[];
  private readonly cache = new Map<string, Trader>();

  constructor(subs: Iterable<Subaccount>) {
    this.subs = [...subs].sort((a, b) => Number(a.ts) - Number(b.ts) || (a.subAcct < b.subAcct ? -1 : a.subAcct > b.subAcct ? 1 : 0));
    this.created = this.subs.map((s) => Number(s.ts));
  }

  get size(): number {
    return this.subs.length;
  }

  /** How many sub-accounts had been created at `ms` (created at or before it). */
  existingAt(ms: number): number {
    let lo = 0;
    let hi = this.created.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.created[mid] <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The `index`-th oldest sub-account with its rates of `dayMs`. */
  trader(index: number, dayMs: number): Trader {
    const s = this.subs[index];
    const { rates, version } = feeRatesOn(s, dayMs);
    const key = `${index}|${version}`;
    let t = this.cache.get(key);
    if (!t) {
      const types = Array.from({ length: 9 }, (_, i) => rates.find((f) => f.type === String(i + 1)));
      t = { subAcct: s.subAcct, lv: s.mainAcct ? "2" : "1", first: s.mainAcct || s.subAcct, maker: types.map((f) => scaled(f?.maker)), taker: types.map((f) => scaled(f?.taker)) };
      this.cache.set(key, t);
    }
    return t;
  }
}

export interface DmaFill {
  subAcct: string;
  lv: "1" | "2";
  first: string;
  instId: string;
  ordId: string;
  tradeId: string;
  /** amt in whole cents (1e-2 USDT). */
  cents: number;
  /** fee in 1e-8 USDT, OKX's sign. */
  fee: bigint;
  maker: boolean;
  ts: number;
}

/**
 * The fills of the UTC day starting at `dayMs`: `count` of them, fewer only while no sub-account existed
 * yet. The same arguments give the same fills; the random draws do not depend on who trades, so a
 * sub-account created later in the day changes no fill before it.
 */
export function* dayFills(seed: number, dayMs: number, book: TraderBook, count: number): Generator<DmaFill> {
  if (count <= 0 || book.size === 0) return;
  if (count > MAX_FILLS_PER_DAY) throw new RangeError(`at most ${MAX_FILLS_PER_DAY} fills a day`);
  const rng = new Rng(hash32(`${seed}|dma-day|${dayMs}`));
  const dayNo = Math.floor(dayMs / DAY_MS);
  const ordPrefix = `1${String(dayNo).padStart(5, "0")}`;
  const tradeBase = dayNo * MAX_FILLS_PER_DAY;
  const slot = DAY_MS / count;
  const last = dayMs + DAY_MS - 1;
  let order = 0;
  for (let i = 0; i < count; ) {
    const pick = rng.next();
    const inst = rng.pick(POOL);
    const fills = Math.min(count - i, 1 + Math.floor(rng.next() ** 3 * 4));
    let maker = rng.bool(0.4);
    const eligible = book.existingAt(dayMs + Math.floor(i * slot));
    // Squaring the draw favours the older sub-accounts.
    const t = eligible > 0 ? book.trader(Math.floor(pick ** 2 * eligible), dayMs) : null;
    const ordId = `${ordPrefix}${String(order++).padStart(12, "0")}`;
    for (let k = 0; k < fills; k++, i++) {
      if (k > 0) maker = true;
      const cents = Math.round(10 ** (1 + rng.next() * 4.5) * 100);
      const ts = Math.min(last, dayMs + Math.floor((i + rng.next()) * slot));
      if (!t) continue;
      const fee = fee8(cents, (maker ? t.maker : t.taker)[inst.typeIdx]);
      yield { subAcct: t.subAcct, lv: t.lv, first: t.first, instId: inst.instId, ordId, tradeId: String(tradeBase + i), cents, fee, maker, ts };
    }
  }
}

/** One sub-account's fills of a day, summed: Σ amt in cents, Σ |fee| and Σ fee in 1e-8 USDT. */
export interface SubaccountDay {
  fills: number;
  cents: bigint;
  absFee: bigint;
  fee: bigint;
}

/** The day's fills summed per sub-account (only those that traded). */
export function dayTotals(seed: number, dayMs: number, book: TraderBook, count: number): Map<string, SubaccountDay> {
  const out = new Map<string, SubaccountDay>();
  for (const f of dayFills(seed, dayMs, book, count)) {
    let s = out.get(f.subAcct);
    if (!s) out.set(f.subAcct, (s = { fills: 0, cents: 0n, absFee: 0n, fee: 0n }));
    s.fills++;
    s.cents += BigInt(f.cents);
    s.absFee += f.fee < 0n ? -f.fee : f.fee;
    s.fee += f.fee;
  }
  return out;
}

/** The broker's commission on Σ |fee| (1e-8 USDT): REBATE_SHARE of it, rounded half up. */
export function commissionOf(absFee: bigint): bigint {
  const { numerator, denominator } = REBATE_SHARE;
  return (absFee * numerator * 2n + denominator) / (2n * denominator);
}
