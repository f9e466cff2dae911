/**
 * DMA trading-detail rows (OKX docs "Get trading data link (DMA)"): one per fill of the account's own
 * sub-accounts, deterministic from the file id and the sub-accounts.
 *
 * The model, chosen where OKX's docs are silent:
 *  - Who trades: the sub-accounts that existed when the file was requested (ts ≤ cTime), in list order,
 *    the earlier ones more often; a second-level one (mainAcct set) is subAcctLv 2 with its parent as
 *    firstLvSubAcct. None → the file is the header alone.
 *  - An order has 1–4 fills sharing its ordId (18 digits); tradeId counts up from a per-file base, so it
 *    is unique in the file. The first fill is taker (T) or maker (M); later fills are the resting rest, maker.
 *  - ts runs through [begin 00:00, end 00:00) UTC in file order (end exclusive).
 *  - amt: the fill's notional in USDT, whole cents (10 – ~316,000 USDT).
 *  - fee = amt × the sub-account's current maker or taker rate for the instrument's fee type (feeTypeOf),
 *    rounded half away from zero to 8 decimals. Rates are OKX's sign (negative = charged), and so is fee:
 *    negative when charged, positive when a maker rebate is paid — as in OKX's fills. A rate changed with
 *    set-subaccount-fee-rate changes the rows of a later download.
 */
import "server-only";
import Decimal from "decimal.js";
import { DMA_TRADES_CSV_COLUMNS } from "../../okx/files";
import type { RebateFile, Subaccount } from "../model";
import { Rng, hash32, units } from "../random";
import { dateMs } from "../validation";

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

const SCALE = BigInt(10_000_000_000); // rates in 1e-10
const TO_FEE_UNITS = BigInt(10_000); // cents × 1e-10 = 1e-12 USDT → 1e-8 USDT
const HALF = TO_FEE_UNITS / BigInt(2);
const ZERO = BigInt(0);
const ONE = BigInt(1);

/** A decimal rate as an integer count of 1e-10 (rates have at most 10 decimals in practice). */
const scaled = (rate: string | undefined) => BigInt(new Decimal(rate ?? "0").times(SCALE.toString()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));

/** amt (cents) × rate (1e-10) in 1e-8 USDT, rounded half away from zero. */
function fee8(cents: number, rate10: bigint): bigint {
  const product = BigInt(cents) * rate10;
  const q = product / TO_FEE_UNITS;
  const r = product % TO_FEE_UNITS;
  const abs = r < ZERO ? -r : r;
  return abs >= HALF ? q + (product < ZERO ? -ONE : ONE) : q;
}

interface Trader {
  subAcct: string;
  lv: "1" | "2";
  first: string;
  maker: bigint[];
  taker: bigint[];
}

function trader(s: Subaccount): Trader {
  const rate = (type: number) => s.feeRates.find((f) => f.type === String(type));
  const types = Array.from({ length: 9 }, (_, i) => rate(i + 1));
  return {
    subAcct: s.subAcct,
    lv: s.mainAcct ? "2" : "1",
    first: s.mainAcct || s.subAcct,
    maker: types.map((f) => scaled(f?.maker)),
    taker: types.map((f) => scaled(f?.taker)),
  };
}

/** Header + `rows` lines (fewer only when there is no sub-account), each ending in "\n". */
export function* dmaTradeLines(file: RebateFile, subs: readonly Subaccount[], rows: number): Generator<string> {
  yield `${DMA_TRADES_CSV_COLUMNS.join(",")}\n`;
  const traders = subs.filter((s) => Number(s.ts) <= file.cTime).map(trader);
  if (traders.length === 0) return;
  const rng = new Rng(hash32(`dma-trades|${file.id}`));
  const from = dateMs(file.begin);
  const span = dateMs(file.end) - from;
  const ordPrefix = rng.digits(8);
  const tradeBase = rng.int(100_000_000, 900_000_000);
  let order = 0;
  for (let i = 0; i < rows; ) {
    // Squaring the draw favours the older sub-accounts: a few busy accounts, a long quiet tail.
    const t = traders[Math.floor(rng.next() ** 2 * traders.length)];
    const inst = rng.pick(POOL);
    const fills = Math.min(rows - i, 1 + Math.floor(rng.next() ** 3 * 4));
    const ordId = `${ordPrefix}${String(order++).padStart(10, "0")}`;
    let maker = rng.bool(0.4);
    for (let k = 0; k < fills; k++, i++) {
      if (k > 0) maker = true;
      const cents = Math.round(10 ** (1 + rng.next() * 4.5) * 100);
      const fee = fee8(cents, (maker ? t.maker : t.taker)[inst.typeIdx]);
      const ts = Math.min(from + span - 1, from + Math.floor((i + rng.next()) * (span / rows)));
      yield `${t.subAcct},${t.lv},${t.first},${inst.instId},${ordId},${tradeBase + i},${units(cents, 2)},${units(fee, 8)},${maker ? "M" : "T"},${ts}\n`;
    }
  }
}
