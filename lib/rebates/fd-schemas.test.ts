import { describe, expect, it } from "vitest";
import { fdDrillPatch, ZFdRebateListInput, ZFdReportsQuery } from "./fd-schemas";

describe("FD report state", () => {
  it("drilling into a row replaces every drill filter: a customer, the unattributed rows, the affiliate flag", () => {
    expect(fdDrillPatch("customer", "3f1c2a9e-5b7d-4c8e-9f10-2a3b4c5d6e7f")).toEqual({ customerId: "3f1c2a9e-5b7d-4c8e-9f10-2a3b4c5d6e7f", instId: null, instFamily: null, affiliated: null, ordId: null });
    expect(fdDrillPatch("customer", null)).toMatchObject({ customerId: "none" });
    expect(fdDrillPatch("affiliated", "yes")).toEqual({ customerId: null, instId: null, instFamily: null, affiliated: "yes", ordId: null });
    expect(fdDrillPatch("instrument", "BTC-USDT-SWAP")).toMatchObject({ instId: "BTC-USDT-SWAP", customerId: null });
  });

  it("defaults to the last 30 full days grouped by customer, and refuses bad filters naming them", () => {
    const q = ZFdReportsQuery.parse({});
    expect(q.by).toBe("customer");
    expect(Math.round((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000)).toBe(29);
    const bad = ZFdRebateListInput.safeParse({ from: "2026-01-01", to: "2026-01-02", affiliated: "maybe", ordId: "12a", page: 1, pageSize: 20 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(["affiliated", "ordId"]);
  });
});
