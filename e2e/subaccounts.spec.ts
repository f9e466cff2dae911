/**
 * The operations desk on the exchange side, against the e2e server's simulator: create a sub-account for a
 * customer from the customer page, create an API key on it and see the secret exactly once, add a deposit
 * address; support sees the sub-account but none of the actions.
 */
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO } from "./helpers";

/** 6–20 letters and digits, unique per run. */
const subAccountName = () => `e2e${Date.now().toString(36)}`.slice(0, 20);

async function openActiveCustomer(page: Page): Promise<string> {
  await page.goto("/customers?status=active");
  const first = page.getByRole("row").nth(1).getByRole("link").first();
  const name = (await first.textContent())?.trim() ?? "";
  await first.click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return name;
}

test.describe(() => {
  test.use(asRole(DEMO.aurora.operations));

  test("operations creates a sub-account for a customer, an API key shown once, and a deposit address", async ({ page }) => {
    test.setTimeout(90_000);
    const sub = subAccountName();
    const customer = await openActiveCustomer(page);

    // Create from the customer page: a bad name is refused in the form, then a good one reaches the exchange.
    await page.getByRole("tab", { name: "Sub-accounts" }).click();
    await page.getByRole("button", { name: "Create sub-account" }).click();
    const create = page.getByRole("dialog", { name: "New sub-account" });
    await create.getByLabel("Sub-account name").fill("bad name!");
    await create.getByRole("button", { name: "Create", exact: true }).click();
    await expect(create.getByText("Use 6–20 letters and digits, with no spaces or symbols.")).toBeVisible();
    await create.getByLabel("Sub-account name").fill(sub);
    await create.getByLabel("Label (optional)").fill("e2e");
    await create.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page.getByText(`Sub-account ${sub} created for ${customer}`)).toBeVisible();
    await expect(create).toHaveCount(0);

    // Its page: linked to the customer, level shown.
    await page.getByRole("link", { name: sub }).click();
    await expect(page.getByRole("heading", { name: sub })).toBeVisible();
    await expect(page.getByRole("link", { name: "Open customer" })).toBeVisible();

    // API key: created with the seed's rules; the secret is shown once, then never again on the page.
    await page.getByRole("tab", { name: "API keys" }).click();
    await page.getByRole("button", { name: "Create API key" }).first().click();
    const keyDialog = page.getByRole("dialog", { name: "Create API key" });
    await keyDialog.getByLabel("Label").fill("e2ebot");
    await keyDialog.getByLabel("Passphrase", { exact: true }).fill("weak");
    await keyDialog.getByLabel("Trade").check();
    await keyDialog.getByLabel("Bound IP addresses").fill("10.0.0.1\n10.0.0.2");
    await expect(keyDialog.getByTestId("ip-count")).toContainText("2 of 20");
    await keyDialog.getByRole("button", { name: "Create key" }).click();
    await expect(keyDialog.getByText("The passphrase must be 8–32 characters.")).toBeVisible();
    await keyDialog.getByRole("button", { name: "Generate" }).click();
    await keyDialog.getByRole("button", { name: "Create key" }).click();

    const saved = page.getByRole("dialog", { name: "Save these credentials now" });
    await expect(saved.getByText("Shown only once")).toBeVisible();
    const secret = await saved.getByTestId("credential-secretKey").innerText();
    const apiKey = await saved.getByTestId("credential-apiKey").innerText();
    expect(secret.length).toBeGreaterThan(10);
    await expect(saved.getByRole("button", { name: "Copy secret key" })).toBeVisible();
    // Escape does not close it: only the explicit acknowledgement does.
    await page.keyboard.press("Escape");
    await expect(saved).toBeVisible();
    await saved.getByRole("button", { name: "I have saved them" }).click();
    await expect(saved).toHaveCount(0);

    const keys = page.getByRole("table", { name: `API keys of sub-account ${sub}` });
    await expect(keys.getByText("e2ebot")).toBeVisible();
    await expect(keys).not.toContainText(apiKey);
    await expect(page.locator("body")).not.toContainText(secret);
    await page.reload();
    await page.getByRole("tab", { name: "API keys" }).click();
    await expect(page.getByRole("table", { name: `API keys of sub-account ${sub}` }).getByText("e2ebot")).toBeVisible();
    await expect(page.locator("body")).not.toContainText(secret);

    // Deposit address: USDT on TRC20, received in the trading account; listed on the panel afterwards.
    await page.getByRole("tab", { name: "Deposit addresses" }).click();
    await page.getByRole("button", { name: "Add deposit address" }).click();
    const addr = page.getByRole("dialog", { name: "Add deposit address" });
    await addr.getByLabel("Currency", { exact: true }).fill("USDT");
    await addr.getByLabel("Chain", { exact: true }).fill("USDT-TRC20");
    await addr.getByRole("combobox", { name: "Receiving account" }).click();
    await page.getByRole("option", { name: "Trading account" }).click();
    await addr.getByRole("button", { name: "Add address" }).click();
    await expect(page.getByText("Deposit address added for USDT on USDT-TRC20.")).toBeVisible();
    await expect(addr).toHaveCount(0);
    const row = page.getByRole("row").filter({ hasText: "USDT-TRC20" });
    await expect(row.first()).toBeVisible();
    await expect(row.first()).toContainText("Trading account");
  });
});

test.describe(() => {
  test.use(asRole(DEMO.aurora.support));

  test("support sees sub-accounts but none of their actions", async ({ page }) => {
    await page.goto("/sub-accounts");
    await expect(page.getByRole("heading", { name: "Sub-accounts" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);
  });
});
