/**
 * A bonus campaign end to end, maker-checker included: marketing creates, edits and submits a campaign, an admin
 * approves it, marketing uploads a CSV of 100 grants (checked row by row first), the admin approves the
 * upload, and the credit shows on a customer's page. The demo seed gives the oldest 120 active customers a
 * spot USDT account each. The campaign form picks currency, countries and KYC level from lists, states the
 * time zone of its dates and keeps Save in view at 1440×900; a campaign awaiting approval offers no "End".
 * The grants list filters, pages and exports like every other list. And the demo's registration campaign: a
 * customer registered in the portal is credited by the real worker process (started by the test for that
 * queue only) without anyone's action.
 */
import { spawn } from "node:child_process";
import { expect, test, type Page } from "./fixtures";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";
import { asRole, DEMO, switchTo } from "./helpers";

/** The uids of the brand's active customers with the demo's spot USDT account: the oldest 100. */
async function oldestActiveUids(page: Page): Promise<bigint[]> {
  const res = await page.request.get("/api/export/customers?status=active&headers=machine");
  expect(res.ok()).toBe(true);
  const [header, ...lines] = (await res.text()).trim().split(/\r?\n/);
  const uidColumn = header.split(",").indexOf("uid");
  return lines
    .map((line) => BigInt(line.split(",")[uidColumn]))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, 100);
}

test.describe(() => {
  test.use({ ...asRole(DEMO.aurora.marketing), viewport: { width: 1440, height: 900 } });

  test("marketing runs a campaign from draft to credited grants with an approver", async ({ page }) => {
    test.setTimeout(180_000);
    const name = `E2E airdrop ${Date.now()}`;

    // Marketing: a draft campaign, submitted. With no approval threshold set, it waits for an admin.
    await page.goto("/bonuses");
    await page.getByRole("button", { name: "New campaign" }).first().click();
    const form = page.getByRole("dialog", { name: "New campaign" });
    // The actions are in view without scrolling; currency, KYC level and countries are chosen, not typed.
    await expect(form.getByRole("button", { name: "Save draft" })).toBeInViewport();
    await expect(form.getByRole("combobox", { name: "Currency" })).toHaveText("USDT");
    await form.getByRole("combobox", { name: "Minimum KYC level" }).click();
    await expect(page.getByRole("option", { name: "Level 2 or higher" })).toBeVisible();
    await page.getByRole("option", { name: "Any (no KYC needed)" }).click();
    await form.getByRole("button", { name: "Eligible countries" }).click();
    await page.getByRole("combobox", { name: "Search countries" }).fill("Singap");
    await page.getByRole("option", { name: /Singapore/ }).click();
    await page.keyboard.press("Escape");
    await expect(form.getByText("Singapore")).toBeVisible();
    // (Every country stays eligible: the upload below credits customers from many.)
    await form.getByRole("button", { name: "Remove Singapore" }).click();
    await expect(form.getByText("Every country", { exact: true })).toBeVisible();
    await expect(form.getByText(/Time zone: UTC/).first()).toBeVisible();
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Amount per grant").fill("5");
    await form.getByLabel("Budget").fill("1000");
    await form.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    // The period names its time zone (the browser's; UTC in these tests).
    await expect(page.getByTestId("campaign-period")).toContainText("UTC");
    const campaignUrl = page.url();
    // The draft is edited before it goes for approval: the budget raised; every group stays eligible.
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const edit = page.getByRole("dialog", { name: `Edit ${name}` });
    await expect(edit.getByRole("group", { name: "Eligible groups" }).getByRole("checkbox").first()).toBeVisible();
    await edit.getByLabel("Budget").fill("1200");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toHaveCount(0);
    await expect(page.getByText("every group")).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "1,200.00" }).first()).toBeVisible();
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await expect(page.getByText(`Campaign '${name}' submitted for approval`)).toBeVisible();
    await expect(page.getByText("Pending approval").first()).toBeVisible();
    // Awaiting approval, it is the approver's to decide: no "End campaign" (the server refuses it too).
    await expect(page.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "End campaign" })).toHaveCount(0);

    // An admin approves the campaign (the requester could not).
    await switchTo(page, DEMO.aurora.admin);
    await page.goto(campaignUrl);
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByText(`Campaign '${name}' approved and live`)).toBeVisible();
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
    await expect(upload.getByText("100 rows, 500.00 USDT in total")).toBeVisible();
    await upload.getByLabel("Reason").fill("Welcome airdrop");
    await upload.getByRole("button", { name: "Submit", exact: true }).click();
    await expect(upload).toHaveCount(0);

    // The admin approves the upload: all 100 grants are credited at once.
    await switchTo(page, DEMO.aurora.admin);
    await page.goto(campaignUrl);
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByText("Applied").first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "500.00", exact: true }).first()).toBeVisible();

    // The first customer's page shows the non-withdrawable credit on their spot account.
    const customers = await page.request.get(`/api/export/customers?q=${uids[0]}&headers=machine&ids=1`);
    const [header, line] = (await customers.text()).trim().split(/\r?\n/);
    const id = line.split(",")[header.split(",").indexOf("id")];
    await page.goto(`/customers/${id}?tab=trading-accounts`);
    // (Exact on a first attempt; a retried test has credited the same customers once before.)
    const spot = page.getByRole("row").filter({ hasText: "Spot" }).filter({ hasText: "USDT" });
    await expect(spot).toContainText(test.info().retry ? /\d/ : "5.00");
    await page.getByRole("tab", { name: "Bonuses" }).click();
    await expect(page.getByText(test.info().retry ? /Non-withdrawable [1-9]/ : "Withdrawable 0.00 · Non-withdrawable 5.00")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Applied" }).first()).toContainText("5");

    // The grants list: the campaign's 100 grants, filtered, paged and exported from the URL's state.
    await switchTo(page, DEMO.aurora.marketing);
    await page.goto("/bonuses");
    await page.getByRole("link", { name: "Grants", exact: true }).click();
    await expect(page).toHaveURL(/\/bonuses\/grants$/);
    await page.getByRole("button", { name: "Status" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Applied" }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/status=applied/);
    await page.getByRole("button", { name: "Campaign" }).click();
    await page.getByRole("menuitemradio", { name }).click();
    await expect(page).toHaveURL(/campaignId=/);
    await expect(page.getByText("100 rows")).toBeVisible();
    await expect(page.getByText("Page 1 of 5")).toBeVisible();
    const table = page.getByRole("table", { name: "Bonus grants" });
    await expect(table.getByRole("row")).toHaveCount(21);
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText("Page 2 of 5")).toBeVisible();
    // Search narrows to one customer.
    await page.getByRole("searchbox", { name: "Search" }).fill(String(uids[0]));
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByText(/^1 rows?$/)).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(2);
    // The export holds the filtered set (search cleared), the status readable and as its code.
    await page.getByRole("searchbox", { name: "Search" }).fill("");
    await expect(page).not.toHaveURL(/[?&]q=/);
    const exportHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(exportHref).toContain("campaignId=");
    expect(exportHref).toContain("status=applied");
    const res = await page.request.get(`${exportHref}&headers=machine`);
    expect(res.ok()).toBe(true);
    const [exportHeader, ...rows] = (await res.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    const columns = exportHeader.split(",");
    expect(columns).toEqual(expect.arrayContaining(["status", "status_code"]));
    expect(rows).toHaveLength(100);
    const first = rows[0].split(",");
    expect([first[columns.indexOf("status")], first[columns.indexOf("status_code")]]).toEqual(["Applied", "applied"]);
  });
});

test.describe(() => {
  test.use(asRole(DEMO.aurora.operations));

  test("a customer registered while the welcome campaign runs is credited by the worker", async ({ page }) => {
    test.setTimeout(120_000);
    const stamp = Date.now();
    const name = `Wendy Welcome ${stamp}`;
    await page.goto("/customers");
    await page.getByRole("button", { name: "Register customer" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Email").fill(`wendy.${stamp}@example.com`);
    await dialog.getByRole("button", { name: "Country" }).click();
    await page.getByRole("combobox", { name: "Search countries…" }).fill("Singap");
    await page.getByRole("option", { name: /Singapore/ }).click();
    await dialog.getByRole("combobox", { name: "Language" }).click();
    await page.getByRole("option", { name: "English" }).click();
    await dialog.getByRole("button", { name: "Register", exact: true }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    const customerUrl = page.url();

    // The worker process, as `npm start` runs it, on the e2e server's database and queues; only this queue,
    // so nothing else changes under the other tests.
    // Node itself with tsx's loader, not `npx tsx`: a signal to npx would leave the worker running on.
    const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "jobs/worker.ts"], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), JOBS_PREFIX: "bull-e2e", WORKER_QUEUES: "bonus-auto-grants" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stdout.on("data", (chunk) => (output += String(chunk)));
    worker.stderr.on("data", (chunk) => (output += String(chunk)));
    try {
      // It runs the queue once when it starts (and then every minute): the bonus appears without a click.
      await expect
        .poll(
          async () => {
            await page.goto(`${customerUrl.split("?")[0]}?tab=bonuses`);
            // The tab has loaded when it shows the balances line or says there is nothing yet.
            await expect(page.getByText(/Withdrawable [\d.,]+ · Non-withdrawable [\d.,]+|No bonuses granted to this customer/).first()).toBeVisible();
            return page.getByRole("row").filter({ hasText: "Welcome bonus (demo)" }).count();
          },
          { timeout: 90_000, intervals: [3_000] },
        )
        .toBe(1);
      await expect(page.getByRole("row").filter({ hasText: "Welcome bonus (demo)" })).toContainText("10");
      await expect(page.getByText("Withdrawable 0.00 · Non-withdrawable 10.00")).toBeVisible();
      // A spot USDT account was opened to receive it.
      await page.getByRole("tab", { name: "Trading accounts" }).click();
      await expect(page.getByRole("row").filter({ hasText: "Spot" }).filter({ hasText: "USDT" })).toBeVisible();
    } catch (error) {
      console.log(`worker output:\n${output}`);
      throw error;
    } finally {
      // It finishes its active job and exits; the test waits for that, so no worker outlives it.
      if (worker.exitCode === null) {
        const exited = new Promise((resolve) => worker.once("exit", resolve));
        worker.kill("SIGTERM");
        await exited;
      }
    }
  });
});
