/**
 * The localised date picker and file input, in Chinese: a list's date filter typed or picked from the
 * calendar with the keyboard writes the same yyyy-mm-dd to the URL a native date input did; a campaign's
 * start typed as a date and time is saved as that instant in the browser's zone (UTC here), as a native
 * datetime-local input sent it; the CSV file input speaks Chinese and shows the chosen file's name.
 */
import pg from "pg";
import { expect, test } from "./fixtures";
import { messages } from "../lib/i18n/messages";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";
import { asRole, DEMO } from "./helpers";

const zh = messages["zh-CN"];

test.describe(() => {
  test.use(asRole(DEMO.aurora.admin));
  test.beforeEach(async ({ page }) => {
    await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
  });

  test("a list's date filter is typed or picked with the keyboard, in Chinese, into the URL as yyyy-mm-dd", async ({ page }) => {
    await page.goto("/customers");
    const registered = page.getByRole("group", { name: zh.customers.filters.registered });
    const from = registered.getByRole("textbox", { name: zh.table.dateFrom, exact: true });
    await from.fill("2026/01/05");
    await from.press("Enter");
    await expect(page).toHaveURL(/registeredFrom=2026-01-05/);
    await expect(from).toHaveValue("2026年1月5日");

    // The calendar: opened from its button, the chosen day has focus; → and Enter pick the next day.
    await registered.getByRole("button", { name: zh.common.datePicker.openCalendar }).first().click();
    await expect(page.getByRole("grid")).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/registeredFrom=2026-01-06/);
    await expect(from).toHaveValue("2026年1月6日");
    await expect(page.getByRole("grid")).toHaveCount(0);

    // Text that is not a date stays in its box, marked invalid, and leaves the URL alone.
    await from.fill("昨天");
    await from.press("Enter");
    await expect(from).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/registeredFrom=2026-01-06/);
  });

  test("the CSV file input is in Chinese and names the chosen file", async ({ page }) => {
    // The seed's active campaign takes CSV uploads.
    await page.goto("/bonuses");
    await page.getByRole("link", { name: "Welcome bonus" }).first().click();
    await page.getByRole("button", { name: zh.bonuses.batch.upload }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText(zh.common.fileInput.choose, { exact: true })).toBeVisible();
    await expect(dialog.getByText(zh.common.fileInput.none, { exact: true })).toBeVisible();
    await dialog.getByLabel(zh.bonuses.batch.file).setInputFiles({ name: "发放.csv", mimeType: "text/csv", buffer: Buffer.from("customer,amount\n") });
    await expect(dialog.getByText("发放.csv", { exact: true })).toBeVisible();
    await expect(dialog.getByText(zh.common.fileInput.none, { exact: true })).toHaveCount(0);
  });
});

test.describe(() => {
  test.use(asRole(DEMO.aurora.marketing));

  test("a campaign's typed start is saved as that minute in the browser's time zone", async ({ page }) => {
    const name = `Picker ${Date.now()}`;
    await page.goto("/bonuses");
    await page.getByRole("button", { name: "New campaign" }).first().click();
    const form = page.getByRole("dialog", { name: "New campaign" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Amount per grant").fill("5");
    await form.getByLabel("Budget").fill("1000");
    const starts = form.getByLabel("Starts", { exact: true });
    await starts.fill("2026-12-01 09:30");
    await starts.press("Tab");
    await expect(starts).toHaveValue("1 Dec 2026 09:30");
    await expect(form.getByText("Time zone: UTC").first()).toBeVisible();
    await form.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();

    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    try {
      const row = await client.query<{ starts_at: Date; ends_at: Date | null }>("SELECT starts_at, ends_at FROM bonus_campaign WHERE name = $1", [name]);
      expect(row.rows[0]?.starts_at.toISOString()).toBe("2026-12-01T09:30:00.000Z");
      expect(row.rows[0]?.ends_at).toBeNull();
    } finally {
      await client.end();
    }
  });
});
