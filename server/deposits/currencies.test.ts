import { describe, expect, it } from "vitest";
import { RESULTS } from "../exchange/okx/schemas";
import { toKnownCurrencies } from "./currencies";

/** One asset/currencies row as OKX sends it (strings for numbers, booleans for flags). */
const row = (ccy: string, chain: string, flags: { canDep?: boolean; mainNet?: boolean; needTag?: boolean } = {}) => ({
  ccy,
  name: ccy,
  chain,
  ctAddr: "",
  canDep: flags.canDep ?? true,
  canWd: true,
  canInternal: true,
  minDep: "0.01",
  minWd: "0.02",
  maxWd: "",
  minFee: "0.001",
  maxFee: "0.002",
  mainNet: flags.mainNet ?? false,
  needTag: flags.needTag ?? false,
  minDepArrivalConfirm: "12",
  logoLink: "https://example.test/logo.png",
});

const parse = (rows: unknown[]) => RESULTS.currencies.parse(rows);

describe("asset/currencies → the deposit forms' list", () => {
  it("parses OKX's rows: booleans, decimal strings, \"\" as no value", () => {
    const [r] = parse([row("USDT", "USDT-TRC20", { mainNet: true })]);
    expect(r).toMatchObject({ ccy: "USDT", chain: "USDT-TRC20", canDep: true, mainNet: true, needTag: false, minDep: "0.01", maxWd: null });
    expect(r).not.toHaveProperty("logoLink");
    // Flags as text are taken too; a missing needTag is false.
    const { needTag: _, ...noTag } = row("BTC", "BTC-Bitcoin");
    expect(parse([{ ...noTag, canDep: "false" }])[0]).toMatchObject({ canDep: false, needTag: false });
  });

  it("keeps chains that take deposits, the main net first, and currencies sorted by code", () => {
    const list = toKnownCurrencies(
      parse([
        row("USDT", "USDT-ERC20"),
        row("USDT", "USDT-TRC20", { mainNet: true }),
        row("USDT", "USDT-Omni", { canDep: false }),
        row("BTC", "BTC-Bitcoin", { mainNet: true }),
        row("BTC", "BTC-Lightning"),
        // Withdrawals only: not offered at all.
        row("LUNC", "LUNC-Terra", { canDep: false, mainNet: true }),
      ]),
    );
    expect(list).toEqual([
      { ccy: "BTC", chains: ["BTC-Bitcoin", "BTC-Lightning"], segwit: true, extra: null },
      { ccy: "USDT", chains: ["USDT-TRC20", "USDT-ERC20"], segwit: false, extra: null },
    ]);
  });

  it("names the main chain's extra identifier: memo, tag, comment, payment id — a tag when unknown", () => {
    const list = toKnownCurrencies(
      parse([
        row("EOS", "EOS-EOS", { mainNet: true, needTag: true }),
        row("XRP", "XRP-Ripple", { mainNet: true, needTag: true }),
        row("TON", "TON-TON", { mainNet: true, needTag: true }),
        row("XLM", "XLM-Stellar", { mainNet: true, needTag: true }),
        row("LTC", "LTC-Litecoin", { mainNet: true }),
      ]),
    );
    expect(Object.fromEntries(list.map((c) => [c.ccy, [c.extra, c.segwit]]))).toEqual({
      EOS: ["memo", false],
      LTC: [null, true],
      TON: ["comment", false],
      XLM: ["tag", false],
      XRP: ["tag", false],
    });
  });

  it("lists a chain once even if the exchange repeats it, and nothing for an empty answer", () => {
    expect(toKnownCurrencies(parse([row("ETH", "ETH-ERC20", { mainNet: true }), row("ETH", "ETH-ERC20", { mainNet: true })]))).toEqual([
      { ccy: "ETH", chains: ["ETH-ERC20"], segwit: false, extra: null },
    ]);
    expect(toKnownCurrencies([])).toEqual([]);
  });
});
