/**
 * The currencies and chains the deposit-address forms offer, as `deposit.currencies` answers them (read
 * from the brand's exchange by server/deposits/currencies.ts). Only suggestions: any valid currency code is
 * accepted, and the exchange decides. Client-safe: no server imports.
 */

/** Which extra identifier a chain's deposit addresses carry besides the address, if any. */
export const ADDRESS_EXTRAS = ["memo", "tag", "comment", "pmtId"] as const;
export type AddressExtra = (typeof ADDRESS_EXTRAS)[number];

export interface KnownCurrency {
  ccy: string;
  /** Chains that take deposits; the first is the main chain, used when none is given. */
  chains: string[];
  /** SegWit addresses (addrType 2) are for BTC and LTC only (seed 001). */
  segwit: boolean;
  /** The extra identifier of the main chain's addresses, if any. */
  extra: AddressExtra | null;
}

/** SegWit deposit addresses exist for these two only (seed 001: addrType 2). */
export const SEGWIT_CURRENCIES: readonly string[] = ["BTC", "LTC"];

/** The listed currency `ccy` (any case), or undefined when the list does not have it. */
export const findCurrency = (list: readonly KnownCurrency[] | undefined, ccy: string): KnownCurrency | undefined => {
  const code = ccy.trim().toUpperCase();
  return code ? list?.find((c) => c.ccy === code) : undefined;
};
