/**
 * The JUFU flow end to end through the generated client: a brand's marketing system registers customers,
 * airdrops each a non-withdrawable bonus, locks transfers out for some, and reads their assets back; every
 * balance is explained by the account's ledger lines. Plus approval above the threshold, release, unlock.
 */
import { Decimal } from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { approveGrant } from "@/server/bonuses/grant-approval";
import { db } from "@/server/db/client";
import { member } from "../helpers/bonuses";
import { idempotent, type PartnerClient } from "../partner-api/client";
import { partnerBrand, partnerKey } from "../partner-api/fixture";

const CUSTOMERS = Number(process.env.JUFU_CUSTOMERS ?? 1000);
const LOCKED = 10;

let api: PartnerClient;
let brandId: string;

beforeAll(async () => {
  const { brand, admin } = await partnerBrand({ bonusApprovalThreshold: "1000" });
  brandId = brand.id;
  api = (await partnerKey(admin)).api;
});

/** Sum of an account's ledger lines per bucket, read page by page through the API. */
async function ledgerSums(tradingAccountId: string) {
  const sums: Record<string, Decimal> = { cash: new Decimal(0), bonus_withdrawable: new Decimal(0), bonus_non_withdrawable: new Decimal(0) };
  let cursor: string | undefined;
  do {
    const page = await api.GET("/trading-accounts/{tradingAccountId}/ledger", { params: { path: { tradingAccountId }, query: { limit: 100, cursor } } });
    expect(page.response.status).toBe(200);
    for (const line of page.data!.data) sums[line.bucket] = sums[line.bucket].plus(line.amount);
    cursor = page.data!.nextCursor ?? undefined;
  } while (cursor);
  return sums;
}

describe("partner API: the JUFU new-customer airdrop", () => {
  it(`registers ${CUSTOMERS} customers, airdrops each, locks ${LOCKED}, and every balance is explained by the ledger`, async () => {
    const ids: string[] = [];
    const run = async (i: number) => {
      const c = await api.POST("/customers", { params: idempotent(), body: { name: `JUFU ${i}`, email: `jufu${i}.${brandId.slice(0, 8)}@example.com`, country: "SG" } });
      expect(c.response.status).toBe(201);
      const g = await api.POST("/bonus-grants", { params: idempotent(), body: { customerId: c.data!.id, kind: "non_withdrawable", amount: "8.8", currency: "USDT", reason: "New-customer airdrop" } });
      expect(g.response.status, JSON.stringify(g.error)).toBe(201);
      expect(g.data).toMatchObject({ status: "applied", kind: "non_withdrawable", amount: "8.8", remaining: "8.8", currency: "USDT" });
      ids[i] = c.data!.id;
    };
    // Ten partner workers at a time, as a marketing system would run them.
    for (let start = 0; start < CUSTOMERS; start += 10) await Promise.all(Array.from({ length: Math.min(10, CUSTOMERS - start) }, (_, k) => run(start + k)));

    for (const customerId of ids.slice(0, LOCKED)) {
      const assets = await api.GET("/customers/{customerId}/assets", { params: { path: { customerId } } });
      const locked = await api.POST("/trading-accounts/{tradingAccountId}/locks", {
        params: { ...idempotent(), path: { tradingAccountId: assets.data!.accounts[0].id } },
        body: { direction: "transfer_out", reason: "Airdrop cooling-off" },
      });
      expect(locked.response.status).toBe(201);
      expect(locked.data).toMatchObject({ direction: "transfer_out", status: "active", source: "partner_api" });
    }

    let nonWithdrawable = new Decimal(0);
    for (const [i, customerId] of ids.entries()) {
      const assets = await api.GET("/customers/{customerId}/assets", { params: { path: { customerId } } });
      expect(assets.data!.accounts).toHaveLength(1);
      const account = assets.data!.accounts[0];
      expect(account).toMatchObject({ type: "spot", currency: "USDT", cash: "0", bonusNonWithdrawable: "8.8", transferOutLocked: i < LOCKED, transferInLocked: false });
      if (i < 25) {
        const sums = await ledgerSums(account.id);
        expect(sums.bonus_non_withdrawable.toFixed()).toBe(account.bonusNonWithdrawable);
        expect(sums.bonus_withdrawable.toFixed()).toBe(new Decimal(account.bonusWithdrawable).toFixed());
        expect(sums.cash.toFixed()).toBe(new Decimal(account.cash).toFixed());
      }
      nonWithdrawable = nonWithdrawable.plus(account.bonusNonWithdrawable);
    }
    expect(nonWithdrawable.toFixed()).toBe(new Decimal("8.8").times(CUSTOMERS).toFixed());
    // The brand's books: what the customers hold came out of the bonus funding account, to the cent.
    const [funding] = await db.$queryRaw<{ sum: string }[]>`
      SELECT COALESCE(SUM(l.amount), 0)::text AS sum FROM ledger_line l JOIN ledger_account a ON a.id = l.ledger_account_id
      WHERE a.brand_id = ${brandId}::uuid AND a.trading_account_id IS NOT NULL`;
    expect(new Decimal(funding.sum).toFixed()).toBe(nonWithdrawable.toFixed());
    expect(await db.customer.count({ where: { brandId, registrationSource: "api" } })).toBe(CUSTOMERS);
  }, 600_000);
});

describe("partner API: funds", () => {
  async function customerWithAccount() {
    const c = await api.POST("/customers", { params: idempotent(), body: { name: "Funds", email: `f${Math.random().toString(36).slice(2)}@example.com`, country: "SG" } });
    const g = await api.POST("/bonus-grants", { params: idempotent(), body: { customerId: c.data!.id, kind: "non_withdrawable", amount: "100", currency: "USDT", reason: "Welcome bonus" } });
    return { customerId: c.data!.id, accountId: g.data!.tradingAccountId };
  }

  it("leaves a grant above the threshold pending, to be polled until an admin approves it", async () => {
    const { customerId, accountId } = await customerWithAccount();
    const big = await api.POST("/bonus-grants", { params: idempotent(), body: { customerId, kind: "withdrawable", amount: "5000", tradingAccountId: accountId, reason: "VIP welcome" } });
    expect(big.response.status).toBe(201);
    expect(big.data).toMatchObject({ status: "pending_approval", appliedAt: null });
    const approver = await member(brandId, "admin");
    await approveGrant(approver, { id: big.data!.id });
    const polled = await api.GET("/bonus-grants/{grantId}", { params: { path: { grantId: big.data!.id } } });
    expect(polled.data).toMatchObject({ status: "applied", remaining: "5000", kind: "withdrawable" });
  });

  it("releases non-withdrawable credit and unlocks a locked direction", async () => {
    const { accountId } = await customerWithAccount();
    const released = await api.POST("/trading-accounts/{tradingAccountId}/bonus-release", { params: { ...idempotent(), path: { tradingAccountId: accountId } }, body: { amount: "40", reason: "Trading volume reached" } });
    expect(released.data).toMatchObject({ released: "40" });
    await api.POST("/trading-accounts/{tradingAccountId}/locks", { params: { ...idempotent(), path: { tradingAccountId: accountId } }, body: { direction: "both", reason: "Review" } });
    const unlocked = await api.POST("/trading-accounts/{tradingAccountId}/unlock", { params: { ...idempotent(), path: { tradingAccountId: accountId } }, body: { direction: "both", reason: "Review done" } });
    expect(unlocked.data).toMatchObject({ status: "released", direction: "both" });
    const again = await api.POST("/trading-accounts/{tradingAccountId}/unlock", { params: { ...idempotent(), path: { tradingAccountId: accountId } }, body: { direction: "both", reason: "Review done" } });
    expect(again.response.status).toBe(404);
    expect(again.error).toMatchObject({ code: "partnerApi.errors.noActiveLock", field: "direction" });
    const account = await db.tradingAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.bonusNonWithdrawable.toFixed()).toBe("60");
    expect(account.bonusWithdrawable.toFixed()).toBe("40");
  });

  it("refuses a grant to a frozen customer, naming the field", async () => {
    const { customerId } = await customerWithAccount();
    await db.customer.update({ where: { id: customerId }, data: { status: "frozen" } });
    const frozen = await api.POST("/bonus-grants", { params: idempotent(), body: { customerId, kind: "non_withdrawable", amount: "1", currency: "USDT", reason: "Airdrop" } });
    expect(frozen.response.status).toBe(409);
    expect(frozen.error).toMatchObject({ code: "bonuses.errors.customerNotActive.frozen", field: "customerId" });
  });

  it("opens the account a grant names by currency in the grant's transaction: a refused grant opens nothing", async () => {
    const c = await api.POST("/customers", { params: idempotent(), body: { name: "No account yet", email: `n${Math.random().toString(36).slice(2)}@example.com`, country: "SG" } });
    const customerId = c.data!.id;
    await db.customer.update({ where: { id: customerId }, data: { status: "frozen" } });
    const refused = await api.POST("/bonus-grants", { params: idempotent(), body: { customerId, kind: "withdrawable", amount: "5", currency: "USDC", reason: "Airdrop" } });
    expect(refused.response.status).toBe(409);
    expect(await db.tradingAccount.count({ where: { customerId } })).toBe(0);
    expect(await db.auditLog.count({ where: { brandId, action: "trading_account.open", after: { path: ["customerId"], equals: customerId } } })).toBe(0);

    await db.customer.update({ where: { id: customerId }, data: { status: "active" } });
    const granted = await api.POST("/bonus-grants", { params: idempotent(), body: { customerId, kind: "withdrawable", amount: "5", accountType: "futures", currency: "usdc", reason: "Airdrop" } });
    expect(granted.response.status).toBe(201);
    const accounts = await db.tradingAccount.findMany({ where: { customerId } });
    expect(accounts).toEqual([expect.objectContaining({ id: granted.data!.tradingAccountId, type: "futures", currency: "USDC", demo: false })]);
  });
});
