/** Sign-in as staff do it: password plus TOTP, the generic failure, lockout, sign-out. */
import { expect, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, freshTotpCode, loginAs } from "./helpers";

const GENERIC_FAILURE = "Sign-in failed. Check your email, password and code, or try again later.";

async function submitPassword(page: import("@playwright/test").Page, email: string, password: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("an admin signs in with password and TOTP, then signs out", async ({ page }) => {
  await loginAs(page, DEMO.aurora.admin);
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("brand-name")).toHaveText("Aurora Markets");

  await page.getByTestId("user-menu").click();
  await expect(page.getByTestId("user-role")).toHaveText("Admin");
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // The session is gone: a portal page sends the browser back to sign in.
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong authentication code gets the one generic message", async ({ page }) => {
  await page.goto("/login");
  await submitPassword(page, DEMO.borealis.admin.email, DEMO_PASSWORD);
  const code = page.getByLabel("Authentication code", { exact: true });
  await expect(code).toBeVisible();
  const valid = await freshTotpCode(DEMO.borealis.admin.totpSecret!);
  await code.fill(valid === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByTestId("login-error")).toHaveText(GENERIC_FAILURE);
  await expect(page).toHaveURL(/\/login/);
});

test("five wrong passwords lock the account: the right one is then refused with the same message", async ({ page }) => {
  const { email } = DEMO.borealis.support;
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitPassword(page, email, `Wrong-password-${attempt}`);
    await expect(page.getByTestId("login-error")).toHaveText(GENERIC_FAILURE);
  }
  await submitPassword(page, email, DEMO_PASSWORD);
  await expect(page.getByTestId("login-error")).toHaveText(GENERIC_FAILURE);
  await expect(page).toHaveURL(/\/login/);
});
