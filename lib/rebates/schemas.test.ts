import { describe, expect, it } from "vitest";
import { ZRebateTradeQuery } from "./report-query";
import { ZDmaTradeListInput, ZRebateReportInput, ZRebateRequestInput } from "./schemas";

describe("rebate inputs", () => {
  it("refuse days PostgreSQL cannot hold (year 0) or that are typos (year 9999), naming the field", () => {
    for (const [from, to] of [["0000-01-01", "0000-01-02"], ["9999-01-01", "9999-01-02"]]) {
      const report = ZRebateReportInput.safeParse({ from, to });
      expect(report.success).toBe(false);
      expect(report.error?.issues[0].path).toEqual(["from"]);
      expect(ZDmaTradeListInput.safeParse({ from, to }).success).toBe(false);
      // The trades export's query (days default to the last 30) holds the same bound.
      expect(ZRebateTradeQuery.safeParse({ from, to }).success).toBe(false);
      expect(ZRebateRequestInput.safeParse({ kind: "dma_trades", begin: from, end: to }).success).toBe(false);
    }
    expect(ZRebateReportInput.safeParse({ from: "2026-01-01", to: "2026-12-31" }).success).toBe(true);
  });
});
