/**
 * Demo fee reports. Each demo brand's trading sub-accounts are the simulator's own — the ones its account for
 * the brand is generated with (server/exchange/sim/initial-data.ts, from the same OKX_SIM_* settings) — linked
 * to the brand's well-known customers (and one to nobody, as a house account), so the sub-account sync finds
 * them on the exchange and keeps them. Their API keys (the simulator's, without secrets) are stored too, so a
 * customer's keys can be picked for the rebate check. The fills of the last 30 full UTC days are the
 * simulator's own (every sub-account's, as its files and ND rebate-daily give them) and arrive the way the
 * exchange's files do: a trading-details CSV is stored (server/rebates/storage.ts) and imported
 * (server/rebates/import.ts), which keeps the sums the reports read. A re-run imports only the days since the brand's last trade (nothing when it is up to
 * date), so a demo installation started every day keeps live-looking reports.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { withReadOnly } from "../../lib/api-keys/rules";
import type { Db } from "../../server/db/client";
import type { SimulatorOptions } from "../../server/exchange/sim/config";
import { initialAccountData, initialDmaFileLines, type InitialAccountData } from "../../server/exchange/sim/initial-data";
import type { Subaccount } from "../../server/exchange/sim/model";
import { importStoredFile } from "../../server/rebates/import";
import { newFileKey, storeStream } from "../../server/rebates/storage";
import { DEMO_BRANDS, type DemoBrandSlug } from "../demo-accounts";
import { DEMO_CUSTOMERS } from "./demo-customers";
import { daysBetween } from "./rebate-trades";

const DAYS = 30;
const DAY_MS = 86_400_000;

/** Whose simulator sub-account a demo customer trades on; `under`: a second sub-account below trader n's. */
interface DemoTrader {
  /** The linked customer's e-mail; null for the house account, linked to no customer. */
  customer: string | null;
  under?: number;
}

/** A simulator sub-account given to a demo trader. */
export interface DemoTradingSub {
  subAcct: string;
  level: 1 | 2;
  firstLevel: string;
  customer: string | null;
  sim: Subaccount;
}

const A = DEMO_CUSTOMERS.aurora;
const B = DEMO_CUSTOMERS.borealis;

/** Each brand's traders (the simulator decides how much each trades); Liang Wei has a second-level sub-account under his first. */
export const DEMO_TRADERS: Record<DemoBrandSlug, DemoTrader[]> = {
  aurora: [
    { customer: A.liangWei.email },
    { customer: A.liangWei.email, under: 0 },
    { customer: A.noahFischer.email },
    { customer: A.fatimaZahra.email },
    { customer: A.aishaRahman.email },
    { customer: A.priyaNair.email },
    { customer: null },
  ],
  borealis: [
    { customer: B.ingridLarsen.email },
    { customer: B.liangWei.email },
    { customer: B.yukiSato.email },
    { customer: null },
  ],
};

/**
 * Gives each trader one of the simulator's sub-accounts: only ones that can trade (enabled, nothing frozen),
 * those with an API key first, in the simulator's order. A trader `under` another gets a second-level
 * sub-account and that trader its parent, when the simulator has such a pair; otherwise a first-level one.
 * Deterministic: the same account data gives the same picks, so a re-run finds the rows it made.
 */
export function pickTradingSubaccounts(traders: readonly DemoTrader[], data: InitialAccountData): DemoTradingSub[] {
  const keyed = new Set(data.apiKeys.map((k) => k.subAcct));
  const usable = data.subaccounts
    .filter((s) => s.enable && s.frozenFunc.length === 0)
    .sort((a, b) => Number(keyed.has(b.subAcct)) - Number(keyed.has(a.subAcct)));
  const byName = new Map(usable.map((s) => [s.subAcct, s]));
  const taken = new Set<string>();
  const picked: (Subaccount | undefined)[] = traders.map(() => undefined);
  const take = (i: number, s: Subaccount) => {
    picked[i] = s;
    taken.add(s.subAcct);
  };
  traders.forEach((t, i) => {
    if (t.under === undefined || picked[t.under]) return;
    const child = usable.find((c) => c.mainAcct && !taken.has(c.subAcct) && !taken.has(c.mainAcct) && byName.has(c.mainAcct));
    if (!child) return;
    take(t.under, byName.get(child.mainAcct)!);
    take(i, child);
  });
  const rest = [...usable.filter((s) => !s.mainAcct), ...usable.filter((s) => s.mainAcct)];
  traders.forEach((_, i) => {
    const next = picked[i] ? undefined : rest.find((s) => !taken.has(s.subAcct));
    if (next) take(i, next);
  });
  return traders.flatMap((t, i) => {
    const s = picked[i];
    return s ? [{ subAcct: s.subAcct, level: s.mainAcct ? 2 : 1, firstLevel: s.mainAcct || s.subAcct, customer: t.customer, sim: s }] : [];
  });
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The picked sub-accounts that are missing, created as a first sync would find them (the simulator's columns)
 * and linked to their customers, with their API keys. Existing rows are left as they are.
 */
async function ensureSubaccounts(db: Db, brandId: string, subs: readonly DemoTradingSub[], data: InitialAccountData): Promise<number> {
  let created = 0;
  for (const s of subs) {
    if (await db.subaccount.findUnique({ where: { brandId_subAcct: { brandId, subAcct: s.subAcct } }, select: { id: true } })) continue;
    const customer = s.customer ? await db.customer.findFirst({ where: { brandId, email: s.customer }, select: { id: true } }) : null;
    const row = await db.subaccount.create({
      data: {
        brandId,
        subAcct: s.subAcct,
        uid: s.sim.uid,
        label: s.sim.label,
        accountLevel: Number(s.sim.acctLv),
        enabled: s.sim.enable,
        frozenFunctions: s.sim.frozenFunc,
        canTransferOut: s.sim.canTransOut,
        mainAcct: s.sim.mainAcct || null,
        exchangeCreatedAt: new Date(Number(s.sim.ts)),
        lastSyncedAt: new Date(),
        customerId: customer?.id ?? null,
      },
      select: { id: true },
    });
    const keys = data.apiKeys.filter((k) => k.subAcct === s.subAcct);
    await db.subaccountApiKey.createMany({
      data: keys.map((k) => ({
        brandId,
        subaccountId: row.id,
        apiKey: k.apiKey,
        label: k.label,
        perms: withReadOnly(k.perm.split(",")),
        ips: k.ip ? k.ip.split(",") : [],
        exchangeCreatedAt: new Date(Number(k.ts)),
      })),
      skipDuplicates: true,
    });
    created++;
  }
  return created;
}

/** The days to import: from the day after the brand's last trade (at most 30 days back) to yesterday. */
async function missingDays(db: Db, brandId: string): Promise<string[]> {
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const [latest] = await db.$queryRaw<{ day: string | null }[]>`SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM dma_trade_day WHERE brand_id = ${brandId}::uuid`;
  const windowStart = today - DAYS * DAY_MS;
  const after = latest?.day ? Date.parse(`${latest.day}T00:00:00Z`) + DAY_MS : windowStart;
  const from = Math.max(windowStart, after);
  return from > today - DAY_MS ? [] : daysBetween(isoDay(from), isoDay(today - DAY_MS));
}

/**
 * The brand's trading-details file for `days`, stored and imported as the worker would: the simulator's own
 * fills of those days (every sub-account's, the demo customers' among them), so the file the simulator serves
 * for a day, its ND rebate-daily and the reconciliation all agree with what the demo holds.
 */
async function importDays(db: Db, brandId: string, slug: DemoBrandSlug, days: string[], sim?: SimulatorOptions): Promise<number> {
  const compact = (ms: number) => isoDay(ms).replaceAll("-", "");
  const range = { begin: compact(Date.parse(`${days[0]}T00:00:00Z`)), end: compact(Date.parse(`${days[days.length - 1]}T00:00:00Z`) + DAY_MS) };
  const lines = [...initialDmaFileLines(brandId, range, sim)];
  const storageKey = newFileKey(brandId);
  const stored = await storeStream(storageKey, Readable.from([Buffer.from(lines.join(""))]));
  const file = await db.rebateFile.create({
    data: {
      id: randomUUID(),
      brandId,
      kind: "dma_trades",
      beginDay: new Date(`${days[0]}T00:00:00Z`),
      endDay: new Date(`${days[days.length - 1]}T00:00:00Z`),
      trigger: "manual",
      state: "importing",
      exchangeRequestedAt: new Date(),
      storageKey,
      sha256: stored.sha256,
      bytes: BigInt(stored.bytes),
      progressBytes: BigInt(stored.bytes),
    },
  });
  const outcome = await importStoredFile({ id: file.id, brandId, kind: "dma_trades", storageKey });
  if (outcome.status !== "imported") throw new Error(`demo trading details of ${slug} not imported: ${JSON.stringify(outcome)}`);
  return outcome.rowsAdded;
}

/**
 * One demo brand's trading sub-accounts and trades. Nothing for a brand with exchange credentials of its own:
 * its sub-accounts are on OKX, not in the simulator. `sim`: the simulator's settings (tests; default OKX_SIM_*).
 */
export async function seedBrandRebates(db: Db, brandId: string, slug: DemoBrandSlug, sim?: SimulatorOptions): Promise<string> {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { okxApiKey: true } });
  if (brand.okxApiKey) return `${slug} uses its own exchange credentials: no demo trades`;
  const data = initialAccountData(brandId, sim);
  const subs = pickTradingSubaccounts(DEMO_TRADERS[slug], data);
  if (subs.length === 0) return `${slug} has no simulator sub-accounts to trade on`;
  const created = await ensureSubaccounts(db, brandId, subs, data);
  const days = await missingDays(db, brandId);
  const added = days.length ? await importDays(db, brandId, slug, days, sim) : 0;
  return `${slug} ${created} sub-accounts, ${added} trades over ${days.length} days`;
}

export async function seedRebates(db: Db): Promise<string> {
  const lines: string[] = [];
  for (const { slug } of DEMO_BRANDS) {
    const brand = await db.brand.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    lines.push(await seedBrandRebates(db, brand.id, slug));
  }
  return `rebates: ${lines.join(", ")}`;
}
