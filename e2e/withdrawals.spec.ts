/**
 * A withdrawal above the threshold, end to end against the e2e server's simulator: operations gives a
 * customer a sub-account with a withdraw key (the portal's own procedures) and money on the simulator, adds
 * an address to the customer's book, requests 1500 USDT in the "New withdrawal" dialog; an admin approves
 * it from the approvals inbox; a worker sends it once and follows it until it completes. Then the pages in
 * Chinese. With SHOTS_DIR, screenshots at 1440 px.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO, switchTo } from "./helpers";
import { mutate, SIM, startWorker } from "./sim-setup";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";

const SHOTS = process.env.SHOTS_DIR;
const ADDRESS = "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9";

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const sql = (query: string) => execFileSync("psql", [e2eDatabaseUrl(), "-tAc", query], { encoding: "utf8" }).trim();

test.use({ ...asRole(DEMO.aurora.operations), viewport: { width: 1440, height: 900 } });

test("a withdrawal above the threshold is approved by a second person and completes, in English and Chinese", async ({ page }) => {
  test.setTimeout(240_000);
  const worker = startWorker("withdrawal-send,withdrawal-follow");
  try {
    // An active Aurora customer at KYC level 2 with no transfer lock on any account.
    const brandId = sql("SELECT id FROM brand WHERE slug = 'aurora'");
    const [customerId, uid, name] = sql(`
      SELECT c.id, c.uid, c.name FROM customer c WHERE c.brand_id = '${brandId}' AND c.status = 'active' AND c.kyc_level >= 2
        AND NOT EXISTS (SELECT 1 FROM trading_account t JOIN fund_lock l ON l.trading_account_id = t.id WHERE t.customer_id = c.id AND l.ended_at IS NULL)
      ORDER BY c.registered_at DESC LIMIT 1`).split("|");
    expect(customerId).toMatch(/^[0-9a-f-]{36}$/);

    // No cooling-off for this run, approval above 1000 USDT (an admin's rules).
    await switchTo(page, DEMO.aurora.admin);
    await mutate(page.request, "withdrawal.setSettings", { perWithdrawalLimit: "100000", dailyLimit: "200000", approvalThreshold: "1000", coolingOffHours: 0 });
    await switchTo(page, DEMO.aurora.operations);

    const subAcct = `wd${Date.now().toString(36)}`.slice(0, 20);
    const sub = await mutate<{ id: string }>(page.request, "subaccount.createForCustomer", { customerId, subAcct });
    await mutate(page.request, "apiKey.create", { subaccountId: sub.id, label: `wd${Date.now().toString(36)}`, passphrase: "E2e-Withdraw-1!", perms: ["withdraw"], ips: [] });
    const funded = await page.request.post(`${SIM}/sim/admin/funds?account=${brandId}`, { data: { subAcct, account: "funding", ccy: "USDT", amt: "5000" } });
    expect(funded.ok(), await funded.text()).toBe(true);

    // The customer's address book, under their sub-accounts.
    await page.goto(`/customers/${customerId}?tab=sub-accounts`);
    const book = page.getByTestId("withdrawal-address-book");
    await book.getByRole("button", { name: "Add address" }).click();
    const addDialog = page.getByRole("dialog");
    await addDialog.getByLabel("Address").fill(ADDRESS);
    await addDialog.getByLabel("Label").fill("Cold wallet");
    await addDialog.getByRole("button", { name: "Add address" }).click();
    await expect(book.getByRole("row").filter({ hasText: ADDRESS })).toContainText("Usable");
    await shot(page, "withdrawals-en-address-book");

    // The request, in the dialog.
    await page.goto("/withdrawals");
    await page.getByRole("button", { name: "New withdrawal" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Search by UID, name or email…").fill(uid!);
    await dialog.getByRole("combobox", { name: "Customer" }).click();
    await page.getByRole("option", { name: new RegExp(uid!) }).click();
    await dialog.getByRole("combobox", { name: "Sub-account" }).click();
    await page.getByRole("option", { name: subAcct }).click();
    await dialog.getByRole("combobox", { name: "Chain" }).click();
    await page.getByRole("option", { name: "USDT-TRC20" }).click();
    await expect(dialog).toContainText(/Available: [\d.]+ USDT/);
    await dialog.getByLabel("Amount").fill("1500");
    await dialog.getByLabel("From the address book").selectOption({ index: 1 });
    await dialog.getByLabel("Note").fill("Customer asked by phone");
    await shot(page, "withdrawals-en-new-dialog");
    await dialog.getByRole("button", { name: "Request withdrawal" }).click();
    await expect(page).toHaveURL(/\/withdrawals\/[0-9a-f-]{36}$/);
    const detailUrl = page.url();
    await expect(page.getByText("Waiting for approval").first()).toBeVisible();
    // Its requester may not decide it.
    await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await shot(page, "withdrawals-en-waiting");

    // A second person: the admin, from the approvals inbox.
    await switchTo(page, DEMO.aurora.admin);
    await page.goto("/approvals");
    const item = page.getByRole("row").filter({ hasText: `Withdrawal of 1,500.00 USDT for ${name}` }).first();
    await expect(item).toBeVisible();
    await shot(page, "withdrawals-en-approvals-inbox");
    await page.goto(detailUrl);
    await page.getByRole("button", { name: "Approve" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId("withdrawal-history")).toContainText("Accepted by the exchange");
    await shot(page, "withdrawals-en-completed");
    await page.goto("/withdrawals");
    await expect(page.getByRole("row").filter({ hasText: name! }).first()).toContainText("Completed");
    await shot(page, "withdrawals-en-list");

    // 中文
    await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
    await page.goto("/withdrawals");
    await expect(page.getByRole("heading", { name: "提现" }).first()).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: name! }).first()).toContainText("已完成");
    await shot(page, "withdrawals-zh-list");
    await page.goto(detailUrl);
    await expect(page.getByTestId("withdrawal-history")).toContainText("交易所已受理");
    await shot(page, "withdrawals-zh-completed");
    await page.goto("/withdrawals");
    await page.getByRole("button", { name: "新建提现" }).first().click();
    await expect(page.getByRole("dialog")).toContainText("新建提现");
    await shot(page, "withdrawals-zh-new-dialog");
    await page.keyboard.press("Escape");
    await page.goto(`/customers/${customerId}?tab=sub-accounts`);
    await expect(page.getByTestId("withdrawal-address-book")).toContainText("可用");
    await shot(page, "withdrawals-zh-address-book");
  } finally {
    await worker.stop();
  }
});
