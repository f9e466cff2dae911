/**
 * Demo FD rebates: Borealis is an FD broker as well as a white-label one. It fetches FD rebate files beside
 * its trading details, and its broker code is its simulated account's (server/exchange/sim/initial-data.ts),
 * so the files the worker fetches from the simulator every day pass the broker-code check like real ones.
 * The last 30 full UTC days arrive as the daily files would: one CSV per day, stored and imported
 * (server/rebates/import.ts) as that day's scheduled file, so the worker does not ask for those days
 * again. Most orders were placed by the brand's well-known customers and linked to them before the import
 * (as the brand's systems report them through the partner API); some belong to nobody the brand knows, and
 * yesterday's last orders are linked after the import, so the worker's next pass attributes them.
 * Deterministic per brand and day; a re-run adds only the days not imported yet.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { Db } from "../../server/db/client";
import type { SimulatorOptions } from "../../server/exchange/sim/config";
import { initialAccountData } from "../../server/exchange/sim/initial-data";
import { newFileKey, storeStream } from "../../server/rebates/storage";
import type { DemoBrandSlug } from "../demo-accounts";
import { seededRandom } from "./customers";
import { DEMO_CUSTOMERS } from "./demo-customers";
import { daysBetween } from "./rebate-trades";
import { importStoredFile } from "../../server/rebates/import";

/** The demo brand that fetches FD rebate files. */
export const FD_DEMO_BRAND: DemoBrandSlug = "borealis";
const DAYS = 30;
const DAY_MS = 86_400_000;
const HEADER = "brokerCode,level,instId,ordId,spotTradeAmt,derivativeTradeAmt,fee,netFee,settlementFee,brokerRebate,suBrokerRebate,userRebate,affiliated,ts";

/** Who places orders: the brand's customers (by e-mail) and how many orders a day; null: someone the brand does not know. */
const TRADERS: { email: string | null; perDay: number; level: string }[] = [
  { email: DEMO_CUSTOMERS.borealis.ingridLarsen.email, perDay: 7, level: "VIP2" },
  { email: DEMO_CUSTOMERS.borealis.liangWei.email, perDay: 5, level: "VIP1" },
  { email: DEMO_CUSTOMERS.borealis.mateoGarcia.email, perDay: 3, level: "Lv2" },
  { email: DEMO_CUSTOMERS.borealis.yukiSato.email, perDay: 2, level: "Lv1" },
  { email: DEMO_CUSTOMERS.borealis.tomBecker.email, perDay: 1, level: "Lv1" },
  { email: null, perDay: 3, level: "Lv1" },
];

const INSTRUMENTS = [
  { instId: "BTC-USDT", spot: true, rate: 0.0008, size: 3000, weight: 4 },
  { instId: "ETH-USDT", spot: true, rate: 0.0008, size: 1800, weight: 2 },
  { instId: "BTC-USDT-SWAP", spot: false, rate: 0.0005, size: 9000, weight: 5 },
  { instId: "ETH-USDT-SWAP", spot: false, rate: 0.0005, size: 5000, weight: 3 },
  { instId: "SOL-USDT-SWAP", spot: false, rate: 0.0005, size: 1500, weight: 1 },
];

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fixed = (value: number, digits: number) => value.toFixed(digits);
/** Order ids that never repeat across days: 8, the day's number since 1970, the order's place in it. */
const orderId = (day: string, seq: number) => `8${Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS)}${String(seq).padStart(5, "0")}`;

interface DemoOrder {
  line: string;
  ordId: string;
  email: string | null;
}

/** One CSV line per order of `day` (no header), in time order. */
export function fdOrders(slug: string, day: string, brokerCode: string): DemoOrder[] {
  const rng = seededRandom(`fd-rebates:${slug}:${day}`);
  const pool = INSTRUMENTS.flatMap((inst) => Array<(typeof INSTRUMENTS)[number]>(inst.weight).fill(inst));
  const start = Date.parse(`${day}T00:00:00Z`);
  const weekday = new Date(start).getUTCDay();
  const mood = (weekday === 0 || weekday === 6 ? 0.6 : 1) * (0.7 + rng() * 0.8);
  const orders: { ts: number; email: string | null; build: (ordId: string) => string }[] = [];
  for (const trader of TRADERS) {
    const count = Math.round(trader.perDay * mood * (0.5 + rng()));
    for (let i = 0; i < count; i++) {
      const inst = pool[Math.floor(rng() * pool.length)];
      const amount = Math.max(10, inst.size * (0.1 + rng() * rng() * 3));
      const fee = amount * inst.rate;
      const netFee = fee * (0.9 + rng() * 0.1);
      const settlementFee = netFee * (0.92 + rng() * 0.08);
      const affiliated = rng() < 0.2;
      const broker = settlementFee * (affiliated ? 0.2 : 0.3);
      const subBroker = rng() < 0.25 ? broker * 0.1 : 0;
      const user = rng() < 0.35 ? settlementFee * 0.1 : 0;
      const ts = start + Math.floor(rng() * (DAY_MS - 1000));
      const values = [fixed(inst.spot ? amount : 0, 4), fixed(inst.spot ? 0 : amount, 4), fixed(fee, 8), fixed(netFee, 8), fixed(settlementFee, 8), fixed(broker, 8), fixed(subBroker, 8), fixed(user, 8)];
      orders.push({ ts, email: trader.email, build: (ordId) => [brokerCode, trader.level, inst.instId, ordId, ...values, String(affiliated), ts].join(",") });
    }
  }
  orders.sort((a, b) => a.ts - b.ts);
  return orders.map((o, seq) => {
    const ordId = orderId(day, seq);
    return { line: o.build(ordId), ordId, email: o.email };
  });
}

/** The brand fetches FD files too, with its simulated account's broker code. */
async function makeFdBroker(db: Db, brandId: string, sim?: SimulatorOptions): Promise<string> {
  const { brokerCode } = initialAccountData(brandId, sim);
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { rebateFileKinds: true } });
  const kinds = brand.rebateFileKinds.includes("fd_rebates") ? brand.rebateFileKinds : [...brand.rebateFileKinds, "fd_rebates" as const];
  await db.brand.update({ where: { id: brandId }, data: { brokerCode, rebateFileKinds: kinds } });
  return brokerCode;
}

/** The last DAYS full days that have no FD file of the brand yet. */
async function missingDays(db: Db, brandId: string): Promise<string[]> {
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const days = daysBetween(isoDay(today - DAYS * DAY_MS), isoDay(today - DAY_MS));
  const have = await db.rebateFile.findMany({ where: { brandId, kind: "fd_rebates", trigger: "schedule" }, select: { beginDay: true } });
  const done = new Set(have.map((f) => isoDay(f.beginDay.getTime())));
  return days.filter((d) => !done.has(d));
}

/** One day's file, stored and imported as the worker would; its orders linked first unless `linkLater`. */
async function importDay(db: Db, brandId: string, slug: string, day: string, brokerCode: string, customers: Map<string, string>, linkLater: number): Promise<number> {
  const orders = fdOrders(slug, day, brokerCode);
  const known = orders.filter((o) => o.email && customers.has(o.email));
  const now = known.slice(0, known.length - linkLater);
  const later = known.slice(known.length - linkLater);
  const links = (list: DemoOrder[], attributedAt: Date | null) => list.map((o) => ({ brandId, ordId: o.ordId, customerId: customers.get(o.email!)!, attributedAt }));
  // Reported before the file came: the import attributes their rows, so the worker has nothing left to do.
  await db.fdOrderLink.createMany({ data: links(now, new Date()), skipDuplicates: true });
  const storageKey = newFileKey(brandId);
  const stored = await storeStream(storageKey, Readable.from([Buffer.from(`${[HEADER, ...orders.map((o) => o.line)].join("\n")}\n`)]));
  const file = await db.rebateFile.create({
    data: {
      id: randomUUID(),
      brandId,
      kind: "fd_rebates",
      beginDay: new Date(`${day}T00:00:00Z`),
      endDay: new Date(`${day}T00:00:00Z`),
      trigger: "schedule",
      state: "importing",
      exchangeRequestedAt: new Date(),
      storageKey,
      sha256: stored.sha256,
      bytes: BigInt(stored.bytes),
      progressBytes: BigInt(stored.bytes),
    },
  });
  const outcome = await importStoredFile({ id: file.id, brandId, kind: "fd_rebates", storageKey });
  if (outcome.status !== "imported") throw new Error(`demo FD rebates of ${slug} on ${day} not imported: ${JSON.stringify(outcome)}`);
  // Reported after the import: the worker's next pass gives these rows their customer.
  await db.fdOrderLink.createMany({ data: links(later, null), skipDuplicates: true });
  return outcome.rowsAdded;
}

/** The FD demo of one brand; `sim`: the simulator's settings (the environment's by default). */
export async function seedBrandFdRebates(db: Db, brandId: string, slug: DemoBrandSlug, sim?: SimulatorOptions): Promise<string> {
  const brokerCode = await makeFdBroker(db, brandId, sim);
  const emails = TRADERS.flatMap((t) => (t.email ? [t.email] : []));
  const found = await db.customer.findMany({ where: { brandId, email: { in: emails } }, select: { id: true, email: true } });
  const customers = new Map(found.map((c) => [c.email!, c.id]));
  const days = await missingDays(db, brandId);
  const yesterday = isoDay(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - DAY_MS);
  let added = 0;
  for (const day of days) added += await importDay(db, brandId, slug, day, brokerCode, customers, day === yesterday ? 2 : 0);
  return `${slug} ${added} FD rebate rows over ${days.length} days`;
}

export async function seedFdRebates(db: Db): Promise<string> {
  const brand = await db.brand.findUniqueOrThrow({ where: { slug: FD_DEMO_BRAND }, select: { id: true } });
  return `fd-rebates: ${await seedBrandFdRebates(db, brand.id, FD_DEMO_BRAND)}`;
}
