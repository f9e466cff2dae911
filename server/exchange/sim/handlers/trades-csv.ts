/**
 * DMA trading-details files (OKX docs "Get trading data link (DMA)"): the header, then the fills of each
 * day the file covers, [begin, end) UTC, as ../dma-fills.ts makes them — so two files that share a day
 * share that day's rows exactly. Lines are generated as they are read: a file of any size costs no memory.
 */
import "server-only";
import { DMA_TRADES_CSV_COLUMNS } from "../../okx/files";
import { DAY_MS, dayFills, type DmaFill, TraderBook } from "../dma-fills";
import type { RebateFile, Subaccount } from "../model";
import { units } from "../random";
import { dateMs } from "../validation";

export { feeTypeOf } from "../dma-fills";

/** Rows of one day: the same every day, or chosen per day (its 00:00 UTC, ms). */
export type RowsPerDay = number | ((dayMs: number) => number);

const line = (f: DmaFill) =>
  `${f.subAcct},${f.lv},${f.first},${f.instId},${f.ordId},${f.tradeId},${units(f.cents, 2)},${units(f.fee, 8)},${f.maker ? "M" : "T"},${f.ts}\n`;

/**
 * Header + the fills of every day of the file (the account's `seed`, `rowsPerDay` a day), each line
 * ending in "\n". Without sub-accounts, the header alone.
 */
export function* dmaFileLines(file: Pick<RebateFile, "begin" | "end">, subs: Iterable<Subaccount>, seed: number, rowsPerDay: RowsPerDay): Generator<string> {
  yield `${DMA_TRADES_CSV_COLUMNS.join(",")}\n`;
  const book = new TraderBook(subs);
  const end = dateMs(file.end);
  for (let day = dateMs(file.begin); day < end; day += DAY_MS) {
    for (const fill of dayFills(seed, day, book, typeof rowsPerDay === "number" ? rowsPerDay : rowsPerDay(day))) yield line(fill);
  }
}

/** Per-day counts that add up to `total` over the file's days: the first `total mod days` days get one more. */
export function rowsPerDayForTotal(file: Pick<RebateFile, "begin" | "end">, total: number): (dayMs: number) => number {
  const begin = dateMs(file.begin);
  const days = Math.max(1, Math.round((dateMs(file.end) - begin) / DAY_MS));
  const base = Math.floor(total / days);
  const extra = total % days;
  return (dayMs) => base + (Math.round((dayMs - begin) / DAY_MS) < extra ? 1 : 0);
}

/**
 * A file of `rows` rows in total, spread evenly over its days (exactly `rows` when a sub-account existed
 * from its first day on): what the benchmark (bench/rebates) asks for.
 */
export function dmaTradeLines(file: Pick<RebateFile, "begin" | "end">, subs: Iterable<Subaccount>, rows: number, seed = 0): Generator<string> {
  return dmaFileLines(file, subs, seed, rowsPerDayForTotal(file, rows));
}
