/**
 * A platform admin creates a brand with its first admin; that admin's first sign-in goes through
 * TOTP enrolment (QR code rendered locally) and a password change, and lands in the new brand.
 */
import { expect, test } from "./fixtures";
import { generate } from "otplib";
import { asRole, DEMO } from "./helpers";

test.use(asRole(DEMO.platform));

test("platform admin creates a brand; its first admin enrols TOTP at first sign-in", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const brandName = `Cirrus ${stamp}`;
  const adminEmail = `admin.${stamp}@cirrus.demo`;

  await page.goto("/platform/brands");
  await page.getByRole("button", { name: "New brand" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Brand name").fill(brandName);
  await expect(dialog.getByLabel("Slug", { exact: true })).toHaveValue(`cirrus-${stamp}`);
  await dialog.getByLabel("Admin's name").fill("Cirrus Admin");
  await dialog.getByLabel("Admin's email").fill(adminEmail);
  await dialog.getByRole("button", { name: "Create brand" }).click();

  const shown = page.getByTestId("temporary-password");
  await expect(shown).toHaveText(/\S{16,}/);
  const temporaryPassword = (await shown.textContent())!.trim();
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByPlaceholder("Search name or slug…").fill(stamp);
  await expect(page.getByRole("cell", { name: brandName, exact: true })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2); // header + the one match

  // The new admin: password, then enrolment (QR + setup key), then a code from the new secret.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(adminEmail);
  await page.getByLabel("Password", { exact: true }).fill(temporaryPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("totp-qr")).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
  await page.getByLabel("Authentication code", { exact: true }).fill(await generate({ secret }));
  await page.getByRole("button", { name: "Confirm and sign in" }).click();

  await expect(page).toHaveURL(/\/account\/password/);
  const newPassword = "Cirrus-Admin-Password-7";
  await page.getByLabel("Current password").fill(temporaryPassword);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("brand-name")).toHaveText(brandName);
});
