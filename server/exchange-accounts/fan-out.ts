/** The schedule's exchange-account sync: one de-duplicated job per sub-account with an API key. */
import "server-only";
import type { Db } from "../db/client";
import { requestSubaccountSync } from "./sync-queue";

export interface FanOutResult {
  brands: number;
  subaccounts: number;
  queued: number;
  alreadyQueued: number;
}

/**
 * Enqueues a sync of every sub-account with at least one API key, of `brandId` or of every active brand.
 * Sub-accounts without any key are left out: their page says so without asking the exchange.
 */
export async function fanOutExchangeSync(db: Db, brandId?: string): Promise<FanOutResult> {
  const brands = brandId ? [{ id: brandId }] : await db.brand.findMany({ where: { status: "active" }, select: { id: true }, orderBy: { createdAt: "asc" } });
  const result: FanOutResult = { brands: brands.length, subaccounts: 0, queued: 0, alreadyQueued: 0 };
  for (const brand of brands) {
    const subs = await db.subaccount.findMany({
      where: { brandId: brand.id, removedAt: null, apiKeys: { some: {} } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    for (const sub of subs) {
      const r = await requestSubaccountSync(brand.id, sub.id, "schedule");
      result.subaccounts++;
      if (r.outcome === "queued") result.queued++;
      else result.alreadyQueued++;
    }
  }
  return result;
}
