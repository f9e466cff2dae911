/**
 * Public market data (no signature): tickers, one ticker, candles, instruments, server time. Prices come
 * from ../trading/market.ts (a deterministic path per instrument), so candles, tickers and fills agree.
 */
import "server-only";
import { unknownInstrument } from "../errors";
import { hash32, mulberry32 } from "../random";
import { DAY, HOUR, INSTRUMENTS, type Instrument, MIN, instrument, priceAt, px, tickSz } from "../trading/market";
import { isMs, isPositiveInt, oneOf, optional, parse, required } from "../validation";
import type { Handler } from "./context";

const size = (inst: Instrument, t: number, scale: number) => (scale * (0.2 + mulberry32(hash32(`${inst.instId}|sz|${t}`))())).toFixed(inst.szDecimals);

function ticker(inst: Instrument, now: number) {
  const last = priceAt(inst, now);
  const spread = 10 ** -inst.decimals;
  let high = last;
  let low = last;
  for (let t = now - DAY; t < now; t += 15 * MIN) {
    const p = priceAt(inst, t);
    high = Math.max(high, p);
    low = Math.min(low, p);
  }
  const vol24h = Number(size(inst, Math.floor(now / HOUR), 2_000_000 / inst.base));
  const dayStart = (offset: number) => Math.floor((now + offset) / DAY) * DAY - offset;
  return {
    instType: inst.instType,
    instId: inst.instId,
    last: px(inst, last),
    lastSz: size(inst, now, 1),
    askPx: px(inst, last + spread),
    askSz: size(inst, now + 1, 5),
    bidPx: px(inst, last),
    bidSz: size(inst, now + 2, 5),
    open24h: px(inst, priceAt(inst, now - DAY)),
    high24h: px(inst, high),
    low24h: px(inst, low),
    volCcy24h: (vol24h * last).toFixed(2),
    vol24h: vol24h.toFixed(inst.szDecimals),
    ts: String(now),
    sodUtc0: px(inst, priceAt(inst, dayStart(0))),
    sodUtc8: px(inst, priceAt(inst, dayStart(8 * HOUR))),
  };
}

/** GET market/tickers?instType=… (SPOT and SWAP have instruments; FUTURES/OPTION answer []). */
export const tickers: Handler = ({ params, now }) => {
  const p = parse(params, { instType: required(oneOf("SPOT", "SWAP", "FUTURES", "OPTION")) });
  return INSTRUMENTS.filter((i) => i.instType === p.instType).map((i) => ticker(i, now));
};

/** GET market/ticker?instId=… */
export const singleTicker: Handler = ({ params, now }) => {
  const p = parse(params, { instId: required() });
  const inst = instrument(p.instId);
  if (!inst) throw unknownInstrument();
  return [ticker(inst, now)];
};

/** Bar sizes; daily and longer bars without "utc" start at 00:00 UTC+8 (Hong Kong), as at OKX. */
const BARS: Record<string, { ms: number; hk: boolean }> = {
  "1m": { ms: MIN, hk: false },
  "3m": { ms: 3 * MIN, hk: false },
  "5m": { ms: 5 * MIN, hk: false },
  "15m": { ms: 15 * MIN, hk: false },
  "30m": { ms: 30 * MIN, hk: false },
  "1H": { ms: HOUR, hk: false },
  "2H": { ms: 2 * HOUR, hk: false },
  "4H": { ms: 4 * HOUR, hk: false },
  "6H": { ms: 6 * HOUR, hk: true },
  "12H": { ms: 12 * HOUR, hk: true },
  "1D": { ms: DAY, hk: true },
  "1W": { ms: 7 * DAY, hk: true },
  "6Hutc": { ms: 6 * HOUR, hk: false },
  "12Hutc": { ms: 12 * HOUR, hk: false },
  "1Dutc": { ms: DAY, hk: false },
  "1Wutc": { ms: 7 * DAY, hk: false },
};

/**
 * GET market/candles?instId=&bar= — arrays of strings [ts, o, h, l, c, vol, volCcy, volCcyQuote, confirm],
 * newest first; after/before are ms cursors, limit ≤ 300 (default 100); the current bar has confirm "0".
 */
export const candles: Handler = ({ params, now }) => {
  const p = parse(params, { instId: required(), bar: optional(oneOf(...Object.keys(BARS))), after: optional(isMs), before: optional(isMs), limit: optional(isPositiveInt(300)) });
  const inst = instrument(p.instId);
  if (!inst) throw unknownInstrument();
  const bar = BARS[p.bar ?? "1m"];
  const offset = bar.hk ? 8 * HOUR : 0;
  // 1W bars start on Monday: the Unix epoch was a Thursday.
  const weekShift = bar.ms === 7 * DAY ? 4 * DAY : 0;
  const startOf = (t: number) => Math.floor((t + offset - weekShift) / bar.ms) * bar.ms - offset + weekShift;
  const limit = Number(p.limit ?? 100);
  let newest = startOf(p.after ? Math.min(Number(p.after) - 1, now) : now);
  if (p.before && newest <= Number(p.before)) return [];
  if (p.before && !p.after) newest = Math.min(newest, startOf(Number(p.before)) + limit * bar.ms);
  const out: string[][] = [];
  for (let start = newest; out.length < limit && (!p.before || start > Number(p.before)); start -= bar.ms) {
    const end = Math.min(start + bar.ms, now);
    const samples = [0, 0.25, 0.5, 0.75, 1].map((f) => priceAt(inst, start + (end - start) * f));
    const vol = Number(size(inst, start, (bar.ms / MIN) * (20_000 / inst.base)));
    const close = samples[samples.length - 1];
    out.push([
      String(start),
      px(inst, samples[0]),
      px(inst, Math.max(...samples)),
      px(inst, Math.min(...samples)),
      px(inst, close),
      vol.toFixed(inst.szDecimals),
      vol.toFixed(inst.szDecimals),
      (vol * close).toFixed(2),
      start + bar.ms <= now ? "1" : "0",
    ]);
  }
  return out;
};

/** GET public/time — Python's SDK asks for it when told to use server time. */
export const publicTime: Handler = ({ now }) => [{ ts: String(now) }];

/** GET public/instruments?instType=SPOT|SWAP[&instId=] — sizes and ticks the trading engine enforces. */
export const instruments: Handler = ({ params }) => {
  const p = parse(params, { instType: required(oneOf("SPOT", "MARGIN", "SWAP", "FUTURES", "OPTION")), instId: optional() });
  return INSTRUMENTS.filter((i) => i.instType === p.instType && (!p.instId || i.instId === p.instId)).map((i) => ({
    instType: i.instType,
    instId: i.instId,
    uly: i.instType === "SWAP" ? `${i.baseCcy}-${i.quoteCcy}` : "",
    instFamily: i.instType === "SWAP" ? `${i.baseCcy}-${i.quoteCcy}` : "",
    baseCcy: i.instType === "SPOT" ? i.baseCcy : "",
    quoteCcy: i.instType === "SPOT" ? i.quoteCcy : "",
    settleCcy: i.instType === "SWAP" ? i.quoteCcy : "",
    ctVal: i.ctVal,
    ctMult: i.instType === "SWAP" ? "1" : "",
    ctValCcy: i.instType === "SWAP" ? i.baseCcy : "",
    ctType: i.instType === "SWAP" ? "linear" : "",
    tickSz: tickSz(i),
    lotSz: i.lotSz,
    minSz: i.minSz,
    lever: i.instType === "SWAP" ? i.maxLever : "10",
    listTime: "1606468572000",
    expTime: "",
    state: "live",
  }));
};
