/**
 * Keyboard use of the shell and dialogs: Escape from a dialog puts focus back on what opened it — a
 * button, or the row's "…" menu button when the dialog came from one of its items (the item itself is
 * gone with the menu) — and the skip link is the first stop on Tab and moves focus to the main content.
 */
import { expect, test } from "./fixtures";
import { asRole, DEMO } from "./helpers";

test.describe("as operations", () => {
  test.use(asRole(DEMO.aurora.operations));

  test("Escape from a dialog opened by a button returns focus to that button", async ({ page }) => {
    await page.goto("/customers");
    const register = page.getByRole("button", { name: "Register customer" }).first();
    await register.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Register customer" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("combobox", { name: "Language" })).toContainText("English");
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(register).toBeFocused();
  });

  test("the skip link comes first and moves focus to the main content", async ({ page }) => {
    await page.goto("/customers");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    // The next Tab goes into the page, not back to the sidebar.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
  });
});

test.describe("as admin", () => {
  test.use(asRole(DEMO.aurora.admin));

  test("Escape from a dialog opened from a row's actions menu returns focus to the menu button", async ({ page }) => {
    await page.goto("/staff");
    const menuButton = page.getByRole("button", { name: /^Actions for .*Operations$/ }).first();
    await menuButton.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: "Edit name and role" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(menuButton).toBeFocused();
  });
});
