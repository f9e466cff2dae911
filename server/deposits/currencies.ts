/**
 * The currencies and chains offered as options in the deposit-address form: the ones the built-in
 * simulator knows (server/exchange/sim/assets.ts). Any other valid currency code is still accepted — the
 * exchange decides. Client-safe: plain data derived from the simulator's asset table.
 */
import "server-only";
import { CURRENCIES } from "../exchange/sim/assets";

export interface KnownCurrency {
  ccy: string;
  /** The first is the main chain, used when none is given. */
  chains: string[];
  /** SegWit addresses (addrType 2) are for BTC and LTC only. */
  segwit: boolean;
  /** Which extra identifier its addresses carry (memo, tag, comment, pmtId), if any. */
  extra: "memo" | "tag" | "comment" | "pmtId" | null;
}

export const KNOWN_CURRENCIES: readonly KnownCurrency[] = CURRENCIES.map((c) => ({
  ccy: c.ccy,
  chains: c.chains.map((ch) => ch.chain),
  segwit: c.segwit,
  extra: c.chains[0]?.extra ?? null,
}));

export const knownCurrency = (ccy: string) => KNOWN_CURRENCIES.find((c) => c.ccy === ccy.toUpperCase());
