/**
 * The simulator's instruments and their deterministic price path: a smooth function of time per instrument
 * (a few slow waves plus interpolated noise), so tickers, candles, fills and marks agree and the same moment
 * always has the same price. Shared by the public market handlers and the trading engine.
 */
import "server-only";
import { hash32, mulberry32 } from "../random";

export interface Instrument {
  instId: string;
  instType: "SPOT" | "SWAP";
  base: number;
  /** Decimals of the price (tick size 10^-decimals). */
  decimals: number;
  /** Decimals of ticker sizes. */
  szDecimals: number;
  baseCcy: string;
  quoteCcy: string;
  /** Order size step and minimum (base currency for SPOT, contracts for SWAP). */
  lotSz: string;
  minSz: string;
  /** SWAP: base currency per contract; "" for SPOT. */
  ctVal: string;
  /** Max leverage ("" for SPOT). */
  maxLever: string;
}

const SPOT: [string, number, number, number, string][] = [
  ["BTC-USDT", 65000, 1, 8, "0.00001"],
  ["ETH-USDT", 3200, 2, 6, "0.0001"],
  ["SOL-USDT", 150, 2, 4, "0.01"],
  ["XRP-USDT", 0.55, 4, 2, "1"],
  ["LTC-USDT", 80, 2, 4, "0.01"],
  ["TRX-USDT", 0.12, 5, 2, "10"],
  ["EOS-USDT", 0.7, 4, 2, "1"],
  ["TON-USDT", 6, 3, 3, "0.1"],
  ["USDC-USDT", 1.0001, 4, 2, "1"],
  ["ETH-BTC", 0.05, 5, 4, "0.001"],
];

export const INSTRUMENTS: Instrument[] = [
  ...SPOT.map(([instId, base, decimals, szDecimals, minSz]) => {
    const [baseCcy, quoteCcy] = instId.split("-");
    return { instId, instType: "SPOT" as const, base, decimals, szDecimals, baseCcy, quoteCcy, lotSz: (10 ** -szDecimals).toFixed(szDecimals), minSz, ctVal: "", maxLever: "" };
  }),
  { instId: "BTC-USDT-SWAP", instType: "SWAP", base: 65010, decimals: 1, szDecimals: 0, baseCcy: "BTC", quoteCcy: "USDT", lotSz: "0.01", minSz: "0.01", ctVal: "0.01", maxLever: "100" },
  { instId: "ETH-USDT-SWAP", instType: "SWAP", base: 3201, decimals: 2, szDecimals: 0, baseCcy: "ETH", quoteCcy: "USDT", lotSz: "0.01", minSz: "0.01", ctVal: "0.1", maxLever: "100" },
];

const byId = new Map(INSTRUMENTS.map((i) => [i.instId, i]));
export const instrument = (instId: string): Instrument | undefined => byId.get(instId);

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Hashed value in [-1, 1] for (instrument, minute), linearly interpolated between minutes. */
function noise(inst: string, t: number): number {
  const m = Math.floor(t / MIN);
  const at = (k: number) => mulberry32(hash32(`${inst}|${k}`))() * 2 - 1;
  const f = (t - m * MIN) / MIN;
  return at(m) * (1 - f) + at(m + 1) * f;
}

/** Largest |exponent| of the path: the price always stays within base·e^±SWING (stablecoins far less). */
export const SWING = 0.04 + 0.015 + 0.004 + 0.002;

/** The instrument's price at time t (ms). Stablecoins barely move. */
export function priceAt(inst: Instrument, t: number): number {
  const stable = inst.instId.startsWith("USDC-");
  const phase = (hash32(inst.instId) % 1000) / 1000;
  const x =
    0.04 * Math.sin((2 * Math.PI * t) / (5 * DAY) + phase * 6) +
    0.015 * Math.sin((2 * Math.PI * t) / (7 * HOUR) + phase * 3) +
    0.004 * Math.sin((2 * Math.PI * t) / (23 * MIN) + phase) +
    0.002 * noise(inst.instId, t);
  return inst.base * Math.exp(stable ? x / 40 : x);
}

/** A price as text on the instrument's tick. */
export const px = (inst: Instrument, p: number) => p.toFixed(inst.decimals);
/** The tick size as text. */
export const tickSz = (inst: Instrument) => (10 ** -inst.decimals).toFixed(inst.decimals);

/** Last (= best bid) and best ask at t, on the tick: what market orders and the tickers use. */
export function quote(inst: Instrument, t: number): { last: string; ask: string } {
  const last = priceAt(inst, t);
  return { last: px(inst, last), ask: px(inst, last + 10 ** -inst.decimals) };
}

/** USD value of one unit of a currency at t (USDT = 1; currencies without a USDT market use a fixed figure). */
const FIXED_USD: Record<string, number> = { USDT: 1, XMR: 160 };
export function usdPrice(ccy: string, t: number): number {
  const fixed = FIXED_USD[ccy];
  if (fixed !== undefined) return fixed;
  const inst = byId.get(`${ccy}-USDT`);
  return inst ? priceAt(inst, t) : 0;
}
