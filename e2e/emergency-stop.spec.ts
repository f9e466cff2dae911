/**
 * The emergency stop end to end: an Aurora admin triggers the brand's stop (reason and authenticator
 * code), the banner shows on every page (in English and, with the Chinese locale, in Chinese), a bonus
 * grant is refused with the stop's message, and the reset (step-up again) removes the banner and lets the
 * same grant through. Strings come from the dictionaries. Whatever happens, the stop is reset at the end so
 * no later spec meets it.
 */
import pg from "pg";
import { expect, test, type Page } from "./fixtures";
import { messages } from "../lib/i18n/messages";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";
import { asRole, DEMO, freshTotpCode } from "./helpers";

const en = messages.en;
const zh = messages["zh-CN"];

async function sql<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** The banner's sentence with its time left open. */
const bannerText = (sentence: string) => new RegExp(sentence.split("{time}").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+"));

async function change(page: Page, button: string, confirm: string, reason: string, options: { cancelOrders?: boolean } = {}) {
  await page.goto("/risk/emergency");
  await page.getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(en.emergency.dialog.reason).fill(reason);
  await dialog.getByLabel(en.emergency.dialog.totpCode).fill(await freshTotpCode(DEMO.aurora.admin.totpSecret!));
  if (options.cancelOrders) await dialog.getByRole("checkbox", { name: en.emergency.dialog.cancelOrders }).check();
  if (options.cancelOrders && process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/emergency-trigger-dialog-en.png` });
  await dialog.getByRole("button", { name: confirm }).click();
  await expect(dialog).toHaveCount(0);
}

/** Opens the customer's Bonuses tab and submits a 2.5 USDT grant to their spot account; returns the dialog. */
async function grantBonus(page: Page, customerId: string) {
  await page.goto(`/customers/${customerId}?tab=bonuses`);
  await page.getByRole("button", { name: en.bonuses.grant.button }).click();
  const dialog = page.getByRole("dialog", { name: en.bonuses.grant.title });
  await dialog.getByRole("combobox", { name: en.bonuses.grant.account }).click();
  await page.getByRole("option", { name: "Spot USDT", exact: true }).click();
  await dialog.getByLabel(en.bonuses.grant.amount, { exact: true }).fill("2.5");
  await dialog.getByLabel(en.bonuses.grant.reason).fill("Goodwill");
  await dialog.getByRole("button", { name: en.bonuses.grant.submit, exact: true }).click();
  return dialog;
}

test.describe(() => {
  test.use(asRole(DEMO.aurora.admin));

  test.afterAll(async () => {
    await sql(`UPDATE emergency_stop SET reset_at = now(), reset_reason = 'e2e clean-up' WHERE reset_at IS NULL`);
  });

  test("an admin stops the brand: the banner shows, a grant is refused with the stop's message, the reset restores", async ({ page }) => {
    const [customer] = await sql<{ id: string }>(`
      SELECT c.id::text FROM customer c
      JOIN brand b ON b.id = c.brand_id AND b.slug = 'aurora'
      JOIN trading_account a ON a.customer_id = c.id AND a.type = 'spot' AND a.currency = 'USDT' AND NOT a.demo AND a.status = 'active'
      WHERE c.status = 'active' AND NOT EXISTS (SELECT 1 FROM fund_lock l WHERE l.trading_account_id = a.id AND l.ended_at IS NULL)
      ORDER BY c.uid DESC LIMIT 1`);
    expect(customer).toBeDefined();

    await change(page, en.emergency.actions.triggerBrand, en.emergency.dialog.confirmTrigger, "Suspicious withdrawals from several accounts", { cancelOrders: true });
    await expect(page.getByRole("alert").filter({ hasText: bannerText(en.emergency.banner.brand) })).toBeVisible();
    await expect(page.getByText(en.emergency.state.active, { exact: true }).first()).toBeVisible();
    // Cancelling the open orders was asked for: the stop shows how it goes (queued, running or finished, as the worker gets to it).
    const { queued, running, finished } = en.emergency.cancel;
    await expect(page.getByTestId("emergency-cancel-progress")).toContainText(new RegExp(`${queued}|${running}|${finished}`));
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/emergency-stopped-en.png`, fullPage: true });

    // A grant is refused, with the stop's message; the banner is on this page too.
    const dialog = await grantBonus(page, customer!.id);
    await expect(page.getByTestId("emergency-banner")).toContainText(bannerText(en.emergency.banner.brand));
    await expect(dialog.getByRole("alert")).toHaveText(en.emergency.errors.stoppedBrand);
    await dialog.getByRole("button", { name: en.common.cancel }).click();

    // In Chinese, the banner speaks Chinese.
    await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
    await page.goto("/");
    await expect(page.getByTestId("emergency-banner")).toContainText(bannerText(zh.emergency.banner.brand));
    if (process.env.SHOTS_DIR) {
      await page.goto("/risk/emergency");
      await expect(page.getByTestId("emergency-cancel-progress")).toBeVisible();
      await page.screenshot({ path: `${process.env.SHOTS_DIR}/emergency-stopped-zh.png`, fullPage: true });
    }
    await page.context().addCookies([{ name: "bd-locale", value: "en", url: test.info().project.use.baseURL! }]);

    await change(page, en.emergency.actions.resetBrand, en.emergency.dialog.confirmReset, "Checked with compliance: all clear");
    await expect(page.getByTestId("emergency-banner")).toHaveCount(0);
    await expect(page.getByText(en.emergency.state.inactive, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "Checked with compliance: all clear" })).toBeVisible();

    // The same grant goes through now (here it waits for an approver: the demo brand sets no threshold).
    await grantBonus(page, customer!.id);
    await expect(page.getByRole("dialog", { name: en.bonuses.grant.title })).toHaveCount(0);
  });
});
