import { describe, expect, it } from "vitest";
import { addressProblem, decimalsOf, networkOf } from "./chains";
import { kycLimitOf } from "./limits";

describe("withdrawal address formats", () => {
  it("accepts each network's own addresses and names what is expected otherwise", () => {
    expect(addressProblem("USDT-TRC20", "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9")).toBeNull();
    expect(addressProblem("USDT-TRC20", "0x52908400098527886E0F7030069857D2E4169EE7")).toMatch(/^T \+ 33/);
    expect(addressProblem("USDT-ERC20", "0x52908400098527886E0F7030069857D2E4169EE7")).toBeNull();
    expect(addressProblem("USDT-ERC20", "0x5290")).toMatch(/0x/);
    expect(addressProblem("BTC-Bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")).toBeNull();
    expect(addressProblem("EOS-EOS", "okbtothemoon")).toBeNull();
    // A network we know nothing of: anything without spaces.
    expect(addressProblem("ABC-Mystery", "whatever-it-is")).toBeNull();
    expect(addressProblem("ABC-Mystery", "two words")).not.toBeNull();
    expect(networkOf("USDT-Arbitrum One")).toBe("Arbitrum One");
  });

  it("counts decimals as the amount means them (trailing zeros say nothing)", () => {
    expect(decimalsOf("10")).toBe(0);
    expect(decimalsOf("10.250")).toBe(2);
    expect(decimalsOf("0.1234567")).toBe(7);
  });

  it("level 0 withdraws nothing; an unknown level gets the highest level's limits", () => {
    expect(kycLimitOf(0).perWithdrawal).toBe("0");
    expect(kycLimitOf(1)).toMatchObject({ perWithdrawal: "2000", perDay: "5000" });
    expect(kycLimitOf(9).level).toBe(3);
  });
});
