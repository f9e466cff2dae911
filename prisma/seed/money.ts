/**
 * Demo money: a real spot USDT trading account for each brand's oldest active customers, opened through the
 * ledger service, and an opening cash balance for every third of them (a cash adjustment, so the ledger
 * shows where it came from). One bonus campaign per brand: a "Welcome bonus" for customers who register from
 * now on, created by marketing and approved by the admin through the bonus services, so a customer
 * registered in the demo is credited by the bonus-auto-grants job within a minute.
 *
 * Idempotent: an existing account or campaign is kept, and each adjustment carries an idempotency key of its own.
 */
import type { Role } from "@/lib/auth/permissions";
import type { StaffActor, TenantContext } from "../../server/actor";
import type { Db } from "../../server/db/client";
import { approveCampaign, createCampaign, submitCampaign } from "../../server/bonuses/campaigns";
import { adjustCash, openTradingAccount } from "../../server/ledger/service";
import { DEMO_BRANDS } from "../demo-accounts";

/** Enough customers for a 100-row bonus upload in the demo (and the e2e suite). */
const ACCOUNTS_PER_BRAND = 120;

const WELCOME_CAMPAIGN = "Welcome bonus (demo)";

async function staffContext(db: Db, brandId: string, email: string): Promise<TenantContext> {
  const user = await db.staffUser.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, brandId: true } });
  if (!user) throw new Error(`Demo staff ${email} is missing: the foundation seed runs first`);
  const actor: StaffActor = { type: "staff", id: user.id, email: user.email, name: user.name, role: user.role as Role, brandId: user.brandId, sessionId: "" };
  return { db, actor, tenantId: brandId, request: { ip: null, userAgent: "brokerdesk demo seed" } };
}

export async function seedMoney(db: Db): Promise<string> {
  let opened = 0;
  let funded = 0;
  for (const demo of DEMO_BRANDS) {
    const brand = await db.brand.findUnique({ where: { slug: demo.slug }, select: { id: true } });
    if (!brand) continue;
    const ctx = await staffContext(db, brand.id, `ops@${demo.slug}.demo`);
    const customers = await db.customer.findMany({
      where: { brandId: brand.id, status: "active" },
      orderBy: { uid: "asc" },
      take: ACCOUNTS_PER_BRAND,
      select: { id: true, uid: true, tradingAccounts: { where: { type: "spot", currency: "USDT", demo: false }, select: { id: true } } },
    });
    for (const [i, customer] of customers.entries()) {
      let accountId = customer.tradingAccounts[0]?.id;
      if (!accountId) {
        accountId = (await openTradingAccount(ctx, { customerId: customer.id, type: "spot", currency: "USDT", demo: false })).id;
        opened++;
      }
      if (i % 3 === 0) {
        // 250, 500, ... 2,500 USDT: whole numbers as decimal strings, never floats.
        const amount = String(250 * ((Number(customer.uid % 10n) % 10) + 1));
        await adjustCash(ctx, { tradingAccountId: accountId, direction: "credit", amount, reason: "Opening balance (demo data)", idempotencyKey: `seed-opening-${customer.id}` });
        funded++;
      }
    }
  }
  let campaigns = 0;
  for (const demo of DEMO_BRANDS) {
    const brand = await db.brand.findUnique({ where: { slug: demo.slug }, select: { id: true } });
    if (!brand || (await db.bonusCampaign.findFirst({ where: { brandId: brand.id, name: WELCOME_CAMPAIGN }, select: { id: true } }))) continue;
    const marketing = await staffContext(db, brand.id, `marketing@${demo.slug}.demo`);
    const draft = await createCampaign(marketing, {
      name: WELCOME_CAMPAIGN,
      description: "10 USDT of trading credit for every customer who signs up, withdrawable after a release.",
      type: "registration",
      amountRule: "fixed",
      fixedAmount: "10",
      currency: "USDT",
      withdrawable: false,
      eligibleGroupIds: [],
      eligibleCountries: [],
      minKycLevel: 0,
      budget: "10000",
      startsAt: new Date(),
      endsAt: null,
      validityDays: 30,
    });
    const submitted = await submitCampaign(marketing, { id: draft.id, version: draft.version });
    if (submitted.status === "pending_approval") await approveCampaign(await staffContext(db, brand.id, `admin@${demo.slug}.demo`), { id: draft.id });
    campaigns++;
  }
  return `money: ${opened} trading accounts opened, ${funded} opening balances (replays are no-ops), ${campaigns} welcome campaigns`;
}
