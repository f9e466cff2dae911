/**
 * An admin creates a staff member: the temporary password is shown once, the member appears in the
 * list, the creation is in the audit log, and the new member must choose a password at first sign-in.
 */
import { expect, test } from "./fixtures";
import { asRole, DEMO, login } from "./helpers";

test.use(asRole(DEMO.borealis.admin));

test("admin creates a staff member, the audit log records it, and the member sets a password", async ({ page }) => {
  const email = `e2e.${Date.now()}@borealis.demo`;
  const name = "Erin Example";

  await page.goto("/staff");
  await page.getByRole("button", { name: "New staff member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: "Operations" }).click();
  await dialog.getByRole("button", { name: "Create" }).click();

  const shown = page.getByTestId("temporary-password");
  await expect(shown).toHaveText(/\S{16,}/);
  const temporaryPassword = (await shown.textContent())!.trim();
  await page.getByRole("button", { name: "I have copied it" }).click();
  await expect(shown).toHaveCount(0);

  await page.getByPlaceholder("Search name or email…").fill(email);
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2); // header + the one match

  // The audit log: newest entry for staff.create is this one, in words, by this admin, with the new email.
  await page.goto("/audit");
  await page.getByPlaceholder("Search action, actor or entity id…").fill("staff.create");
  const firstRow = page.getByRole("row").nth(1);
  await expect(firstRow).toContainText("Staff member added");
  await expect(firstRow).toContainText(`${DEMO.borealis.admin.name} added staff member ${name}`);
  // The sentence's words open the entry (its names are links to the records).
  await firstRow.getByText("added staff member").click();
  await expect(page.getByRole("dialog")).toContainText(email);
  await expect(page.getByRole("dialog")).not.toContainText(temporaryPassword);

  // First sign-in with the temporary password leads to choosing a new one.
  await page.context().clearCookies();
  await login(page, email, temporaryPassword);
  await expect(page).toHaveURL(/\/account\/password/);
  const newPassword = "Erin-Chosen-Password-9";
  await page.getByLabel("Current password").fill(temporaryPassword);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL("/");
});
