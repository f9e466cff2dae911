/**
 * Demo money: a real spot USDT trading account for each brand's oldest active customers, opened through the
 * ledger service, and an opening cash balance for every third of them (a cash adjustment, so the ledger
 * shows where it came from). Bonus campaigns are left to marketing to create in the portal.
 *
 * Idempotent: an existing account is kept, and each adjustment carries an idempotency key of its own.
 */
import type { Role } from "../../server/auth/permissions";
import type { StaffActor, TenantContext } from "../../server/actor";
import type { Db } from "../../server/db/client";
import { adjustCash, openTradingAccount } from "../../server/ledger/service";
import { DEMO_BRANDS } from "../demo-accounts";

/** Enough customers for a 100-row bonus upload in the demo (and the e2e suite). */
const ACCOUNTS_PER_BRAND = 120;

async function opsContext(db: Db, brandId: string, slug: string): Promise<TenantContext> {
  const email = `ops@${slug}.demo`;
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
    const ctx = await opsContext(db, brand.id, demo.slug);
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
  return `money: ${opened} trading accounts opened, ${funded} opening balances (replays are no-ops)`;
}
