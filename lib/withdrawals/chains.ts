/**
 * What an address must look like on a chain, by the chain's network (the part after the currency in
 * OKX's "<CCY>-<network>"). A network we know nothing of accepts any address without spaces (OKX checks
 * it again). Client-safe: the dialog checks as the service does.
 */
const EVM = /^0x[0-9a-fA-F]{40}$/;
const B58 = "[1-9A-HJ-NP-Za-km-z]";

const NETWORKS: Record<string, { pattern: RegExp; example: string }> = {
  ERC20: { pattern: EVM, example: "0x + 40 hex digits" },
  BSC: { pattern: EVM, example: "0x + 40 hex digits" },
  "BNB Smart Chain": { pattern: EVM, example: "0x + 40 hex digits" },
  Polygon: { pattern: EVM, example: "0x + 40 hex digits" },
  Arbitrum: { pattern: EVM, example: "0x + 40 hex digits" },
  "Arbitrum One": { pattern: EVM, example: "0x + 40 hex digits" },
  Optimism: { pattern: EVM, example: "0x + 40 hex digits" },
  "X Layer": { pattern: EVM, example: "0x + 40 hex digits" },
  TRC20: { pattern: new RegExp(`^T${B58}{33}$`), example: "T + 33 letters and digits" },
  TRON: { pattern: new RegExp(`^T${B58}{33}$`), example: "T + 33 letters and digits" },
  Bitcoin: { pattern: new RegExp(`^(bc1[02-9ac-hj-np-z]{11,71}|[13]${B58}{25,34})$`), example: "bc1…, 1… or 3…" },
  Litecoin: { pattern: new RegExp(`^(ltc1[02-9ac-hj-np-z]{11,71}|[LM3]${B58}{25,34})$`), example: "ltc1…, L… or M…" },
  Solana: { pattern: new RegExp(`^${B58}{32,44}$`), example: "32–44 base-58 characters" },
  Ripple: { pattern: new RegExp(`^r${B58}{24,34}$`), example: "r + 24–34 characters" },
  EOS: { pattern: /^[a-z1-5.]{1,12}$/, example: "an account name of up to 12 characters a–z, 1–5" },
  TON: { pattern: /^[A-Za-z0-9_-]{48}$/, example: "48 characters" },
  Monero: { pattern: new RegExp(`^[48]${B58}{94}$`), example: "4… or 8…, 95 characters" },
};

export const networkOf = (chain: string): string => chain.slice(chain.indexOf("-") + 1);

/** null when the address may be right; else what an address on this chain looks like. */
export function addressProblem(chain: string, address: string): string | null {
  const rule = NETWORKS[networkOf(chain)];
  if (!rule) return /^\S{1,256}$/.test(address) ? null : "no spaces, at most 256 characters";
  return rule.pattern.test(address) ? null : rule.example;
}

/** Decimals in an amount text ("1.250" → 2: trailing zeros say nothing). */
export const decimalsOf = (amount: string): number => (amount.includes(".") ? amount.split(".")[1]!.replace(/0+$/, "").length : 0);

/** Decimals a chain withdraws when the exchange does not say (OKX's wdTickSz for these networks). */
export const FALLBACK_DECIMALS = 8;
