/**
 * Local-only control endpoints for tests and benchmarks (plain JSON, not OKX envelopes):
 *   GET  /sim/admin/faults          current fault settings
 *   POST /sim/admin/faults          replace them (FaultConfig; {} clears)
 *   GET  /sim/admin/stats           request and 50011 counts per "METHOD /path", with totals
 *   POST /sim/admin/reset-stats     zero the counts
 *   POST /sim/admin/rate-limits     {"enabled"?: boolean, "reset"?: true} — switch limits, clear windows
 *   POST /sim/admin/seed            {"subaccounts", "deposits", "seed"?} — replace the data set
 *   POST /sim/admin/deposit         add a deposit, or change one's state ({"depId", "state"})
 *   GET  /sim/admin/state           record counts and settings (never secrets)
 *   GET  /sim/admin/file-links      link lifetimes of rebate / trading files (ms)
 *   POST /sim/admin/file-links      {"ttlMs": number | null} — links handed out from now on live ttlMs
 *                                   (0: already expired); null restores OKX's (FD 2 h, DMA 9 h)
 *   GET  /sim/admin/rebate-daily    the rebate-daily adjustments in force, per day
 *   POST /sim/admin/rebate-daily    {"day": "YYYYMMDD", "volDelta"?, "commissionDelta"?, "subAcct"?} — that
 *                                   day's rebate-daily adds the deltas (USDT decimals) to one sub-account's
 *                                   row, so it disagrees with the trading details; no delta clears the day
 * Sub-accounts' own accounts: POST /sim/admin/funds and /sim/admin/next-withdrawal (admin-trading.ts).
 * The data endpoints (seed, deposit, state, rebate-daily) act on one broker account: `?account=<id>` (a brand id for a
 * brand without credentials), "main" by default; an account not yet used is created.
 * Refused (403) unless the caller is on a loopback address and is not a browser (no Origin header).
 */
import "server-only";
import { z } from "zod";
import { chainOf } from "../assets";
import type { SimConfig } from "../config";
import { FaultConfigSchema, type Faults } from "../faults";
import { DEPOSIT_STATES, DEPOSIT_TYPES, type Deposit } from "../model";
import type { RateLimiter, Stats } from "../rate-limit";
import type { SimAccounts } from "../accounts";
import { units } from "../random";
import type { SimStore } from "../store";
import { isDate } from "../validation";
import { handleTradingAdmin } from "./admin-trading";
import { linkTtlMs } from "./files";

export interface AdminRuntime {
  config: SimConfig;
  /** The account the call is about. */
  store: SimStore;
  accounts: SimAccounts;
  faults: Faults;
  limiter: RateLimiter;
  stats: Stats;
}

export interface AdminAnswer {
  status: number;
  body: unknown;
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith("::ffff:") ? address.slice(7) : address;
  return a === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

const SeedSchema = z.strictObject({
  subaccounts: z.number().int().min(0).max(100_000),
  deposits: z.number().int().min(0).max(1_000_000),
  seed: z.number().int().min(0).optional(),
});

const RateLimitsSchema = z.strictObject({ enabled: z.boolean().optional(), reset: z.boolean().optional() });

const FileLinksSchema = z.strictObject({ ttlMs: z.number().int().min(0).max(24 * 3600_000).nullable() });

const delta = z.string().regex(/^-?\d{1,15}(\.\d{1,8})?$/, { error: "a USDT amount with at most 8 decimals" });
const RebateDailySchema = z.strictObject({
  day: z.string().refine(isDate, { error: "a day as YYYYMMDD" }),
  subAcct: z.string().min(1).max(32).optional(),
  volDelta: delta.optional(),
  commissionDelta: delta.optional(),
});

const DepositSchema = z.union([
  z.strictObject({ depId: z.string(), state: z.enum(DEPOSIT_STATES), actualDepBlkConfirm: z.string().regex(/^\d+$/).optional() }),
  z.strictObject({
    subAcct: z.string(),
    ccy: z.string(),
    chain: z.string().optional(),
    amt: z.string().regex(/^\d+(\.\d+)?$/),
    state: z.enum(DEPOSIT_STATES).optional(),
    type: z.enum(DEPOSIT_TYPES).optional(),
    txId: z.string().optional(),
    ts: z.string().regex(/^\d+$/).optional(),
  }),
]);

const bad = (error: z.ZodError | string): AdminAnswer => ({
  status: 400,
  body: { error: typeof error === "string" ? error : error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") },
});

export function handleAdmin(rt: AdminRuntime, method: string, path: string, body: unknown): AdminAnswer {
  const route = `${method} ${path}`;
  switch (route) {
    case "GET /sim/admin/faults":
      return { status: 200, body: rt.faults.current };
    case "POST /sim/admin/faults": {
      const parsed = FaultConfigSchema.safeParse(body ?? {});
      if (!parsed.success) return bad(parsed.error);
      rt.faults.set(parsed.data);
      return { status: 200, body: rt.faults.current };
    }
    case "GET /sim/admin/stats":
      return { status: 200, body: rt.stats.toJSON() };
    case "POST /sim/admin/reset-stats":
      rt.stats.reset();
      return { status: 200, body: rt.stats.toJSON() };
    case "POST /sim/admin/rate-limits": {
      const parsed = RateLimitsSchema.safeParse(body ?? {});
      if (!parsed.success) return bad(parsed.error);
      if (parsed.data.enabled !== undefined) rt.limiter.enabled = parsed.data.enabled;
      if (parsed.data.reset) rt.limiter.reset();
      return { status: 200, body: { enabled: rt.limiter.enabled } };
    }
    case "POST /sim/admin/seed": {
      const parsed = SeedSchema.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      rt.store.regenerate(parsed.data);
      return { status: 200, body: counts(rt) };
    }
    case "POST /sim/admin/deposit":
      return deposit(rt, body);
    case "GET /sim/admin/state":
      return { status: 200, body: counts(rt) };
    case "GET /sim/admin/file-links":
      return { status: 200, body: fileLinks(rt.config) };
    case "POST /sim/admin/file-links": {
      const parsed = FileLinksSchema.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      rt.config.fileLinkTtlMs = parsed.data.ttlMs;
      return { status: 200, body: fileLinks(rt.config) };
    }
    case "GET /sim/admin/rebate-daily":
      return { status: 200, body: adjustments(rt.store) };
    case "POST /sim/admin/rebate-daily":
      return rebateDaily(rt, body);
    default:
      return handleTradingAdmin(rt.store, route, body) ?? { status: 404, body: { error: `no admin endpoint ${route}` } };
  }
}

/** The override (null = none) and the lifetimes in effect. */
const fileLinks = (config: SimConfig) => ({ ttlMs: config.fileLinkTtlMs, fd: linkTtlMs(config, "fd"), dma: linkTtlMs(config, "dma") });

function counts(rt: AdminRuntime) {
  const s = rt.store;
  return {
    mode: rt.config.mode,
    apiKey: rt.config.apiKey,
    rateLimits: rt.limiter.enabled,
    accounts: rt.accounts.ids(),
    seed: s.meta.seed,
    subaccounts: s.subaccounts.size,
    apiKeys: s.apiKeys.size,
    addresses: [...s.addresses.values()].reduce((n, l) => n + l.length, 0),
    deposits: s.deposits.length,
    withdrawals: s.withdrawals.length,
    rebateFiles: s.rebateFiles.length,
  };
}

/** In 1e-8 USDT, exactly: "12.5" → 1250000000n. */
const toUnits8 = (text: string) => {
  const [whole, frac = ""] = text.replace("-", "").split(".");
  const n = BigInt(whole) * 100_000_000n + BigInt(frac.padEnd(8, "0"));
  return text.startsWith("-") ? -n : n;
};

const adjustments = (store: SimStore) =>
  Object.fromEntries(
    [...store.rebateDailyAdjustments].map(([day, a]) => [day, { subAcct: a.subAcct ?? null, volDelta: units(a.vol, 8), commissionDelta: units(a.commission, 8) }]),
  );

/** Sets (or, with no delta, clears) the day's rebate-daily adjustment of the account. */
function rebateDaily(rt: AdminRuntime, body: unknown): AdminAnswer {
  const parsed = RebateDailySchema.safeParse(body);
  if (!parsed.success) return bad(parsed.error);
  const { day, subAcct, volDelta, commissionDelta } = parsed.data;
  if (subAcct && !rt.store.subaccounts.has(subAcct)) return bad(`no sub-account ${subAcct}`);
  const vol = toUnits8(volDelta ?? "0");
  const commission = toUnits8(commissionDelta ?? "0");
  if (vol === 0n && commission === 0n) rt.store.rebateDailyAdjustments.delete(day);
  else rt.store.rebateDailyAdjustments.set(day, { subAcct, vol, commission });
  return { status: 200, body: adjustments(rt.store) };
}

/** Lets a test make a deposit arrive, or move one through its states (0 → 1 → 2 ...). */
function deposit(rt: AdminRuntime, body: unknown): AdminAnswer {
  const parsed = DepositSchema.safeParse(body);
  if (!parsed.success) return bad(parsed.error);
  const d = parsed.data;
  const store = rt.store;
  if ("depId" in d) {
    const found = store.deposits.find((x) => x.depId === d.depId);
    if (!found) return { status: 404, body: { error: `no deposit ${d.depId}` } };
    found.state = d.state;
    if (d.actualDepBlkConfirm) found.actualDepBlkConfirm = d.actualDepBlkConfirm;
    store.changed();
    return { status: 200, body: found };
  }
  const sub = store.subaccounts.get(d.subAcct);
  if (!sub) return bad(`no sub-account ${d.subAcct}`);
  const chain = chainOf(d.ccy, d.chain);
  if (!chain) return bad(`unknown ccy/chain ${d.ccy} ${d.chain ?? ""}`);
  const rng = store.rng();
  const type = d.type ?? "4";
  const state = d.state ?? "0";
  const ts = Number(d.ts ?? Date.now());
  const maxId = store.deposits.reduce((m, x) => Math.max(m, Number(x.depId)), 4_700_000);
  const rec: Deposit = {
    depId: String(maxId + 1),
    subAcct: sub.subAcct,
    ccy: d.ccy,
    chain: chain.chain,
    amt: d.amt,
    from: type === "3" ? `13${rng.digits(9)}` : "",
    areaCodeFrom: type === "3" ? "86" : "",
    to: type === "4" ? (store.addressesOf(sub.subAcct).find((a) => a.chain === chain.chain)?.addr ?? chain.address(rng, false)) : "",
    txId: d.txId ?? (type === "4" ? rng.hex(64) : `${rng.digits(7)}_3_0_0_asset`),
    ts: String(ts),
    state,
    type,
    actualDepBlkConfirm: type === "3" ? "0" : state === "0" ? "0" : String(chain.confirmations),
  };
  // Keep newest-first order.
  const at = store.deposits.findIndex((x) => Number(x.ts) < ts);
  store.deposits.splice(at === -1 ? store.deposits.length : at, 0, rec);
  store.changed();
  return { status: 200, body: rec };
}
