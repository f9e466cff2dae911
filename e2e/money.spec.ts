/**
 * Money on the customer page: operations opens two trading accounts, credits one, locks its transfers out,
 * and a transfer attempt is then refused with the lock's reason — the balance stays as it was.
 */
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO } from "./helpers";

test.use(asRole(DEMO.aurora.operations));

/** A currency code of this run's own, so reruns never meet the accounts of an earlier run. */
const currency = `T${Date.now().toString(36).toUpperCase()}`.slice(0, 10);

async function openAccount(page: Page, type: "Spot" | "Futures") {
  await page.getByRole("button", { name: "Open trading account" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Open trading account" });
  await dialog.getByRole("combobox", { name: "Account type" }).click();
  await page.getByRole("option", { name: type, exact: true }).click();
  await dialog.getByLabel("Currency").fill(currency);
  await dialog.getByRole("button", { name: "Open account" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: `${currency}` }).filter({ hasText: type }).first()).toBeVisible();
}

test("operations locks transfers out of a trading account and a transfer attempt is refused", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/customers?status=active");
  const first = page.getByRole("row").nth(3).getByRole("link").first();
  const name = (await first.textContent())?.trim() ?? "";
  await first.click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await page.getByRole("tab", { name: "Trading accounts" }).click();
  await openAccount(page, "Spot");
  await openAccount(page, "Futures");

  // Fund the spot account: a cash adjustment with a reason, posted to the ledger.
  await page.getByRole("button", { name: `Actions for the Spot ${currency} account` }).click();
  await page.getByRole("menuitem", { name: "Adjust cash" }).click();
  const adjust = page.getByRole("dialog", { name: "Adjust cash" });
  await adjust.getByLabel("Amount").fill("100");
  await adjust.getByLabel("Reason").fill("e2e opening balance");
  await adjust.getByRole("button", { name: "Post adjustment" }).click();
  await expect(adjust).toHaveCount(0);
  const spotRow = page.getByRole("row").filter({ hasText: "Spot" }).filter({ hasText: currency });
  await expect(spotRow).toContainText("100");

  // Lock transfers out of it, with a reason.
  await page.getByRole("tab", { name: "Fund locks" }).click();
  await page.getByRole("button", { name: "Lock transfers" }).first().click();
  const lock = page.getByRole("dialog", { name: "Lock transfers" });
  await lock.getByRole("combobox", { name: "Trading account" }).click();
  await page.getByRole("option", { name: `Spot ${currency}` }).click();
  await lock.getByRole("radio", { name: "Transfer out" }).check();
  await lock.getByLabel("Reason").fill("Chargeback under review");
  await lock.getByRole("button", { name: "Lock", exact: true }).click();
  await expect(page.getByText(`Transfers out locked on ${name}'s Spot ${currency} account.`)).toBeVisible();

  // The transfer out is refused, naming the lock's reason; nothing moved.
  await page.getByRole("tab", { name: "Trading accounts" }).click();
  await expect(spotRow).toContainText("Outgoing locked");
  await page.getByRole("button", { name: `Actions for the Spot ${currency} account` }).click();
  await page.getByRole("menuitem", { name: "Transfer" }).click();
  const transfer = page.getByRole("dialog", { name: "Transfer cash" });
  await transfer.getByRole("combobox", { name: "To account" }).click();
  await page.getByRole("option", { name: new RegExp(`Futures ${currency}`) }).click();
  await transfer.getByLabel("Amount").fill("10");
  await transfer.getByRole("button", { name: "Transfer", exact: true }).click();
  await expect(transfer.getByText(/Transfers out of the spot .* account are locked: Chargeback under review/)).toBeVisible();
  await transfer.getByRole("button", { name: "Cancel" }).click();
  await expect(spotRow).toContainText("100");

  // The ledger shows the adjustment behind the balance.
  await spotRow.getByRole("button", { name: "Ledger" }).click();
  await expect(page.getByRole("dialog").getByText("e2e opening balance")).toBeVisible();
});
