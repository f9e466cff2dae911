/**
 * Demo fee reports. Each demo brand gets a few demo sub-accounts linked to its well-known customers (and one
 * linked to nobody, as a house account), and their trades over the last 30 full UTC days arrive the way the
 * exchange's files do: a trading-details CSV is stored (server/rebates/storage.ts) and imported
 * (server/rebates/import.ts), which attributes each trade to its customer and keeps the daily sums the
 * reports read. A re-run imports only the days since the brand's last trade (nothing when it is up to
 * date), so a demo installation started every day keeps live-looking reports.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { Db } from "../../server/db/client";
import { importStoredFile } from "../../server/rebates/import";
import { newFileKey, storeStream } from "../../server/rebates/storage";
import { DEMO_BRANDS, type DemoBrandSlug } from "../demo-accounts";
import { seededRandom } from "./customers";
import { DEMO_CUSTOMERS } from "./demo-customers";
import { daysBetween, TRADES_HEADER, tradeLines, type TradingSub } from "./rebate-trades";

const DAYS = 30;
const DAY_MS = 86_400_000;

interface DemoSub extends TradingSub {
  /** The linked customer's e-mail; null for a sub-account linked to no customer. */
  customer: string | null;
  label: string;
}

const A = DEMO_CUSTOMERS.aurora;
const B = DEMO_CUSTOMERS.borealis;
const sub = (subAcct: string, customer: string | null, perDay: number, vip: boolean, label: string, parent?: string): DemoSub => ({
  subAcct,
  level: parent ? 2 : 1,
  firstLevel: parent ?? subAcct,
  customer,
  perDay,
  vip,
  label,
});

/** Each brand's trading sub-accounts: the VIPs trade most; the house account belongs to no customer. */
export const DEMO_TRADING_SUBACCOUNTS: Record<DemoBrandSlug, DemoSub[]> = {
  aurora: [
    sub("aurLiangWei01", A.liangWei.email, 6, true, "main"),
    sub("aurLiangWei02", A.liangWei.email, 3, true, "grid", "aurLiangWei01"),
    sub("aurNoahF01", A.noahFischer.email, 4, true, "main"),
    sub("aurFatimaZ01", A.fatimaZahra.email, 2, true, "main"),
    sub("aurAishaR01", A.aishaRahman.email, 3, false, "api"),
    sub("aurPriyaN01", A.priyaNair.email, 1, false, "main"),
    sub("aurHouse01", null, 2, false, "house"),
  ],
  borealis: [
    sub("borIngridL01", B.ingridLarsen.email, 4, true, "main"),
    sub("borLiangWei01", B.liangWei.email, 2, false, "main"),
    sub("borYukiS01", B.yukiSato.email, 1, false, "main"),
    sub("borHouse01", null, 1, false, "house"),
  ],
};

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The demo sub-accounts that are missing, created as a first sync would find them, linked to their customers. */
async function ensureSubaccounts(db: Db, brandId: string, slug: DemoBrandSlug): Promise<number> {
  let created = 0;
  for (const s of DEMO_TRADING_SUBACCOUNTS[slug]) {
    if (await db.subaccount.findUnique({ where: { brandId_subAcct: { brandId, subAcct: s.subAcct } }, select: { id: true } })) continue;
    const customer = s.customer ? await db.customer.findFirst({ where: { brandId, email: s.customer }, select: { id: true } }) : null;
    const rng = seededRandom(`subaccount:${slug}:${s.subAcct}`);
    const uid = `3${Array.from({ length: 17 }, () => Math.floor(rng() * 10)).join("")}`;
    const now = new Date();
    await db.subaccount.create({
      data: {
        brandId,
        subAcct: s.subAcct,
        uid,
        label: s.label,
        accountLevel: s.vip ? 2 : 1,
        enabled: true,
        canTransferOut: true,
        mainAcct: s.level === 2 ? s.firstLevel : null,
        exchangeCreatedAt: new Date(now.getTime() - (120 + Math.floor(rng() * 60)) * DAY_MS),
        lastSyncedAt: now,
        customerId: customer?.id ?? null,
      },
    });
    created++;
  }
  return created;
}

/** The days to import: from the day after the brand's last trade (at most 30 days back) to yesterday. */
async function missingDays(db: Db, brandId: string): Promise<string[]> {
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const [latest] = await db.$queryRaw<{ day: string | null }[]>`SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM dma_trade WHERE brand_id = ${brandId}::uuid`;
  const windowStart = today - DAYS * DAY_MS;
  const after = latest?.day ? Date.parse(`${latest.day}T00:00:00Z`) + DAY_MS : windowStart;
  const from = Math.max(windowStart, after);
  return from > today - DAY_MS ? [] : daysBetween(isoDay(from), isoDay(today - DAY_MS));
}

/** One trading-details file of the brand for `days`, stored and imported as the worker would. */
async function importDays(db: Db, brandId: string, slug: DemoBrandSlug, days: string[]): Promise<number> {
  const lines = days.flatMap((day) => tradeLines(slug, day, DEMO_TRADING_SUBACCOUNTS[slug]));
  const storageKey = newFileKey(brandId);
  const stored = await storeStream(storageKey, Readable.from([Buffer.from(`${[TRADES_HEADER, ...lines].join("\n")}\n`)]));
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

export async function seedRebates(db: Db): Promise<string> {
  const lines: string[] = [];
  for (const { slug } of DEMO_BRANDS) {
    const brand = await db.brand.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const created = await ensureSubaccounts(db, brand.id, slug);
    const days = await missingDays(db, brand.id);
    const added = days.length ? await importDays(db, brand.id, slug, days) : 0;
    lines.push(`${slug} ${created} sub-accounts, ${added} trades over ${days.length} days`);
  }
  return `rebates: ${lines.join(", ")}`;
}
