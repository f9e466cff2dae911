/**
 * The busiest tables fit a 1440 × 900 screen with their default columns: no sideways scrolling. Long
 * cells are cut with an ellipsis and show the whole text on hover; other columns are switched on from
 * "View", remembered per table.
 */
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO } from "./helpers";

test.use({ ...asRole(DEMO.aurora.admin), viewport: { width: 1440, height: 900 } });

/** The table's full width against the width its container shows. */
async function expectNoSidewaysScroll(page: Page) {
  const table = page.locator('[data-slot="table"]').first();
  await expect(table.locator("tbody tr").first()).toBeVisible();
  const { scroll, client } = await table.evaluate((el) => ({ scroll: el.scrollWidth, client: el.parentElement!.clientWidth }));
  expect(scroll, `table ${scroll}px wide in a ${client}px container`).toBeLessThanOrEqual(client);
}

test("customers, KYC queue and fund locks fit 1440 px without horizontal scroll", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/customers");
  await expect(page.getByRole("row").nth(1)).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto("/kyc");
  await expect(page.getByRole("columnheader", { name: /Reviewer|Assignee/ })).toBeVisible();
  await expectNoSidewaysScroll(page);

  // A lock with a long reason, so the table has a real row to lay out.
  await page.goto("/customers?status=active");
  await page.getByRole("row").nth(2).getByRole("link").first().click();
  await page.getByRole("tab", { name: "Trading accounts" }).click();
  const currency = `W${Date.now().toString(36).toUpperCase()}`.slice(0, 10);
  await page.getByRole("button", { name: "Open trading account" }).first().click();
  const open = page.getByRole("dialog", { name: "Open trading account" });
  await open.getByRole("combobox", { name: "Account type" }).click();
  await page.getByRole("option", { name: "Spot", exact: true }).click();
  await open.getByLabel("Currency").fill(currency);
  await open.getByRole("button", { name: "Open account" }).click();
  await expect(open).toHaveCount(0);
  await page.getByRole("tab", { name: "Fund locks" }).click();
  await page.getByRole("button", { name: "Lock transfers" }).first().click();
  const lock = page.getByRole("dialog", { name: "Lock transfers" });
  await lock.getByRole("combobox", { name: "Trading account" }).click();
  await page.getByRole("option", { name: `Spot ${currency}` }).click();
  await lock.getByRole("radio", { name: "Transfer out" }).check();
  const reason = "Chargeback under review with the card issuer, pending documents from the customer's bank about the disputed deposit";
  await lock.getByLabel("Reason").fill(reason);
  await lock.getByRole("button", { name: "Lock", exact: true }).click();
  await expect(lock).toHaveCount(0);

  await page.goto("/fund-locks");
  await expect(page.getByRole("row").nth(1)).toBeVisible();
  await expectNoSidewaysScroll(page);
  // The cut reason keeps its whole text for the hover tooltip.
  await expect(page.locator(`[title="${reason}"]`).first()).toBeVisible();

  // A hidden column can be switched on from "View", and the choice is remembered.
  await page.getByRole("button", { name: "View" }).click();
  const createdBy = page.getByRole("menuitemcheckbox", { name: "Created by" });
  await expect(createdBy).not.toBeChecked();
  await createdBy.click();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("columnheader", { name: "Created by" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Created by" })).toBeVisible();
});
