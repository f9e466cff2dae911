/**
 * The approvals inbox end to end: a marketer grants a bonus that must wait (the demo brand sets no
 * threshold, so every grant waits), finds it under "My requests" waiting on an admin, the admin approves it
 * from the inbox with a note, and the marketer sees it gone from their requests and the grant applied.
 */
import pg from "pg";
import { expect, test, type Page } from "./fixtures";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";
import { asRole, DEMO, switchTo } from "./helpers";

/** An active Aurora customer whose real spot USDT account is active and not locked for money coming in. */
async function grantableCustomer(): Promise<{ id: string; name: string }> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; name: string }>(`
      SELECT c.id::text, c.name FROM customer c
      JOIN brand b ON b.id = c.brand_id AND b.slug = 'aurora'
      JOIN trading_account a ON a.customer_id = c.id AND a.type = 'spot' AND a.currency = 'USDT' AND NOT a.demo AND a.status = 'active'
      WHERE c.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM fund_lock l WHERE l.trading_account_id = a.id AND l.ended_at IS NULL)
      ORDER BY c.uid DESC LIMIT 1`);
    expect(rows).toHaveLength(1);
    return rows[0];
  } finally {
    await client.end();
  }
}

/** The inbox, newest grants first (other tests leave items waiting too), once its rows have loaded. */
async function openInbox(page: Page) {
  await page.goto("/approvals?dir=desc&kind=bonus.grant");
  await expect(page.getByRole("table")).not.toHaveAttribute("aria-busy", "true");
}

test.describe(() => {
  test.use(asRole(DEMO.aurora.marketing));

  test("a marketer's grant waits on an admin in the inbox until the admin approves it there", async ({ page }) => {
    const customer = await grantableCustomer();
    const amount = `3.${String(Date.now() % 10_000).padStart(4, "0")}7`;
    const title = `Grant of ${amount} USDT to ${customer.name}`;
    const reason = "Compensation for the outage";

    // Marketing grants the bonus: it waits for approval.
    await page.goto(`/customers/${customer.id}?tab=bonuses`);
    await page.getByRole("button", { name: "Grant bonus" }).click();
    const dialog = page.getByRole("dialog", { name: "Grant bonus" });
    await dialog.getByRole("combobox", { name: "Trading account" }).click();
    await page.getByRole("option", { name: "Spot USDT", exact: true }).click();
    await dialog.getByLabel("Amount", { exact: true }).fill(amount);
    await dialog.getByLabel("Reason").fill(reason);
    await dialog.getByRole("button", { name: "Grant", exact: true }).click();
    await expect(dialog).toHaveCount(0);

    // Their requests: the grant, why, and on whom it waits; theirs is not to decide.
    await openInbox(page);
    await expect(page.getByRole("tab", { name: "My requests" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tab", { name: /Waiting for me/ })).toHaveCount(0);
    const request = page.getByRole("row").filter({ hasText: title });
    await expect(request).toContainText(reason);
    await expect(request).toContainText("Admin");
    await expect(request).toContainText("You requested this; another approver must decide.");
    await expect(request.getByRole("button", { name: /Approve/ })).toHaveCount(0);

    // The admin approves it from "Waiting for me", with a note; the toast says what changed.
    await switchTo(page, DEMO.aurora.admin);
    await openInbox(page);
    await expect(page.getByRole("tab", { name: /Waiting for me/ })).toHaveAttribute("aria-selected", "true");
    const waiting = page.getByRole("row").filter({ hasText: title });
    await expect(waiting).toContainText(DEMO.aurora.marketing.name);
    await waiting.getByRole("button", { name: `Approve ${title}` }).click();
    const confirm = page.getByRole("alertdialog", { name: "Approve this request?" });
    await confirm.getByLabel("Note (optional)").fill("Checked against the outage report");
    await confirm.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByText(`${title} approved`)).toBeVisible();
    await expect(confirm).toHaveCount(0);
    await expect(waiting).toHaveCount(0);

    // Back as marketing: no longer among their requests, and the grant is applied.
    await switchTo(page, DEMO.aurora.marketing);
    await openInbox(page);
    await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(0);
    await page.goto(`/customers/${customer.id}?tab=bonuses`);
    await expect(page.getByRole("row").filter({ hasText: amount })).toContainText("Applied");
  });
});
