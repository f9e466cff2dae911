/**
 * Currencies and chains the simulator knows, with what their deposit addresses look like, so generated
 * and created addresses are plausible (memo for EOS, tag for XRP, comment for TON, token contract tails).
 */
import "server-only";
import type { Rng } from "./random";

export interface ChainDef {
  /** OKX chain id, "<CCY>-<network>". */
  chain: string;
  /** Last 6 characters of the token contract ("" for the chain's native coin). */
  ctAddr: string;
  /** Which extra field deposits to this chain need. */
  extra?: "memo" | "tag" | "comment" | "pmtId";
  /** Decimals shown in amounts. */
  decimals: number;
  /** Confirmations OKX waits for (actualDepBlkConfirm reaches it when credited). */
  confirmations: number;
  address: (rng: Rng, segwit: boolean) => string;
}

export interface CurrencyDef {
  ccy: string;
  /** Display name (asset/currencies `name`). */
  name: string;
  /** First chain = the main chain used when `chain` is not given. */
  chains: ChainDef[];
  /** addrType 2 (SegWit) is only for BTC and LTC (seed 001). */
  segwit: boolean;
  /** Typical deposit size in whole units (for generated amounts). */
  typicalAmount: number;
  /** asset/currencies figures, the same on each of its chains: minimum deposit and withdrawal, withdrawal fee. */
  minDep: string;
  minWd: string;
  fee: string;
}

const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

const evm = (rng: Rng) => `0x${rng.hex(40)}`;
const tron = (rng: Rng) => `T${rng.chars(B58, 33)}`;

export const CURRENCIES: readonly CurrencyDef[] = [
  {
    ccy: "BTC",
    name: "Bitcoin",
    segwit: true,
    typicalAmount: 0.05,
    minDep: "0.00005",
    minWd: "0.0005",
    fee: "0.0001",
    chains: [
      { chain: "BTC-Bitcoin", ctAddr: "", decimals: 8, confirmations: 2, address: (r, segwit) => (segwit ? `bc1q${r.chars(BECH32, 38)}` : `1${r.chars(B58, 33)}`) },
    ],
  },
  {
    ccy: "LTC",
    name: "Litecoin",
    segwit: true,
    typicalAmount: 3,
    minDep: "0.001",
    minWd: "0.002",
    fee: "0.001",
    chains: [
      { chain: "LTC-Litecoin", ctAddr: "", decimals: 8, confirmations: 4, address: (r, segwit) => (segwit ? `ltc1q${r.chars(BECH32, 38)}` : `L${r.chars(B58, 33)}`) },
    ],
  },
  { ccy: "ETH", name: "Ethereum", segwit: false, typicalAmount: 0.8, minDep: "0.0001", minWd: "0.001", fee: "0.0006", chains: [{ chain: "ETH-ERC20", ctAddr: "", decimals: 8, confirmations: 64, address: evm }] },
  {
    ccy: "USDT",
    name: "Tether",
    segwit: false,
    typicalAmount: 1500,
    minDep: "1",
    minWd: "2",
    fee: "1",
    chains: [
      { chain: "USDT-ERC20", ctAddr: "831ec7", decimals: 6, confirmations: 64, address: evm },
      { chain: "USDT-TRC20", ctAddr: "gjLj6t", decimals: 6, confirmations: 20, address: tron },
    ],
  },
  { ccy: "USDC", name: "USD Coin", segwit: false, typicalAmount: 1200, minDep: "1", minWd: "2", fee: "1", chains: [{ chain: "USDC-ERC20", ctAddr: "06eB48", decimals: 6, confirmations: 64, address: evm }] },
  { ccy: "TRX", name: "TRON", segwit: false, typicalAmount: 5000, minDep: "0.1", minWd: "1", fee: "1", chains: [{ chain: "TRX-TRON", ctAddr: "", decimals: 6, confirmations: 20, address: tron }] },
  { ccy: "SOL", name: "Solana", segwit: false, typicalAmount: 12, minDep: "0.01", minWd: "0.02", fee: "0.008", chains: [{ chain: "SOL-Solana", ctAddr: "", decimals: 8, confirmations: 32, address: (r) => r.chars(B58, 44) }] },
  // Exchange-style shared account + per-user memo/tag/comment.
  { ccy: "EOS", name: "EOS", segwit: false, typicalAmount: 250, minDep: "0.1", minWd: "0.5", fee: "0.1", chains: [{ chain: "EOS-EOS", ctAddr: "", decimals: 4, confirmations: 1, extra: "memo", address: () => "okbtothemoon" }] },
  { ccy: "XRP", name: "XRP", segwit: false, typicalAmount: 900, minDep: "0.1", minWd: "1", fee: "0.2", chains: [{ chain: "XRP-Ripple", ctAddr: "", decimals: 6, confirmations: 1, extra: "tag", address: () => "rUzWJkXyEtT8ekSSxkBYPqCvHpngcy6Fks" }] },
  { ccy: "TON", name: "Toncoin", segwit: false, typicalAmount: 300, minDep: "0.05", minWd: "0.5", fee: "0.05", chains: [{ chain: "TON-TON", ctAddr: "", decimals: 8, confirmations: 1, extra: "comment", address: () => "EQBX63RAdgShn34EAFMV73Cut7Z15lUZd1hnVva68SEl7sxi" }] },
  { ccy: "XMR", name: "Monero", segwit: false, typicalAmount: 4, minDep: "0.001", minWd: "0.01", fee: "0.001", chains: [{ chain: "XMR-Monero", ctAddr: "", decimals: 8, confirmations: 10, address: (r) => `8${r.chars(B58, 94)}` }] },
];

export const currency = (ccy: string) => CURRENCIES.find((c) => c.ccy === ccy);

/** The chain `chain` of `ccy`, or its main chain when `chain` is absent; undefined if unknown. */
export function chainOf(ccy: string, chain?: string): ChainDef | undefined {
  const c = currency(ccy);
  if (!c) return undefined;
  return chain === undefined ? c.chains[0] : c.chains.find((d) => d.chain === chain);
}

/** Every ccy/chain pair, for generators. */
export const ALL_CHAINS: readonly { ccy: CurrencyDef; chain: ChainDef }[] = CURRENCIES.flatMap((ccy) => ccy.chains.map((chain) => ({ ccy, chain })));

/** The memo/tag/comment/pmtId value of a new address (numeric, like OKX's). */
export function extraValue(rng: Rng): string {
  return rng.digits(8);
}
