/**
 * The realistic data set a fresh simulator starts with, and the builders the handlers use for new
 * records. Everything derives from a seed number, so the same seed gives the same data.
 */
import "server-only";
import { ALL_CHAINS, type ChainDef, type CurrencyDef, extraValue } from "./assets";
import {
  type ApiKeyRecord,
  DEPOSIT_STATES,
  DEPOSIT_TYPES,
  type Deposit,
  type DepositAddress,
  type FeeRate,
  type Snapshot,
  type Subaccount,
  WITHDRAWAL_STATES,
  type Withdrawal,
} from "./model";
import { Rng, hash32, units } from "./random";

const DAY = 86_400_000;

export interface GenerateOptions {
  seed: number;
  subaccounts: number;
  deposits: number;
  now: number;
}

// ── Builders shared with the handlers ────────────────────────────────────────────────────────────────

/** OKX-style 18-digit uid. */
export const newUid = (rng: Rng) => `3${rng.digits(17)}`;

/** OKX API keys are UUIDs; secret keys 32 upper-case hex characters. */
export const newApiKeyId = (rng: Rng) => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${rng.pick(["8", "9", "a", "b"])}${rng.hex(3)}-${rng.hex(12)}`;
export const newSecretKey = (rng: Rng) => rng.hex(32).toUpperCase();

/** Fee levels and their rates; Lv1 is seed 001's example (negative = a fee charged, as OKX shows it). */
const FEE_TABLES: Record<string, [string, string][]> = {
  Lv1: [["-0.0008", "-0.001"], ["-0.0005", "-0.0007"], ...Array<[string, string]>(6).fill(["-0.0002", "-0.0005"]), ["-0.0002", "-0.0003"]],
  Lv2: [["-0.0007", "-0.0009"], ["-0.0004", "-0.0006"], ...Array<[string, string]>(6).fill(["-0.00018", "-0.00045"]), ["-0.00018", "-0.0003"]],
  VIP1: [["-0.0006", "-0.0008"], ["-0.0003", "-0.0005"], ...Array<[string, string]>(6).fill(["-0.00016", "-0.0004"]), ["-0.00015", "-0.0003"]],
  VIP2: [["-0.0005", "-0.0007"], ["-0.0002", "-0.0004"], ...Array<[string, string]>(6).fill(["-0.00014", "-0.00035"]), ["-0.00012", "-0.0003"]],
};
export const FEE_LEVELS = Object.keys(FEE_TABLES);

/** Types 1–9: spot USDT, spot crypto, USDT/USDC/coin futures, USDT/USDC/coin swaps, options. */
export const feeRatesFor = (level: string): FeeRate[] =>
  (FEE_TABLES[level] ?? FEE_TABLES.Lv1).map(([maker, taker], i) => ({ type: String(i + 1), maker, taker }));

export function newSubaccount(rng: Rng, subAcct: string, label: string, ts: number): Subaccount {
  return {
    subAcct,
    uid: newUid(rng),
    label,
    acctLv: "1",
    enable: true,
    frozenFunc: [],
    canTransOut: true,
    mainAcct: "",
    ts: String(ts),
    feeRates: feeRatesFor("Lv1"),
    depositTo: "6",
    level: "Lv1",
  };
}

/** A new deposit address of `sub` on `chain`; `selected` is set by the caller. */
export function newAddress(rng: Rng, sub: Subaccount, ccy: CurrencyDef, chain: ChainDef, addrType: "1" | "2", ts: number): DepositAddress {
  const address: DepositAddress = {
    subAcct: sub.subAcct,
    ccy: ccy.ccy,
    chain: chain.chain,
    addr: chain.address(rng, addrType === "2"),
    ctAddr: chain.ctAddr,
    addrType,
    selected: false,
    ts: String(ts),
  };
  if (chain.extra) address[chain.extra] = extraValue(rng);
  return address;
}

// ── The initial data set ─────────────────────────────────────────────────────────────────────────────

const WORDS_A = ["swift", "lunar", "amber", "north", "cobalt", "vivid", "silent", "rapid", "golden", "polar", "crimson", "nova", "orbit", "cedar", "delta"];
const WORDS_B = ["falcon", "harbor", "river", "summit", "lotus", "tiger", "maple", "comet", "atlas", "quartz", "willow", "ember", "pixel", "vertex", "zephyr"];
const LABELS = ["retail", "vip", "mm", "desk", "partner", "promo", "otc", "api"];
const FROZEN = ["trading", "convert", "transfer", "withdrawal", "deposit", "flexible_loan"];
const PERMS = ["read_only", "read_only,trade", "read_only,trade", "read_only,withdraw", "read_only,trade,withdraw"];

function subaccounts(rng: Rng, count: number, now: number): Subaccount[] {
  const names = new Set<string>();
  const uids = new Set<string>();
  // Creation times spread over the two years before today (UTC), oldest first (the list order). Counted from
  // the day's start, so whoever generates the account on the same day — the simulator on its first request,
  // the demo seed before it runs (initial-data.ts) — gets the same times, and with them the same fills.
  const today = now - (now % DAY);
  const times = Array.from({ length: count }, () => today - rng.int(1, 730) * DAY + rng.int(0, DAY - 1)).sort((a, b) => a - b);
  return times.map((ts) => {
    let name = "";
    do name = `${rng.pick(WORDS_A)}${rng.pick(WORDS_B)}${rng.int(10, 9999)}`;
    while (names.has(name) || name.length > 20);
    names.add(name);
    const sub = newSubaccount(rng, name, `${rng.pick(LABELS)}${rng.int(1, 999)}`, ts);
    while (uids.has(sub.uid)) sub.uid = newUid(rng);
    uids.add(sub.uid);
    sub.acctLv = rng.weighted([["1", 5], ["2", 3], ["3", 1.5], ["4", 0.5]] as const);
    sub.enable = rng.bool(0.92);
    // A frozen account has everything frozen; an enabled one sometimes has single functions frozen.
    sub.frozenFunc = !sub.enable ? [...FROZEN] : rng.bool(0.1) ? [rng.pick(FROZEN)] : [];
    sub.canTransOut = rng.bool(0.7);
    sub.level = rng.weighted([["Lv1", 6], ["Lv2", 2], ["VIP1", 1.5], ["VIP2", 0.5]] as const);
    sub.feeRates = feeRatesFor(sub.level);
    sub.depositTo = rng.bool(0.8) ? "6" : "18";
    return sub;
  });
}

/**
 * Makes about one in seven sub-accounts second-level: mainAcct names an earlier first-level one (OKX's
 * two-level tree; the first in the list stays first-level). A generator of its own, so the rest of the
 * data set is what the same seed gave before second levels existed.
 */
function secondLevels(seed: number, subs: Subaccount[]) {
  const rng = new Rng(hash32(`${seed}|second-level`));
  for (let i = 1; i < subs.length; i++) {
    if (!rng.bool(0.15)) continue;
    const parent = subs[rng.int(0, i - 1)];
    if (parent.mainAcct === "") subs[i].mainAcct = parent.subAcct;
  }
}

function apiKeys(rng: Rng, subs: Subaccount[]): ApiKeyRecord[] {
  return subs.flatMap((sub) =>
    Array.from({ length: rng.int(0, 2) }, (_, i) => ({
      subAcct: sub.subAcct,
      apiKey: newApiKeyId(rng),
      secretKey: newSecretKey(rng),
      passphrase: `Bd${rng.digits(4)}!${rng.chars("abcdefghjkmnpqrstuvwxyz", 4)}`,
      label: `key${i + 1}${rng.chars("abcdefghjkmnpqrstuvwxyz", 3)}`,
      perm: rng.pick(PERMS),
      ip: rng.bool(0.7) ? Array.from({ length: rng.int(1, 3) }, () => `${rng.int(11, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`).join(",") : "",
      ts: String(Number(sub.ts) + rng.int(1, 30) * DAY),
    })),
  );
}

function addresses(rng: Rng, subs: Subaccount[]): DepositAddress[] {
  return subs.flatMap((sub) => {
    const picked = new Set<number>();
    const n = rng.int(1, 4);
    while (picked.size < n) picked.add(rng.int(0, ALL_CHAINS.length - 1));
    return [...picked].map((i) => {
      const { ccy, chain } = ALL_CHAINS[i];
      const a = newAddress(rng, sub, ccy, chain, ccy.segwit && rng.bool() ? "2" : "1", Number(sub.ts) + rng.int(0, 10) * DAY);
      a.selected = true;
      return a;
    });
  });
}

/** Amount around the currency's typical size, as a decimal string with the chain's decimals. */
function amount(rng: Rng, typical: number, decimals: number): string {
  const whole = typical * Math.exp((rng.next() - 0.5) * 4);
  const minor = Math.max(1, Math.round(whole * 10 ** Math.min(decimals, 8)));
  return units(minor * 10 ** Math.max(0, decimals - 8), decimals);
}

const chainWeights = ALL_CHAINS.map((c) => [c, c.ccy.ccy === "USDT" ? 6 : c.ccy.ccy === "BTC" || c.ccy.ccy === "ETH" ? 3 : 1] as const);

function deposits(rng: Rng, subs: Subaccount[], addrs: DepositAddress[], count: number, now: number): Deposit[] {
  if (subs.length === 0) return [];
  const stateWeights = [["2", 75], ["1", 10], ["0", 6], ["8", 2], ["11", 1], ["12", 2], ["13", 2], ["14", 2]] as const;
  const addrByChain = new Map(addrs.map((a) => [`${a.subAcct}|${a.chain}`, a.addr]));
  const rows: Omit<Deposit, "depId">[] = [];
  for (let i = 0; i < count; i++) {
    // The first 16 cover every state with both types, so every documented value is always present.
    const state = i < 16 ? DEPOSIT_STATES[i % 8] : rng.weighted(stateWeights);
    const type = i < 16 ? DEPOSIT_TYPES[Math.floor(i / 8)] : rng.bool(0.8) ? "4" : "3";
    const sub = rng.pick(subs);
    const { ccy, chain } = rng.weighted(chainWeights);
    // Pending states are recent; the rest spread over 180 days.
    const age = state === "0" || state === "1" ? rng.int(0, 2 * 3600_000) : rng.int(0, 180 * DAY);
    const onChain = type === "4";
    const internalPhone = rng.bool(0.6);
    rows.push({
      subAcct: sub.subAcct,
      ccy: ccy.ccy,
      chain: chain.chain,
      amt: amount(rng, ccy.typicalAmount, chain.decimals),
      // Seed 001: `from` shows only internal senders (phone or e-mail), never chain addresses.
      from: onChain ? "" : internalPhone ? `13${rng.digits(9)}` : `${rng.chars("abcdefghijklmnopqrstuvwxyz", 6)}@example.com`,
      areaCodeFrom: !onChain && internalPhone ? "86" : "",
      to: onChain ? (addrByChain.get(`${sub.subAcct}|${chain.chain}`) ?? chain.address(rng, false)) : "",
      txId: onChain ? (chain.chain.endsWith("ERC20") ? `0x${rng.hex(64)}` : rng.hex(64)) : `${rng.digits(7)}_3_0_0_asset`,
      ts: String(now - age),
      state,
      type,
      actualDepBlkConfirm: !onChain ? "0" : state === "0" ? String(rng.int(0, chain.confirmations - 1)) : String(chain.confirmations + rng.int(0, 30)),
    });
  }
  // Newest first (the order OKX answers in); deposit ids grow with time.
  newestFirst(rows);
  return rows.map((r, i) => ({ depId: String(4_700_000 + rows.length - i), ...r }));
}

function withdrawals(rng: Rng, subs: Subaccount[], count: number, now: number): Withdrawal[] {
  if (subs.length === 0) return [];
  const stateWeights = WITHDRAWAL_STATES.map((s) => [s, s === "2" ? 40 : s === "-2" || s === "-1" || s === "0" || s === "1" ? 4 : 1] as const);
  const rows: Omit<Withdrawal, "wdId">[] = [];
  for (let i = 0; i < count; i++) {
    const state = i < WITHDRAWAL_STATES.length ? WITHDRAWAL_STATES[i] : rng.weighted(stateWeights);
    const sub = rng.pick(subs);
    const { ccy, chain } = rng.weighted(chainWeights);
    const onChain = rng.bool(0.85);
    const w: Omit<Withdrawal, "wdId"> = {
      clientId: rng.bool(0.5) ? `bd${rng.hex(12)}` : "",
      subAcct: sub.subAcct,
      ccy: ccy.ccy,
      chain: chain.chain,
      amt: amount(rng, ccy.typicalAmount, chain.decimals),
      fee: units(rng.int(1, 500), Math.min(chain.decimals, 4)),
      from: "",
      areaCodeFrom: "",
      to: onChain ? chain.address(rng, false) : `${rng.chars("abcdefghijklmnopqrstuvwxyz", 6)}@example.com`,
      areaCodeTo: "",
      txId: onChain && (state === "2" || state === "1") ? rng.hex(64) : "",
      ts: String(now - rng.int(0, 180 * DAY)),
      state,
      type: onChain ? "4" : "3",
    };
    if (chain.extra === "memo" || chain.extra === "tag") w[chain.extra] = extraValue(rng);
    rows.push(w);
  }
  newestFirst(rows);
  return rows.map((r, i) => ({ wdId: String(90_000_000 + rows.length - i), ...r }));
}

/**
 * Sorts newest first with distinct timestamps (a duplicate moves 1 ms earlier), so `after`/`before`
 * cursors over ts never skip a record at a page boundary.
 */
function newestFirst(rows: { ts: string }[]) {
  rows.sort((a, b) => Number(b.ts) - Number(a.ts));
  for (let i = 1; i < rows.length; i++) {
    if (Number(rows[i].ts) >= Number(rows[i - 1].ts)) rows[i].ts = String(Number(rows[i - 1].ts) - 1);
  }
}

/** A complete, consistent data set for `options.seed`. */
export function generate(options: GenerateOptions): Snapshot {
  const rng = new Rng(options.seed);
  const subs = subaccounts(rng, options.subaccounts, options.now);
  secondLevels(options.seed, subs);
  const addrs = addresses(rng, subs);
  return {
    version: 1,
    meta: { seed: options.seed, nextSeq: 1, brokerCode: `${rng.hex(12)}SCDE`, generatedAt: options.now },
    subaccounts: subs,
    apiKeys: apiKeys(rng, subs),
    addresses: addrs,
    deposits: deposits(rng, subs, addrs, options.deposits, options.now),
    withdrawals: withdrawals(rng, subs, Math.max(options.deposits > 0 ? WITHDRAWAL_STATES.length : 0, Math.round(options.deposits / 4)), options.now),
    rebateFiles: [],
  };
}
