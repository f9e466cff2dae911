/**
 * The demo brands' exchange trades, as the exchange's trading-details CSV (DMA, one file per range of days):
 * the same header and value forms OKX writes, fees negative when charged and positive for a maker rebate.
 * Deterministic (the customers seed's PRNG): a day's trades depend on the brand, the day and the sub-accounts
 * only, so a seed run tomorrow adds tomorrow's day and leaves the others as they were.
 */
import { seededRandom } from "./customers";

export const TRADES_HEADER = "subAcct,subAcctLv,firstLvSubAcct,instId,ordId,tradeId,amt,fee,execType,ts";

/** A demo sub-account that trades: how busy it is and whether it gets maker rebates on swaps (a VIP rate). */
export interface TradingSub {
  subAcct: string;
  level: 1 | 2;
  firstLevel: string;
  /** Trades on an average day. */
  perDay: number;
  vip: boolean;
}

interface Instrument {
  instId: string;
  /** Fee rates as OKX writes them (negative: charged), maker then taker; VIPs get `vipMaker` on this instrument. */
  maker: number;
  taker: number;
  vipMaker: number;
  /** Typical amount of one trade in USDT. */
  size: number;
  weight: number;
}

const DAY_MS = 86_400_000;

/** The quarterly futures' expiry after `day` (last Friday of the quarter's last month), as OKX's YYMMDD. */
export function quarterlyExpiry(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const quarterEndMonth = Math.floor(d.getUTCMonth() / 3) * 3 + 2;
  const last = new Date(Date.UTC(d.getUTCFullYear(), quarterEndMonth + 1, 0));
  last.setUTCDate(last.getUTCDate() - ((last.getUTCDay() + 2) % 7));
  return last.toISOString().slice(2, 10).replaceAll("-", "");
}

function instruments(day: string): Instrument[] {
  const expiry = quarterlyExpiry(day);
  return [
    { instId: "BTC-USDT", maker: -0.0008, taker: -0.001, vipMaker: -0.0006, size: 4000, weight: 6 },
    { instId: "ETH-USDT", maker: -0.0008, taker: -0.001, vipMaker: -0.0006, size: 2500, weight: 4 },
    { instId: "SOL-USDT", maker: -0.0008, taker: -0.001, vipMaker: -0.0006, size: 900, weight: 2 },
    { instId: "BTC-USDT-SWAP", maker: -0.0002, taker: -0.0005, vipMaker: 0.00005, size: 12000, weight: 6 },
    { instId: "ETH-USDT-SWAP", maker: -0.0002, taker: -0.0005, vipMaker: 0.00005, size: 7000, weight: 3 },
    { instId: `BTC-USD-${expiry}`, maker: -0.0002, taker: -0.0005, vipMaker: -0.00015, size: 8000, weight: 1 },
    { instId: `BTC-USD-${expiry}-100000-C`, maker: -0.0002, taker: -0.0003, vipMaker: -0.00015, size: 600, weight: 1 },
  ];
}

/** Every day from `from` to `to` (UTC, both included). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) out.push(new Date(ms).toISOString().slice(0, 10));
  return out;
}

/** `value` with `digits` decimals as text (demo input: the CSV is what is exact from here on). */
const fixed = (value: number, digits: number) => {
  const text = value.toFixed(digits);
  return /^-0\.0*$/.test(text) ? text.slice(1) : text;
};

/** One CSV line per trade of `day` (no header), in time order; ids unique per brand and day. */
export function tradeLines(brandSlug: string, day: string, subs: readonly TradingSub[]): string[] {
  const rng = seededRandom(`rebates:${brandSlug}:${day}`);
  const list = instruments(day);
  const pool = list.flatMap((inst) => Array<Instrument>(inst.weight).fill(inst));
  const start = Date.parse(`${day}T00:00:00Z`);
  // Weekends are quieter; some days are busy for everyone.
  const weekday = new Date(start).getUTCDay();
  const mood = (weekday === 0 || weekday === 6 ? 0.6 : 1) * (0.7 + rng() * 0.8);
  const trades: { ts: number; line: (seq: number) => string }[] = [];
  for (const sub of subs) {
    const count = Math.round(sub.perDay * mood * (0.5 + rng()));
    for (let i = 0; i < count; i++) {
      const inst = pool[Math.floor(rng() * pool.length)];
      const maker = rng() < 0.45;
      const rate = maker ? (sub.vip ? inst.vipMaker : inst.maker) : inst.taker;
      const amount = Math.max(5, inst.size * (0.1 + rng() * rng() * 3));
      const amt = fixed(amount, 4);
      const fee = fixed(Number(amt) * rate, 8);
      const ts = start + Math.floor(rng() * (DAY_MS - 1000));
      trades.push({ ts, line: (seq) => [sub.subAcct, sub.level, sub.firstLevel, inst.instId, orderId(day, seq), tradeId(day, seq), amt, fee, maker ? "M" : "T", ts].join(",") });
    }
  }
  trades.sort((a, b) => a.ts - b.ts);
  return trades.map((trade, seq) => trade.line(seq));
}

/** Ids as digits that never repeat across days: the day's number since 1970, then the trade's place in it. */
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const tradeId = (day: string, seq: number) => `${dayNumber(day)}${String(seq).padStart(5, "0")}`;
const orderId = (day: string, seq: number) => `7${dayNumber(day)}${String(seq).padStart(5, "0")}`;
