/**
 * Automatic grants by campaign rules. The jobs that see the events call these: `onCustomerRegistered` when a
 * customer is created (any source), `onFirstDeposit` when a customer's first deposit is credited. Each
 * active, eligible campaign of the matching type grants once per customer (idempotency keys
 * `registration:<campaign>:<customer>` / `first-deposit:<campaign>:<customer>`), so calling a hook again —
 * a retried job — grants nothing more. A campaign that cannot grant (budget spent, no account in its
 * currency, a fund lock) is skipped with the reason; the others still grant.
 */
import { systemActor } from "../actor";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { campaignRefusal, grant } from "./grants";
import { isEligible, text } from "./rules";
import type { BonusCampaignType } from "./schemas";

export interface HookOutcome {
  campaignId: string;
  grantId: string | null;
  amount: string | null;
  replayed: boolean;
  /** Why nothing was granted, when nothing was. */
  skipped: string | null;
}

const WHO = { actor: systemActor("bonus-hooks"), request: { ip: null, userAgent: null } };

async function run(db: Db, customerId: string, type: BonusCampaignType, keyPrefix: string, deposit?: { amount: string; currency: string }): Promise<HookOutcome[]> {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true, brandId: true, status: true, groupId: true, country: true, kycLevel: true } });
  if (!customer || customer.status !== "active") return [];
  const now = new Date();
  const campaigns = await db.bonusCampaign.findMany({
    where: { brandId: customer.brandId, type, status: "active", ...(deposit ? { currency: deposit.currency } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const out: HookOutcome[] = [];
  for (const c of campaigns) {
    if (campaignRefusal(c, now) || !isEligible(c, customer)) continue;
    // The customer's real (non-demo), active account in the campaign's currency; spot first.
    const account = await db.tradingAccount.findFirst({
      where: { brandId: customer.brandId, customerId: customer.id, currency: c.currency, demo: false, status: "active" },
      orderBy: [{ type: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    if (!account) {
      out.push({ campaignId: c.id, grantId: null, amount: null, replayed: false, skipped: `No active ${c.currency} trading account` });
      continue;
    }
    try {
      const g = await grant(
        { db, ...WHO, tenantId: customer.brandId },
        {
          campaignId: c.id,
          customerId: customer.id,
          tradingAccountId: account.id,
          depositAmount: deposit?.amount,
          idempotencyKey: `${keyPrefix}:${c.id}:${customer.id}`,
          reason: `Automatic: ${c.name}`,
        },
        { automatic: true },
      );
      out.push({ campaignId: c.id, grantId: g.id, amount: g.amount, replayed: g.replayed ?? false, skipped: null });
    } catch (error) {
      if (!(error instanceof AppError) || error.code === "NOT_FOUND") throw error;
      out.push({ campaignId: c.id, grantId: null, amount: null, replayed: false, skipped: error.message });
    }
  }
  return out;
}

/** Registration campaigns: call after a customer is created (server/customers/service.ts registerCustomer, and the sign-up paths). */
export const onCustomerRegistered = (db: Db, customerId: string) => run(db, customerId, "registration", "registration");

/** First-deposit campaigns in the deposit's currency; a percent rule uses the deposit's amount (decimal string). */
export const onFirstDeposit = (db: Db, customerId: string, amount: string | { toFixed(): string }, currency: string) =>
  run(db, customerId, "first_deposit", "first-deposit", { amount: text(amount), currency: currency.toUpperCase() });
