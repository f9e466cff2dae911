/**
 * Operations opens a customer's Exchange tab and sees a position, against the e2e server's simulator: a
 * sub-account and a key made through the portal's own procedures (the secret stored sealed), a swap position
 * opened with that key as the customer would, and a worker running the exchange-account sync after
 * "Refresh". Then the brand-wide Positions and Open orders pages. In English, then in Chinese; with
 * SHOTS_DIR, screenshots at 1440 px.
 */
import type { APIRequestContext } from "@playwright/test";
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO } from "./helpers";
import { shot } from "./page-checks";
import { mutate, openFirstActiveCustomer, signed, startWorker, type Credentials } from "./sim-setup";

/** A new spot-and-futures sub-account for the customer with a trade key, holding a BTC swap position and a resting BTC order. */
async function tradingAccount(request: APIRequestContext, customerId: string) {
  const subAcct = `ex${Date.now().toString(36)}`.slice(0, 20);
  const sub = await mutate<{ id: string; version: number }>(request, "subaccount.createForCustomer", { customerId, subAcct });
  await mutate(request, "subaccount.setLevel", { id: sub.id, accountLevel: 2, version: sub.version });
  const key = await mutate<Credentials>(request, "apiKey.create", { subaccountId: sub.id, label: `e2e${Date.now().toString(36)}`, passphrase: "E2e-Read-123!", perms: ["trade"], ips: [] });
  const buy = { instId: "BTC-USDT-SWAP", tdMode: "cross", side: "buy", ordType: "market", sz: "3" };
  let answer = await signed<{ code: string }>(request, key, "POST", "/api/v5/trade/order", buy);
  if (answer.code !== "0") answer = await signed<{ code: string }>(request, key, "POST", "/api/v5/trade/order", { ...buy, posSide: "long" });
  expect(answer.code, JSON.stringify(answer)).toBe("0");
  const rest = await signed<{ code: string }>(request, key, "POST", "/api/v5/trade/order", { instId: "BTC-USDT", tdMode: "cash", side: "buy", ordType: "limit", px: "1000", sz: "0.001" });
  expect(rest.code, JSON.stringify(rest)).toBe("0");
  return { subAcct };
}

/** The Exchange tab with the sub-account's BTC swap position in it (refreshed until the worker has synced it). */
async function exchangeTab(page: Page, customerId: string, subAcct: string, words: { tab: string; refresh: string; queued: RegExp }) {
  await page.goto(`/customers/${customerId}?tab=exchange`);
  const row = page.getByRole("row").filter({ hasText: subAcct }).filter({ hasText: "BTC-USDT-SWAP" }).first();
  await expect(async () => {
    await page.getByRole("button", { name: words.refresh }).click();
    await expect(page.getByText(words.queued)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("tab", { name: words.tab, exact: true })).toHaveAttribute("aria-selected", "true");
    await expect(row).toBeVisible({ timeout: 4_000 });
  }).toPass({ timeout: 90_000 });
  return row;
}

test.use({ ...asRole(DEMO.aurora.operations), viewport: { width: 1440, height: 900 } });

test("operations sees a customer's synced position in the Exchange tab and on the Positions and Open orders pages, in English and Chinese", async ({ page }) => {
  test.setTimeout(240_000);
  const worker = startWorker("exchange-account-sync");
  try {
    const customerId = await openFirstActiveCustomer(page);
    const { subAcct } = await tradingAccount(page.request, customerId);

    const row = await exchangeTab(page, customerId, subAcct, { tab: "Exchange", refresh: "Refresh", queued: /Sync requested|already on its way/ });
    // A new sub-account of the simulator carries generated activity too, which may leave it net short.
    await expect(row).toContainText(/Long|Short/);
    await expect(page.getByTestId(`freshness-${subAcct}`)).toContainText(/Read /);
    await expect(page.getByTestId("exchange-total-value")).toContainText("USDT");
    await shot(page, "exchange-tab-en");
    await page.getByRole("tab", { name: /^Open orders/ }).click();
    await expect(page.getByRole("row").filter({ hasText: subAcct }).filter({ hasText: "BTC-USDT" }).first()).toBeVisible();
    await page.getByRole("tab", { name: "Fills" }).click();
    await expect(page.getByRole("row").filter({ hasText: "BTC-USDT-SWAP" }).first()).toBeVisible();
    await page.getByRole("tab", { name: "Bills" }).click();
    await expect(page.getByRole("row").filter({ hasText: subAcct }).first()).toBeVisible();

    await page.goto(`/positions?q=${subAcct}`);
    await expect(page.getByRole("heading", { name: "Positions" })).toBeVisible();
    // The sub-account's generated activity may hold other BTC swap positions beside the spec's (isolated, or
    // the other side in long/short mode): one of its cross positions is enough.
    await expect(page.getByRole("row").filter({ hasText: subAcct }).filter({ hasText: "BTC-USDT-SWAP" }).filter({ hasText: "Cross" }).first()).toBeVisible();
    await page.goto("/positions");
    await expect(page.getByRole("row").nth(1)).toBeVisible();
    await shot(page, "positions-en");
    await page.goto("/orders");
    await expect(page.getByRole("row").filter({ hasText: "BTC-USDT" }).first()).toBeVisible();
    await shot(page, "orders-en");

    await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
    const zhRow = await exchangeTab(page, customerId, subAcct, { tab: "交易所", refresh: "刷新", queued: /已请求同步|同步已在进行中/ });
    await expect(zhRow).toContainText(/多|空/);
    await expect(page.getByText("余额").first()).toBeVisible();
    await shot(page, "exchange-tab-zh");
    await page.goto("/positions");
    await expect(page.getByRole("heading", { name: "持仓" })).toBeVisible();
    await shot(page, "positions-zh");
    await page.goto("/orders");
    await expect(page.getByRole("heading", { name: "当前委托" })).toBeVisible();
    await shot(page, "orders-zh");
  } finally {
    await worker.stop();
  }
});
