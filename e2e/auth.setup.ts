/**
 * The "setup" project (playwright.config.ts), run before the specs: signs each demo account of
 * SHARED_SESSION_ACCOUNTS in once through the real form (TOTP included) and saves its cookies to
 * test-results/.auth/<email>.json, for `asRole` and `switchTo` (e2e/helpers.ts). One sign-in per
 * account and run, so no spec waits for a fresh TOTP step.
 */
import { expect, test as setup } from "./fixtures";
import { loginAs, SHARED_SESSION_ACCOUNTS, storageStateFile } from "./helpers";

for (const account of SHARED_SESSION_ACCOUNTS) {
  setup(`sign in as ${account.email}`, async ({ page }) => {
    await loginAs(page, account);
    // Signed in: the portal's shell, with the account's menu.
    await expect(page.getByTestId("user-menu")).toBeVisible();
    await page.context().storageState({ path: storageStateFile(account) });
  });
}
