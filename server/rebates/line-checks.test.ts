import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { FILE_KINDS } from "./kinds";
import { FileRefusal, LineChecker, splitCsvLine } from "./line-checks";

const dma = FILE_KINDS.dma_trades!;
const header = dma.columns.map((c) => c.header).join(",");
const row = (patch: Record<string, string> = {}) =>
  dma.columns.map((c) => patch[c.header] ?? { subAcct: "ab12", subAcctLv: "1", firstLvSubAcct: "ab12", instId: "BTC-USDT", ordId: "1", tradeId: "2", amt: "10.5", fee: "-0.0084", execType: "T", ts: "1764979200000" }[c.header]).join(",");

/** Streams `text` through a checker in chunks of `size` bytes (to cut lines and characters anywhere). */
async function check(text: string, size = 7) {
  const checker = new LineChecker(dma, { brandId: "b", brokerCode: null });
  const bytes = Buffer.from(text);
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
  let passed = 0;
  await pipeline(Readable.from(chunks), checker, new Writable({ write: (c: Buffer, _e, done) => ((passed += c.length), done()) }));
  return { checker, passed };
}

describe("splitCsvLine", () => {
  it("splits plain and quoted fields", () => {
    expect(splitCsvLine("a,b,,c")).toEqual(["a", "b", "", "c"]);
    expect(splitCsvLine('a,"b,c","say ""hi""",d')).toEqual(["a", "b,c", 'say "hi"', "d"]);
  });
});

describe("LineChecker", () => {
  it("passes every byte on and counts the rows of a good file, whatever the chunking", async () => {
    const text = `\uFEFF${header}\r\n${row()}\r\n${row({ tradeId: "3", instId: "ETH-USDT-SWAP" })}\n`;
    for (const size of [1, 3, 7, 1000]) {
      const { checker, passed } = await check(text, size);
      expect(passed).toBe(Buffer.byteLength(text));
      expect({ rows: checker.rows, refused: checker.refusedRows, errors: checker.errors }).toEqual({ rows: 2, refused: 0, errors: [] });
    }
  });

  it("refuses NaN, exponents, too many decimals, missing values and out-of-range times with their line and field", async () => {
    const text = [header, row({ amt: "NaN" }), row({ fee: "1e-5" }), row({ amt: `1.${"0".repeat(19)}` }), row({ execType: "", ts: "99" }), row({ ts: "1000000000000" }), row()].join("\n");
    const { checker } = await check(text);
    expect(checker.refusedRows).toBe(5);
    expect(checker.errors.map((e) => [e.line, e.field, e.reason])).toEqual([
      [2, "amt", "invalid"],
      [3, "fee", "invalid"],
      [4, "amt", "tooPrecise"],
      [5, "execType", "missing"],
      [5, "ts", "invalid"],
      [6, "ts", "outOfRange"],
    ]);
  });

  it("stops at a wrong header, an empty file and a line with the wrong number of values", async () => {
    await expect(check("subAcct,amt\nx,1\n")).rejects.toMatchObject({ key: "rebates.errors.wrongHeader" });
    await expect(check("")).rejects.toBeInstanceOf(FileRefusal);
    await expect(check(`${header}\n${row()},extra\n`)).rejects.toMatchObject({ key: "rebates.errors.malformedCsv", detail: expect.stringContaining("line 2") });
  });
});
