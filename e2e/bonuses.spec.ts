/**
 * A bonus campaign end to end, maker-checker included: marketing creates, edits and submits a campaign, an admin
 * approves it, marketing uploads a CSV of 100 grants (checked row by row first), the admin approves the
 * upload, and the credit shows on a customer's page. The demo seed gives the oldest 120 active customers a
 * spot USDT account each.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO, loginAs } from "./helpers";

async function switchTo(page: Page, account: { email: string; totpSecret: string | null }) {
  await page.context().clearCookies();
  await loginAs(page, account);
}

/** The uids of the brand's active customers with the demo's spot USDT account: the oldest 100. */
async function oldestActiveUids(page: Page): Promise<bigint[]> {
  const res = await page.request.get("/api/export/customers?status=active");
  expect(res.ok()).toBe(true);
  const [header, ...lines] = (await res.text()).trim().split(/\r?\n/);
  const uidColumn = header.split(",").indexOf("uid");
  return lines
    .map((line) => BigInt(line.split(",")[uidColumn]))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, 100);
}

test("marketing runs a campaign from draft to credited grants with an approver", async ({ page }) => {
  test.setTimeout(180_000);
  const name = `E2E airdrop ${Date.now()}`;

  // Marketing: a draft campaign, submitted. With no approval threshold set, it waits for an admin.
  await loginAs(page, DEMO.aurora.marketing);
  await page.goto("/bonuses");
  await page.getByRole("button", { name: "New campaign" }).first().click();
  const form = page.getByRole("dialog", { name: "New campaign" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Amount per grant").fill("5");
  await form.getByLabel("Budget").fill("1000");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const campaignUrl = page.url();
  // The draft is edited before it goes for approval: the budget raised; every group stays eligible.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${name}` });
  await expect(edit.getByRole("group", { name: "Eligible groups" }).getByRole("checkbox").first()).toBeVisible();
  await edit.getByLabel("Budget").fill("1200");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByText("every group")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "1200" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByText("Pending approval").first()).toBeVisible();

  // An admin approves the campaign (the requester could not).
  await switchTo(page, DEMO.aurora.admin);
  await page.goto(campaignUrl);
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByText("Active").first()).toBeVisible();

  // Marketing uploads 100 grants of 5 USDT: checked first, then submitted — waiting for approval.
  await switchTo(page, DEMO.aurora.marketing);
  const uids = await oldestActiveUids(page);
  expect(uids).toHaveLength(100);
  // Idempotency keys of this run's own: a retried test must not meet the first attempt's grants.
  const run = Date.now().toString(36);
  const csv = ["customer,account_type,currency,amount,idempotency_key", ...uids.map((uid) => `${uid},spot,USDT,5,e2e-${run}-${uid}`)].join("\n");
  await page.goto(campaignUrl);
  await page.getByRole("button", { name: "Upload CSV" }).click();
  const upload = page.getByRole("dialog", { name: "Upload grants (CSV)" });
  await upload.getByLabel("CSV file").setInputFiles({ name: "grants.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await upload.getByRole("button", { name: "Check file" }).click();
  await expect(upload.getByText("Every row is valid.")).toBeVisible();
  await expect(upload.getByText("100 rows, 500 USDT in total")).toBeVisible();
  await upload.getByLabel("Reason").fill("Welcome airdrop");
  await upload.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(upload).toHaveCount(0);

  // The admin approves the upload: all 100 grants are credited at once.
  await switchTo(page, DEMO.aurora.admin);
  await page.goto(campaignUrl);
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByText("Applied").first()).toBeVisible();
  await expect(page.getByText("500").first()).toBeVisible();

  // The first customer's page shows the non-withdrawable credit on their spot account.
  const customers = await page.request.get(`/api/export/customers?q=${uids[0]}`);
  const [header, line] = (await customers.text()).trim().split(/\r?\n/);
  const id = line.split(",")[header.split(",").indexOf("id")];
  await page.goto(`/customers/${id}?tab=trading-accounts`);
  // (Exact on a first attempt; a retried test has credited the same customers once before.)
  const spot = page.getByRole("row").filter({ hasText: "Spot" }).filter({ hasText: "USDT" });
  await expect(spot).toContainText(test.info().retry ? /\d/ : "5.00");
  await page.getByRole("tab", { name: "Bonuses" }).click();
  await expect(page.getByText(test.info().retry ? /Non-withdrawable [1-9]/ : "Withdrawable 0 · Non-withdrawable 5")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Applied" }).first()).toContainText("5");
});
