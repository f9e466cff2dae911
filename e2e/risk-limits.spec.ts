/**
 * Risk limits end to end: an admin sets a customer's single-withdrawal limit with the hold action on
 * /risk/limits; a withdrawal over it, requested through tRPC as operations, is held (pending approval,
 * marked as held by risk) and the risk event shows on /risk/events with its numbers. From the event page the
 * rule is snoozed for the customer; the customer page's Risk tab shows the limit, from the customer's own
 * scope, snoozed, and the open event; the snooze is cancelled there. With SHOTS_DIR set, every page this
 * touches is captured at 1440 px in English and Chinese. The limit is disabled at the end so the other
 * specs' withdrawals are not held.
 */
import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { shot } from "./page-checks";
import { expect, test } from "./fixtures";
import { asRole, DEMO, switchTo } from "./helpers";
import { mutate, SIM } from "./sim-setup";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";

const ADDRESS = "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9";
const sql = (query: string) => execFileSync("psql", [e2eDatabaseUrl(), "-tAc", query], { encoding: "utf8" }).trim();

test.use({ ...asRole(DEMO.aurora.admin), viewport: { width: 1440, height: 900 } });

/** The pages this spec touches, captured in both languages (only with SHOTS_DIR). */
async function shots(page: Page, pages: [string, string][]) {
  if (!process.env.SHOTS_DIR) return;
  for (const locale of ["en", "zh-CN"]) {
    await page.context().addCookies([{ name: "bd-locale", value: locale, url: test.info().project.use.baseURL! }]);
    for (const [name, url] of pages) {
      await page.goto(url);
      await shot(page, `risk-${name}-${locale}`);
    }
  }
  await page.context().addCookies([{ name: "bd-locale", value: "en", url: test.info().project.use.baseURL! }]);
}

test("a withdrawal over a risk limit is held and its event shows with its numbers", async ({ page }) => {
  test.setTimeout(process.env.SHOTS_DIR ? 240_000 : 90_000);
  // An active Aurora customer at KYC level 2, no transfer lock, not the one withdrawals.spec takes (the newest).
  const brandId = sql("SELECT id FROM brand WHERE slug = 'aurora'");
  const [customerId, uid, name] = sql(`
    SELECT c.id, c.uid, c.name FROM customer c WHERE c.brand_id = '${brandId}' AND c.status = 'active' AND c.kyc_level >= 2
      AND NOT EXISTS (SELECT 1 FROM trading_account t JOIN fund_lock l ON l.trading_account_id = t.id WHERE t.customer_id = c.id AND l.ended_at IS NULL)
    ORDER BY c.registered_at DESC OFFSET 1 LIMIT 1`).split("|");
  expect(customerId).toMatch(/^[0-9a-f-]{36}$/);
  await mutate(page.request, "withdrawal.setSettings", { perWithdrawalLimit: "100000", dailyLimit: "200000", approvalThreshold: "1000", coolingOffHours: 0 });

  // The admin sets the limit on the page.
  await page.goto("/risk/limits");
  await page.getByRole("button", { name: "New limit" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox", { name: "Applies to" }).click();
  await page.getByRole("option", { name: "One customer" }).click();
  // The customer is found by a server-side search (UID here), not typed in as an id.
  await dialog.getByRole("combobox", { name: "Search customers" }).fill(uid!);
  await dialog.getByRole("option", { name: new RegExp(`UID ${uid}\\b`) }).click();
  await expect(dialog.getByRole("status")).toContainText(`UID ${uid}`);
  await dialog.getByRole("combobox", { name: "Kind" }).click();
  await page.getByRole("option", { name: "One withdrawal" }).click();
  await dialog.getByLabel("Threshold (USDT)").fill("500");
  await dialog.getByRole("checkbox", { name: "Hold withdrawals for approval" }).click();
  await dialog.getByRole("button", { name: "Create limit" }).click();
  await expect(dialog).toBeHidden();
  const limitRow = page.getByRole("row").filter({ hasText: name! });
  await expect(limitRow).toContainText("One withdrawal");
  await expect(limitRow).toContainText("Hold withdrawals for approval");

  try {
    // Operations: a sub-account with a withdraw key and money on the simulator, an address, then 600 USDT.
    await switchTo(page, DEMO.aurora.operations);
    const subAcct = `rk${Date.now().toString(36)}`.slice(0, 20);
    const sub = await mutate<{ id: string }>(page.request, "subaccount.createForCustomer", { customerId, subAcct });
    await mutate(page.request, "apiKey.create", { subaccountId: sub.id, label: `rk${Date.now().toString(36)}`, passphrase: "E2e-Withdraw-1!", perms: ["withdraw"], ips: [] });
    const funded = await page.request.post(`${SIM}/sim/admin/funds?account=${brandId}`, { data: { subAcct, account: "funding", ccy: "USDT", amt: "5000" } });
    expect(funded.ok(), await funded.text()).toBe(true);
    await mutate(page.request, "withdrawal.addAddress", { customerId, ccy: "USDT", chain: "USDT-TRC20", address: ADDRESS, label: "Risk e2e" });
    const w = await mutate<{ id: string; state: string; riskEventId: string | null }>(page.request, "withdrawal.request", {
      customerId,
      subaccountId: sub.id,
      ccy: "USDT",
      chain: "USDT-TRC20",
      amount: "600",
      address: ADDRESS,
    });
    expect(w.state).toBe("pending_approval");
    expect(w.riskEventId).toMatch(/^[0-9a-f-]{36}$/);

    // The withdrawal says why it waits; the event is listed and shows its numbers.
    await page.goto(`/withdrawals/${w.id}`);
    await expect(page.getByRole("link", { name: "Held by a risk limit" })).toBeVisible();
    await page.goto("/risk/events");
    const row = page.getByRole("row").filter({ hasText: name! }).first();
    await expect(row).toContainText("One withdrawal");
    await expect(row).toContainText("600");
    await expect(row).toContainText("500");
    await row.getByRole("link").first().click();
    await expect(page.getByTestId("risk-observed")).toHaveText("600 USDT");
    await expect(page.getByTestId("risk-threshold")).toHaveText("500 USDT");
    await expect(page.getByRole("region", { name: "Hold withdrawals for approval" })).toContainText("Held when it was requested");
    const eventUrl = page.url();

    // Snooze the rule for this customer from the event page: a week by default, with a reason.
    await page.getByRole("button", { name: "Snooze for this customer" }).click();
    const snooze = page.getByRole("dialog", { name: "Snooze this rule for this customer" });
    await snooze.getByRole("button", { name: "Snooze", exact: true }).click();
    await expect(snooze.getByText("Give a reason (3 to 500 characters)")).toBeVisible();
    await snooze.getByLabel("Reason").fill("Known large withdrawal, agreed by phone");
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/risk-snooze-dialog-en.png` });
    await snooze.getByRole("button", { name: "Snooze", exact: true }).click();
    await expect(snooze).toBeHidden();
    await expect(page.getByTestId("risk-snoozes")).toContainText("Known large withdrawal, agreed by phone");

    // The open high/medium events are counted next to "Risk events" (the server keeps the figure 30 s).
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("nav-count-risk")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 45_000 });

    // The customer page's Risk tab: the limit from the customer's own scope, snoozed; the open event.
    await page.goto(`/customers/${customerId}?tab=risk`);
    const card = page.getByTestId("customer-risk-limits");
    const single = card.getByRole("region", { name: "One withdrawal" });
    await expect(single).toContainText("From: One customer");
    await expect(single).toContainText("500 USDT");
    await expect(single).toContainText("Snoozed until");
    await expect(page.getByTestId("customer-risk-open-events")).not.toHaveText("0");
    await expect(page.getByRole("link", { name: "View this customer's events" })).toHaveAttribute("href", `/risk/events?customerId=${customerId}&status=open`);

    await shots(page, [
      ["event", new URL(eventUrl).pathname],
      ["customer", `/customers/${customerId}?tab=risk`],
      ["events", "/risk/events?status=open"],
      ["dashboard", "/"],
    ]);

    // Cancelled there, after a confirmation: the rule is no longer snoozed.
    await page.goto(`/customers/${customerId}?tab=risk`);
    await page.getByTestId("risk-snoozes").getByRole("button", { name: "Cancel snooze" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Cancel snooze" }).click();
    await expect(page.getByText("No rule is snoozed for this customer.")).toBeVisible();
    await expect(single).not.toContainText("Snoozed until");
  } finally {
    await switchTo(page, DEMO.aurora.admin);
    if (process.env.SHOTS_DIR) {
      // The limit dialog with each scope's picker.
      for (const locale of ["en", "zh-CN"]) {
        await page.context().addCookies([{ name: "bd-locale", value: locale, url: test.info().project.use.baseURL! }]);
        await page.goto("/risk/limits");
        await page.getByRole("button", { name: locale === "en" ? "New limit" : "新建限额" }).click();
        await page.getByRole("dialog").getByRole("combobox").first().click();
        await page.getByRole("option").nth(2).click();
        await page.getByRole("dialog").getByRole("combobox").nth(1).fill(name!.slice(0, 3));
        await expect(page.getByRole("listbox").getByRole("option").first()).toBeVisible();
        await shot(page, `risk-limit-dialog-customer-${locale}`);
        await page.getByRole("dialog").getByRole("combobox").first().click();
        await page.getByRole("option").nth(1).click();
        await shot(page, `risk-limit-dialog-group-${locale}`);
      }
      await page.context().addCookies([{ name: "bd-locale", value: "en", url: test.info().project.use.baseURL! }]);
    }
    const limits = await page.request.get(`/api/trpc/risk.listLimits?input=${encodeURIComponent(JSON.stringify({ json: { page: 1, pageSize: 100 } }))}`);
    const rows = (await limits.json()).result.data.json.rows as { id: string; version: number; scopeId: string | null; enabled: boolean }[];
    for (const l of rows.filter((r) => r.scopeId === customerId && r.enabled)) await mutate(page.request, "risk.disableLimit", { id: l.id, version: l.version });
  }
});

test("the brand's risk controls switch off and on with a reason; the limits and events pages warn meanwhile", async ({ page }) => {
  test.setTimeout(45_000);
  await page.goto("/risk");
  await expect(page.getByRole("heading", { name: "Risk control status" })).toBeVisible();
  await expect(page.getByTestId("risk-enforcing")).toHaveText("Enforcing");
  const brandCard = page.getByTestId("risk-switch-brand");
  // An admin of the brand: the brand's switch, not the global one.
  await expect(page.getByTestId("risk-switch-global").getByRole("button")).toHaveCount(0);
  await brandCard.getByRole("button", { name: "Turn off" }).click();
  let dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("marked monitor only");
  await dialog.getByLabel("Reason").fill("Tuning the limits this week");
  await dialog.getByRole("button", { name: "Turn off" }).click();
  await expect(dialog).toBeHidden();
  try {
    await expect(page.getByTestId("risk-enforcing")).toHaveText("Monitor only");
    await expect(brandCard).toContainText("Tuning the limits this week");
    for (const path of ["/risk/limits", "/risk/events"]) {
      await page.goto(path);
      await expect(page.getByTestId("risk-enforcement-warning")).toContainText("Automatic risk enforcement is off");
    }
  } finally {
    await page.goto("/risk");
    await page.getByTestId("risk-switch-brand").getByRole("button", { name: "Turn on" }).click();
    dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("does not apply actions to events opened while it was off");
    await dialog.getByLabel("Reason").fill("Limits tuned");
    await dialog.getByRole("button", { name: "Turn on" }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId("risk-enforcing")).toHaveText("Enforcing");
  await page.goto("/risk/limits");
  await expect(page.getByRole("heading", { name: "Risk limits" })).toBeVisible();
  await expect(page.getByTestId("risk-enforcement-warning")).toHaveCount(0);
});

test("a customer's tripped risk breaker shows on their page and an admin resets it with a reason", async ({ page }) => {
  const brandId = sql("SELECT id FROM brand WHERE slug = 'aurora'");
  const [customerId] = sql(`SELECT id FROM customer WHERE brand_id = '${brandId}' AND status = 'active' ORDER BY registered_at LIMIT 1`).split("|");
  sql(`INSERT INTO customer_breaker (id, brand_id, customer_id) VALUES (gen_random_uuid(), '${brandId}', '${customerId}')`);
  try {
    await page.goto(`/customers/${customerId}`);
    const notice = page.getByTestId("customer-breaker");
    await expect(notice).toContainText("Money movements blocked");
    await notice.getByRole("button", { name: "Reset breaker" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByLabel("Reason").fill("Customer verified by phone");
    await dialog.getByRole("button", { name: "Reset breaker" }).click();
    await expect(dialog).toBeHidden();
    await expect(notice).toHaveCount(0);
    expect(sql(`SELECT reset_reason FROM customer_breaker WHERE customer_id = '${customerId}' ORDER BY tripped_at DESC LIMIT 1`)).toBe("Customer verified by phone");
  } finally {
    sql(`UPDATE customer_breaker SET reset_at = now(), reset_reason = 'e2e clean-up' WHERE customer_id = '${customerId}' AND reset_at IS NULL`);
  }
});
