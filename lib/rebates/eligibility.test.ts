import { describe, expect, it } from "vitest";
import { ratioPercent, ZRebateEligibilityInput } from "./eligibility";

describe("ratioPercent", () => {
  it("moves the decimal point two places, keeping every digit", () => {
    expect(ratioPercent("0")).toBe("0");
    expect(ratioPercent("0.2")).toBe("20");
    expect(ratioPercent("0.1")).toBe("10");
    expect(ratioPercent("0.125")).toBe("12.5");
    expect(ratioPercent("1")).toBe("100");
    expect(ratioPercent("0.00001")).toBe("0.001");
    expect(ratioPercent("0.30000000000000004")).toBe("30.000000000000004");
  });
  it("refuses what is not a plain decimal", () => {
    for (const text of ["", "-0.1", "1e-2", "abc", "0.1.2"]) expect(ratioPercent(text)).toBeNull();
  });
});

describe("ZRebateEligibilityInput", () => {
  it("needs the pasted key or the stored key's id, as the source says, on that field", () => {
    const issue = (input: unknown) => ZRebateEligibilityInput.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(issue({ program: "fd", source: "pasted" })).toEqual(["apiKey"]);
    expect(issue({ program: "fd", source: "stored" })).toEqual(["apiKeyId"]);
    expect(issue({ program: "affiliate", source: "pasted", apiKey: "bad key!" })).toEqual(["apiKey"]);
    expect(ZRebateEligibilityInput.parse({ program: "affiliate", source: "pasted", apiKey: "  63d54aa0-0020-4ad9-a9f0-ac92654bc831 " }).apiKey).toBe(
      "63d54aa0-0020-4ad9-a9f0-ac92654bc831",
    );
  });
});
