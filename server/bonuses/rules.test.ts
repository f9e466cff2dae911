import { describe, expect, it } from "vitest";
import { allocateFifo, campaignProblem, clawbackSplit, englishOf, ineligibility, isEligible, needsApproval, parseCsv, readBatchCsv, ruleAmount, RuleError, text } from "./rules";

const everyone = { eligibleGroupIds: [], eligibleCountries: [], minKycLevel: 0 };
const customer = { groupId: "g1", country: "SG", kycLevel: 1 };

describe("isEligible", () => {
  it("empty lists and level 0 mean everyone", () => expect(isEligible(everyone, { groupId: null, country: "US", kycLevel: 0 })).toBe(true));
  it("checks the group", () => {
    expect(isEligible({ ...everyone, eligibleGroupIds: ["g1"] }, customer)).toBe(true);
    expect(isEligible({ ...everyone, eligibleGroupIds: ["g2"] }, customer)).toBe(false);
    expect(isEligible({ ...everyone, eligibleGroupIds: ["g1"] }, { ...customer, groupId: null })).toBe(false);
  });
  it("checks the country", () => {
    expect(isEligible({ ...everyone, eligibleCountries: ["SG", "MY"] }, customer)).toBe(true);
    expect(isEligible({ ...everyone, eligibleCountries: ["MY"] }, customer)).toBe(false);
  });
  it("checks the KYC level", () => {
    expect(isEligible({ ...everyone, minKycLevel: 1 }, customer)).toBe(true);
    expect(isEligible({ ...everyone, minKycLevel: 2 }, customer)).toBe(false);
  });
  it("names why, with values as params, worded in English as before", () => {
    expect(ineligibility({ ...everyone, eligibleGroupIds: ["g2"] }, customer)).toEqual({ reason: "bonuses.errors.notInCampaignGroups" });
    const country = ineligibility({ ...everyone, eligibleCountries: ["MY"] }, customer)!;
    expect(country).toEqual({ reason: "bonuses.errors.countryNotCovered", params: { country: "SG" } });
    expect(englishOf(country)).toBe("The campaign does not cover customers in SG");
    const kyc = ineligibility({ ...everyone, minKycLevel: 2 }, customer)!;
    expect(englishOf(kyc)).toBe("The campaign needs KYC level 2; the customer has level 1");
  });
});

describe("ruleAmount", () => {
  it("fixed", () => expect(text(ruleAmount({ amountRule: "fixed", fixedAmount: "25.5", percent: null, capAmount: null }))).toBe("25.5"));
  it("percent of the deposit, capped, rounded down at 18 places", () => {
    const rule = { amountRule: "percent_of_deposit" as const, fixedAmount: null, percent: "10", capAmount: "50" };
    expect(text(ruleAmount(rule, "123.45"))).toBe("12.345");
    expect(text(ruleAmount(rule, "1000"))).toBe("50");
    expect(text(ruleAmount({ ...rule, percent: "33.3333" }, "0.000000000000000001"))).toBe("0");
    expect(() => ruleAmount(rule)).toThrow(/deposit amount/);
    const missing = (() => {
      try {
        return ruleAmount(rule);
      } catch (error) {
        return error;
      }
    })();
    expect(missing).toBeInstanceOf(RuleError);
    expect(missing).toMatchObject({ field: "depositAmount", refusal: { reason: "bonuses.errors.depositAmountNeeded" } });
  });
});

describe("campaignProblem", () => {
  const base = { amountRule: "fixed" as const, fixedAmount: "10", percent: null, capAmount: null, budget: "100", currency: "USDT", startsAt: new Date(1000), endsAt: null };
  it("accepts a sound campaign", () => expect(campaignProblem(base)).toBeNull());
  it.each([
    [{ fixedAmount: "0" }, "fixedAmount"],
    [{ fixedAmount: null }, "fixedAmount"],
    [{ amountRule: "percent_of_deposit" as const, percent: "0", capAmount: "5" }, "percent"],
    [{ amountRule: "percent_of_deposit" as const, percent: "100.01", capAmount: "5" }, "percent"],
    [{ amountRule: "percent_of_deposit" as const, percent: "10", capAmount: null }, "capAmount"],
    [{ budget: "0" }, "budget"],
    [{ currency: "usdt" }, "currency"],
    [{ endsAt: new Date(1000) }, "endsAt"],
  ])("refuses %o on %s", (patch, field) => expect(campaignProblem({ ...base, ...patch })?.field).toBe(field));
  it("accepts 100 %", () => expect(campaignProblem({ ...base, amountRule: "percent_of_deposit", percent: "100", capAmount: "5" })).toBeNull());
  it("names the reason", () => {
    const problem = campaignProblem({ ...base, currency: "usdt" })!;
    expect(problem).toEqual({ field: "currency", reason: "bonuses.errors.currencyCodeInvalid" });
    expect(englishOf(problem)).toBe("Use the currency's upper-case code, e.g. USDT");
  });
});

describe("needsApproval", () => {
  it("no threshold: always", () => expect(needsApproval("0.01", null)).toBe(true));
  it("above the threshold only", () => {
    expect(needsApproval("100", "100")).toBe(false);
    expect(needsApproval("100.000000000000000001", "100")).toBe(true);
  });
});

describe("allocateFifo and clawbackSplit", () => {
  it("takes from the oldest grants first", () => {
    const out = allocateFifo([{ id: "a", remaining: "5" }, { id: "b", remaining: "10" }, { id: "c", remaining: "1" }], "7.5");
    expect(out.map((o) => [o.grant.id, text(o.take)])).toEqual([["a", "5"], ["b", "2.5"]]);
  });
  it("never takes below zero", () => {
    expect(clawbackSplit("10", "4")).toMatchObject({ take: expect.anything() });
    const s = clawbackSplit("10", "4");
    expect([text(s.take), text(s.shortfall)]).toEqual(["4", "6"]);
    const none = clawbackSplit("10", "0");
    expect([text(none.take), text(none.shortfall)]).toEqual(["0", "10"]);
    const full = clawbackSplit("10", "25");
    expect([text(full.take), text(full.shortfall)]).toEqual(["10", "0"]);
  });
});

describe("CSV", () => {
  it("parses quotes, doubled quotes, CRLF and a BOM", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n\n3,4')).toEqual([["a", "b"], ["x, y", 'say "hi"'], ["3", "4"]]);
  });
  it("numbers rows as a spreadsheet does and reports bad headers on row 1", () => {
    const { rows, problems } = readBatchCsv("customer,account_type,amount\n1001,spot,5\n");
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ row: 2, cells: { customer: "1001", account_type: "spot", amount: "5" } }]);
    expect(readBatchCsv("who,amount\n1,2").problems.map((p) => [p.row, p.field])).toEqual([
      [1, "who"],
      [1, "customer"],
      [1, "account_type"],
    ]);
  });
  it("gives each problem a reason and params besides its English message", () => {
    expect(readBatchCsv("who,amount\n1,2").problems[0]).toEqual({
      row: 1,
      field: "who",
      message: 'Unknown column "who"',
      reason: "bonuses.errors.csv.unknownColumn",
      params: { column: "who" },
    });
    expect(readBatchCsv("").problems).toEqual([{ row: 1, field: "file", message: "The file is empty", reason: "bonuses.errors.csv.empty", params: {} }]);
  });
});
