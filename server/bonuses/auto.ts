/**
 * Automatic grants by campaign rules. Registration and first-deposit campaigns grant on their own: the
 * `bonus-auto-grants` job (every minute) looks, for each active campaign, for the events it has not answered
 * yet and grants through the same path as a staff grant (`grant`: budget under the campaign's lock, fund
 * locks, the ledger), with one idempotency key per campaign and customer, so no customer is granted twice.
 *
 *  - registration: active customers of the brand who registered while the campaign runs;
 *  - first deposit: customers whose first credited deposit (state 1 or 2, over every sub-account linked to
 *    them) is in the campaign's currency and was made while the campaign runs; a percent rule takes its amount.
 *
 * Why a scan and not an event queue: an event enqueued when a customer registers or a deposit is synced is
 * lost if Redis is down at that moment or the job fails for good; the scan finds the same customers on the
 * next run. Eligibility (groups, countries, KYC level) is part of the query, so a customer who reaches the
 * campaign's KYC level later is granted then. A customer without a real account in the campaign's currency
 * gets a spot account opened for the credit; one whose account there is closed or frozen, or locked for
 * transfers in, is left out until that changes.
 */
import "server-only";
import { systemActor } from "../actor";
import { Prisma, type Db } from "../db/client";
import { AppError } from "../errors";
import { directionsBlocking } from "../fund-locks/guard";
import { openTradingAccount } from "../ledger/service";
import { grant } from "./grant-create";
import { campaignRefusal, isCampaignRefusal } from "./grant-posting";

type CampaignRecord = Prisma.BonusCampaignGetPayload<object>;

/** Credited deposit states (seed 001: 1 credited, 2 success). */
const CREDITED_STATES = [1, 2];
/** Customers granted per campaign and run; the next run (a minute later) goes on. */
export const AUTO_GRANT_LIMIT = 500;

const WHO = { actor: systemActor("bonus-auto-grants"), request: { ip: null, userAgent: null } };

export const autoGrantKey = (campaign: { id: string; type: string }, customerId: string) =>
  `${campaign.type === "registration" ? "registration" : "first-deposit"}:${campaign.id}:${customerId}`;

interface Candidate {
  customerId: string;
  /** The first deposit's amount (first-deposit campaigns). */
  depositAmount: string | null;
}

export interface AutoGrantReport {
  campaigns: number;
  granted: number;
  /** Spot accounts opened to receive a credit. */
  accountsOpened: number;
  /** Why a customer or a whole campaign was not granted this run (at most 50 listed). */
  skipped: { campaignId: string; customerId: string | null; reason: string }[];
}

/**
 * The SQL conditions every candidate meets: active, eligible, not yet granted by this campaign, and no
 * real account in the currency that could not receive the credit (not active, or locked for money in).
 */
function candidateConditions(c: CampaignRecord) {
  const key = `${c.type === "registration" ? "registration" : "first-deposit"}:${c.id}:`;
  const blocking: string[] = directionsBlocking("in");
  return Prisma.sql`
    c.brand_id = ${c.brandId}::uuid AND c.status = 'active' AND c.kyc_level >= ${c.minKycLevel}
    AND (cardinality(${c.eligibleGroupIds}::uuid[]) = 0 OR c.group_id = ANY(${c.eligibleGroupIds}::uuid[]))
    AND (cardinality(${c.eligibleCountries}::text[]) = 0 OR upper(c.country) = ANY(${c.eligibleCountries}::text[]))
    AND NOT EXISTS (SELECT 1 FROM bonus_grant g WHERE g.brand_id = c.brand_id AND g.idempotency_key = ${key} || c.id::text)
    AND NOT EXISTS (
      SELECT 1 FROM trading_account t
      WHERE t.customer_id = c.id AND t.currency = ${c.currency} AND NOT t.demo
        AND (t.status <> 'active' OR EXISTS (
          SELECT 1 FROM fund_lock l WHERE l.trading_account_id = t.id AND l.ended_at IS NULL
            AND (l.expires_at IS NULL OR l.expires_at > now()) AND l.direction::text = ANY(${blocking}::text[]))))`;
}

async function candidates(db: Db, c: CampaignRecord, limit: number): Promise<Candidate[]> {
  const endsAt = c.endsAt ?? new Date("9999-12-31T00:00:00Z");
  if (c.type === "registration") {
    return db.$queryRaw<Candidate[]>`
      SELECT c.id::text AS "customerId", NULL AS "depositAmount" FROM customer c
      WHERE c.registered_at >= ${c.startsAt} AND c.registered_at < ${endsAt} AND ${candidateConditions(c)}
      ORDER BY c.registered_at, c.id LIMIT ${limit}`;
  }
  // Each customer's first credited deposit, for the customers with a credited deposit in the campaign's
  // currency since it started (the only ones whose first deposit can fall in its window).
  return db.$queryRaw<Candidate[]>`
    WITH recent AS (
      SELECT DISTINCT s.customer_id FROM deposit d JOIN subaccount s ON s.id = d.subaccount_id
      WHERE d.brand_id = ${c.brandId}::uuid AND d.state = ANY(${CREDITED_STATES}::int[]) AND d.exchange_ts >= ${c.startsAt}
        AND upper(d.ccy) = ${c.currency} AND s.customer_id IS NOT NULL),
    firsts AS (
      SELECT DISTINCT ON (s.customer_id) s.customer_id, d.amount, upper(d.ccy) AS ccy, d.exchange_ts
      FROM deposit d JOIN subaccount s ON s.id = d.subaccount_id
      WHERE d.brand_id = ${c.brandId}::uuid AND d.state = ANY(${CREDITED_STATES}::int[]) AND s.customer_id IN (SELECT customer_id FROM recent)
      ORDER BY s.customer_id, d.exchange_ts, d.id)
    SELECT c.id::text AS "customerId", f.amount::text AS "depositAmount"
    FROM firsts f JOIN customer c ON c.id = f.customer_id
    WHERE f.ccy = ${c.currency} AND f.exchange_ts >= ${c.startsAt} AND f.exchange_ts < ${endsAt} AND ${candidateConditions(c)}
    ORDER BY f.exchange_ts, c.id LIMIT ${limit}`;
}

/** The customer's real, active account in the currency (spot first), or a spot account opened for it. */
async function receivingAccount(db: Db, brandId: string, customerId: string, currency: string): Promise<{ id: string; opened: boolean }> {
  const existing = await db.tradingAccount.findFirst({
    where: { brandId, customerId, currency, demo: false, status: "active" },
    orderBy: [{ type: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  if (existing) return { id: existing.id, opened: false };
  try {
    const opened = await openTradingAccount({ db, ...WHO, tenantId: brandId }, { customerId, type: "spot", currency, demo: false });
    return { id: opened.id, opened: true };
  } catch (error) {
    // An overlapping run opened it a moment ago: use that one.
    const raced = await db.tradingAccount.findFirst({ where: { brandId, customerId, type: "spot", currency, demo: false, status: "active" }, select: { id: true } });
    if (raced) return { id: raced.id, opened: false };
    throw error;
  }
}

/** Grants what one campaign owes, at most `limit` customers; stops at the first refusal of the campaign itself. */
async function runCampaign(db: Db, c: CampaignRecord, limit: number, report: AutoGrantReport) {
  const skip = (customerId: string | null, reason: string) => {
    if (report.skipped.length < 50) report.skipped.push({ campaignId: c.id, customerId, reason });
  };
  for (const candidate of await candidates(db, c, limit)) {
    try {
      const account = await receivingAccount(db, c.brandId, candidate.customerId, c.currency);
      if (account.opened) report.accountsOpened++;
      const g = await grant(
        { db, ...WHO, tenantId: c.brandId },
        {
          campaignId: c.id,
          customerId: candidate.customerId,
          tradingAccountId: account.id,
          depositAmount: candidate.depositAmount ?? undefined,
          idempotencyKey: autoGrantKey(c, candidate.customerId),
          reason: `Automatic: ${c.name}`,
        },
        { automatic: true },
      );
      if (!g.replayed) report.granted++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The campaign itself refused (budget spent, paused or ended meanwhile): no point asking for the others.
      if (isCampaignRefusal(error)) {
        skip(null, error.message);
        return;
      }
      skip(candidate.customerId, error.message);
    }
  }
}

/** One run over every active registration and first-deposit campaign (of one brand, or of every brand). */
export async function runAutomaticGrants(db: Db, opts: { brandId?: string; now?: Date; limit?: number } = {}): Promise<AutoGrantReport> {
  const now = opts.now ?? new Date();
  const brands = await db.brand.findMany({ where: { status: "active", ...(opts.brandId ? { id: opts.brandId } : {}) }, select: { id: true } });
  const campaigns = await db.bonusCampaign.findMany({
    where: { type: { in: ["registration", "first_deposit"] }, status: "active", brandId: { in: brands.map((b) => b.id) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const report: AutoGrantReport = { campaigns: 0, granted: 0, accountsOpened: 0, skipped: [] };
  for (const c of campaigns) {
    if (campaignRefusal(c, now)) continue;
    report.campaigns++;
    await runCampaign(db, c, opts.limit ?? AUTO_GRANT_LIMIT, report);
  }
  return report;
}
