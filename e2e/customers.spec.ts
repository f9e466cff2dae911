/**
 * The operations desk: register a customer, find them by search and filter, freeze them with a reason,
 * see the freeze on their timeline, and export the filtered list as CSV.
 */
import { expect, test } from "./fixtures";
import { asRole, DEMO } from "./helpers";

test.describe(() => {
  test.use(asRole(DEMO.aurora.operations));

  test("operations registers a customer, finds them with filters, freezes them and exports the list", async ({ page }) => {
    test.setTimeout(60_000);
    const stamp = Date.now();
    const name = `Erin Freeze ${stamp}`;
    const email = `erin.${stamp}@example.com`;
    const tag = `e2e-${stamp}`;

    await page.goto("/customers");

    // Register: a bad email is refused next to the field and nothing is created.
    await page.getByRole("button", { name: "Register customer" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Email").fill("not-an-email");
    await dialog.getByRole("button", { name: "Register", exact: true }).click();
    await expect(dialog.getByText("Enter a valid email address", { exact: false })).toBeVisible();

    await dialog.getByLabel("Email").fill(email);
    await dialog.getByRole("button", { name: "Country" }).click();
    await page.getByRole("combobox", { name: "Search countries…" }).fill("Singap");
    await page.getByRole("option", { name: /Singapore/ }).click();
    await dialog.getByRole("combobox", { name: "Language" }).click();
    await page.getByRole("option", { name: "English" }).click();
    await dialog.getByLabel("Tags").fill(tag);
    await dialog.getByLabel("Tags").press("Enter");
    await dialog.getByRole("button", { name: "Register", exact: true }).click();
    await expect(page.getByText(`${name} was registered`, { exact: false })).toBeVisible();
    await expect(dialog).toHaveCount(0);
    // Registration opens the new customer's page.
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await page.goto("/customers");

    // Filters: country, status and tag narrow the list to exactly the new customer.
    await page.getByRole("button", { name: "Country" }).click();
    await page.getByRole("combobox", { name: "Search countries…" }).fill("Singap");
    await page.getByRole("option", { name: /Singapore/ }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/country=SG/);
    await page.getByRole("button", { name: "Status" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Active" }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/status=active/);
    await page.getByRole("searchbox", { name: "Tag" }).fill(tag);
    await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
    await expect(page.getByRole("row")).toHaveCount(2);
    await expect(page.getByRole("row").nth(1)).toContainText(name);
    // Search by email finds them too.
    await page.goto(`/customers?q=${encodeURIComponent(email)}`);
    await expect(page.getByRole("row")).toHaveCount(2);
    await expect(page.getByRole("row").nth(1)).toContainText(name);

    // Open and freeze, with a reason.
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await page.getByRole("button", { name: "Freeze", exact: true }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.getByLabel("Reason").fill("Suspicious login pattern reported by support");
    await confirm.getByRole("button", { name: "Freeze", exact: true }).click();
    await expect(page.getByText(`${name} was frozen.`)).toBeVisible();
    await expect(page.getByText("Frozen since", { exact: false })).toBeVisible();

    // The timeline shows the freeze, by whom, with the reason.
    await page.getByRole("tab", { name: "Timeline" }).click();
    const entries = page.getByRole("list", { name: "Timeline" }).locator(":scope > li");
    await expect(entries.first()).toContainText("Frozen");
    await expect(entries.first()).toContainText("Suspicious login pattern reported by support");
    await expect(entries.last()).toContainText("Registered");

    // Back on the list: the frozen filter with the search still finds them; the export carries the filter.
    await page.goto(`/customers?status=frozen&q=${encodeURIComponent(email)}`);
    await expect(page.getByRole("row").nth(1)).toContainText(name);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const csv = await (await download).createReadStream();
    const text = await new Promise<string>((resolve, reject) => {
      let body = "";
      csv.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      csv.on("end", () => resolve(body));
      csv.on("error", reject);
    });
    const lines = text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(email);
    expect(lines[1]).toContain("frozen");
  });
});

test.describe(() => {
  test.use(asRole(DEMO.aurora.support));

  test("support sees customers but cannot register, change them or write notes", async ({ page }) => {
    await page.goto("/customers");
    await expect(page.getByRole("row").nth(1)).toBeVisible();
    await expect(page.getByRole("button", { name: "Register customer" })).toHaveCount(0);
    await page.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page.getByRole("tab", { name: "Timeline" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Freeze", exact: true })).toHaveCount(0);
    await page.getByRole("tab", { name: "Notes" }).click();
    await expect(page.getByRole("button", { name: "Add note" })).toHaveCount(0);
  });
});
