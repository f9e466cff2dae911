import DecimalJs from "decimal.js";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { DMA_TRADES } from "./kinds-dma";
import { FileDayTotals } from "./file-days";

/** Enough digits for 18 + 18 and a few thousand rows: decimal.js rounds to 20 by default. */
const Decimal = DecimalJs.clone({ precision: 80 });
const HEADER = "subAcct,subAcctLv,firstLvSubAcct,instId,ordId,tradeId,amt,fee,execType,ts";
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1);

/** A deterministic stream of values: whole parts up to 15 digits, 0–18 fraction digits, either sign. */
function* values(seed: number, n: number): Generator<string> {
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < n; i++) {
    const whole = String(Math.floor(next() * 10 ** Math.floor(next() * 16)));
    const digits = Math.floor(next() * 19);
    const frac = Array.from({ length: digits }, () => Math.floor(next() * 10)).join("");
    yield `${next() < 0.3 ? "-" : ""}${whole}${digits ? `.${frac}` : ""}`;
  }
}

function counted(text: string, chunk: number) {
  const totals = FileDayTotals.for(DMA_TRADES)!;
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += chunk) totals.write(bytes.subarray(at, at + chunk));
  totals.end();
  return totals.totals();
}

describe("a file's day totals", () => {
  it("sums every day's amt and fee exactly, however the bytes are cut, with CRLF and signs", () => {
    const amts = [...values(1, 9000)];
    const fees = [...values(2, 9000)];
    const lines = amts.map((amt, i) => `sub1,1,sub1,BTC-USDT,${1000 + i},${2000 + i},${amt},${fees[i]},T,${T0 + Math.floor(i / 3000) * DAY + i}`);
    const want = [0, 1, 2].map((d) => {
      const of = (xs: string[]) => xs.slice(d * 3000, d * 3000 + 3000).reduce((s, v) => s.plus(v), new Decimal(0)).toFixed();
      return { day: T0 / DAY + d, rows: 3000, amount: of(amts), fee: of(fees) };
    });
    const text = `${HEADER}\r\n${lines.join("\r\n")}\r\n`;
    for (const chunk of [7, 4096, text.length]) expect(counted(text, chunk)).toEqual(want);
  });

  it("takes 16 to 18 digit whole parts and a last line without a newline", () => {
    const text = `${HEADER}\na,1,a,BTC-USDT,1,1,123456789012345678.5,-999999999999999999.000000000000000001,M,${T0}\na,1,a,BTC-USDT,1,2,0.000000000000000001,1,T,${T0 + 5}`;
    expect(counted(text, 5)).toEqual([{ day: T0 / DAY, rows: 2, amount: "123456789012345678.500000000000000001", fee: "-999999999999999998.000000000000000001" }]);
  });

  it("counts what a stream emits when observed, header excluded; a kind without counted columns is not counted", async () => {
    const totals = FileDayTotals.for(DMA_TRADES)!;
    const stream = new PassThrough();
    totals.observe(stream);
    const done = new Promise((resolve) => stream.on("end", resolve));
    stream.end(`${HEADER}\na,1,a,BTC-USDT,1,1,10.25,-0.01,T,${T0}\n`);
    stream.resume();
    await done;
    expect(totals.totals()).toEqual([{ day: T0 / DAY, rows: 1, amount: "10.25", fee: "-0.01" }]);
    expect(FileDayTotals.for({ kind: "fd_rebates", columns: [] })).toBeNull();
  });
});
