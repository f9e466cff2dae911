/** The built app serves the sign-in page. */
import { expect, test } from "./fixtures";

test("the login page shows the email field", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
});
