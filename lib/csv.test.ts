import { describe, expect, it } from "vitest";
import { csvText } from "./csv";

describe("csvText", () => {
  it("writes a BOM, the header and one CRLF line per row, formulas neutralised", () => {
    const text = csvText(["Line", "Value"], [[2, "=1+1"], [3, 'a "b", c'], [4, -5]]);
    expect(text).toBe('\uFEFFLine,Value\r\n2,\'=1+1\r\n3,"a ""b"", c"\r\n4,-5\r\n');
  });
});
