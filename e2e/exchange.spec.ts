/**
 * Brand admin and the exchange connection: with no credentials the brand uses the built-in OKX
 * simulator and the connection test passes; wrong credentials are stored masked and the test shows why
 * it fails; removing them goes back to the simulator. (The e2e run points "real OKX" at its own
 * simulator too, so nothing leaves the machine.)
 */
import { expect, test } from "./fixtures";
import { asRole, DEMO } from "./helpers";

test.use(asRole(DEMO.aurora.admin));

test("admin tests the simulator connection, enters wrong credentials and sees why the test fails", async ({ page }) => {
  await page.goto("/settings/brand");
  const card = page.getByTestId("exchange-card");
  await expect(card.getByTestId("exchange-state")).toHaveText("Built-in simulator");

  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByTestId("exchange-test-result")).toContainText(/Connected to the built-in simulator in \d+ ms/);

  const apiKey = "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9";
  await card.getByLabel("API key", { exact: true }).fill(apiKey);
  await card.getByLabel("Secret key").fill("NOT-THE-RIGHT-SECRET-0123456789");
  await card.getByLabel("Passphrase").fill("Wrong-Pass-1!");
  await card.getByRole("button", { name: "Save credentials" }).click();
  await expect(card.getByTestId("exchange-state")).toHaveText("OKX · demo trading");
  // Only a masked key is ever shown back; the secret fields are cleared.
  await expect(card.getByTestId("exchange-api-key")).not.toContainText(apiKey);
  await expect(card.getByLabel("Secret key")).toHaveValue("");

  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByTestId("exchange-test-result")).toContainText("The exchange refused the key");

  await card.getByRole("button", { name: "Remove credentials" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove credentials" }).click();
  await expect(card.getByTestId("exchange-state")).toHaveText("Built-in simulator");
});
