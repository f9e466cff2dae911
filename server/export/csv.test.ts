import { describe, expect, it } from "vitest";
import { csvCell, csvStream } from "./csv";

async function readAll(stream: ReadableStream<Uint8Array>) {
  // Response.text() drops a leading BOM; decode by hand to see exactly what a browser saves.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("csvCell", () => {
  it("quotes separators, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
  });

  it("neutralises spreadsheet formulas", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+SUM(A1)")).toBe("'+SUM(A1)");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("leaves plain numbers, negative ones included, as numbers", () => {
    expect(csvCell("-40.5")).toBe("-40.5");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("+86")).toBe("+86");
    expect(csvCell("-1+1")).toBe("'-1+1");
  });

  it("keeps digits as text for spreadsheets with =\"…\", and only digits", () => {
    expect(csvCell("+86", { text: true })).toBe('"=""+86"""');
    expect(csvCell("013927640132", { text: true })).toBe('"=""013927640132"""');
    expect(csvCell("=1+1", { text: true })).toBe("'=1+1");
    expect(csvCell("a@b.c", { text: true })).toBe("a@b.c");
    expect(csvCell(null, { text: true })).toBe("");
  });

  it("writes dates as ISO, empties for null", () => {
    expect(csvCell(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(false)).toBe("false");
  });
});

describe("csvStream", () => {
  it("streams a BOM, the header and every row of a large iterator", async () => {
    async function* rows() {
      for (let i = 0; i < 1234; i++) yield { id: i, name: `名字 ${i}` };
    }
    const text = await readAll(csvStream([{ header: "id", value: (r) => r.id }, { header: "name", value: (r) => r.name }], rows()));
    expect(text.startsWith("\uFEFFid,name\r\n")).toBe(true);
    const lines = text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(1235);
    expect(lines[1234]).toBe("1233,名字 1233");
  });
});
