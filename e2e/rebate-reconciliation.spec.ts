/**
 * The reconciliation page, as operations. Reconciled days written to the database for the test show how
 * the page reads: the days that differ first (an exchange volume that disagrees, a day no file was fetched
 * for), "Only differences" keeping just those (in the URL), the last run's summary above them; "Reconcile"
 * queues a range (no worker runs during e2e, so it stays waiting and says so). In Chinese the page shows no
 * English. With SHOTS_DIR set, the page is captured at 1440 px in both languages.
 */
import pg from "pg";
import { expect, test } from "./fixtures";
import { asRole, DEMO } from "./helpers";
import { englishShown, shot } from "./page-checks";
import { DataLookup } from "./zh-scan";
import { messages } from "../lib/i18n/messages";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";

const en = messages.en.rebateReconciliation;
const zh = messages["zh-CN"].rebateReconciliation;

/** A UTC day `back` days ago, as "2026-12-06". */
const daysAgo = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);

/** Aurora's last ten days reconciled: eight agree, the exchange disagrees on one, and one had no file. */
async function seedDays(): Promise<void> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("SELECT id FROM brand WHERE slug = 'aurora'");
    const brandId = rows[0]!.id;
    await client.query("DELETE FROM rebate_reconciliation WHERE brand_id = $1", [brandId]);
    await client.query("DELETE FROM rebate_reconciliation_run WHERE brand_id = $1", [brandId]);
    const day = async (back: number, row: Record<string, unknown>) => {
      const values = { brand_id: brandId, kind: "dma_trades", day: daysAgo(back), checked_at: new Date(Date.now() - 3_600_000), ...row };
      const names = Object.keys(values);
      await client.query(`INSERT INTO rebate_reconciliation (${names.join(", ")}) VALUES (${names.map((_, i) => `$${i + 1}`).join(", ")})`, Object.values(values));
    };
    const agreeing = (trades: number, amount: string, fee: string, commission: string) => ({
      status: "matched",
      file_trades: trades,
      file_amount: amount,
      file_fee: fee,
      imported_trades: trades,
      imported_amount: amount,
      imported_fee: fee,
      exchange_volume: amount,
      exchange_commission: commission,
      trades_difference: 0,
      amount_difference: "0",
      fee_difference: "0",
      exchange_difference: "0",
    });
    for (let back = 1; back <= 10; back++) {
      if (back === 3 || back === 7) continue;
      await day(back, agreeing(1000 + back * 37, `${2_400_000 + back * 13_571}.25`, `-${1200 + back * 7}.12345678`, `${360 + back * 2}.03703703`));
    }
    await day(3, { ...agreeing(1111, "2441213.5", "-1221.5", "366.45"), status: "different", exchange_volume: "2442463.5", exchange_difference: "1250" });
    await day(7, {
      status: "different",
      imported_trades: 0,
      imported_amount: "0",
      imported_fee: "0",
      exchange_volume: "2317044.8",
      exchange_commission: "351.61",
      exchange_difference: "2317044.8",
    });
    await client.query(
      `INSERT INTO rebate_reconciliation_run (id, brand_id, kind, from_day, to_day, trigger, state, exchange, days, differences, created_at, updated_at, finished_at)
       VALUES (gen_random_uuid(), $1, 'dma_trades', $2, $3, 'manual', 'done', 'checked', 10, 2, now() - interval '1 hour', now(), now() - interval '1 hour')`,
      [brandId, daysAgo(10), daysAgo(1)],
    );
  } finally {
    await client.end();
  }
}

test.describe.configure({ mode: "serial" });
test.use({ ...asRole(DEMO.aurora.operations), viewport: { width: 1440, height: 900 } });

test.beforeAll(seedDays);

test("operations sees the days that differ first, narrows to them, and queues a reconciliation", async ({ page }) => {
  await page.goto("/rebates/reconciliation");
  await expect(page.getByRole("heading", { name: en.title, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: messages.en.rebateReports.tabs.reconciliation })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(/^Last reconciled .*: 10 days, 2 with differences\.$/)).toBeVisible();

  const rows = page.getByRole("row");
  // Header, then the two days that differ (newest first), then the rest.
  await expect(rows).toHaveCount(11);
  await expect(rows.nth(1)).toContainText(en.statuses.different);
  await expect(rows.nth(1).locator(`time[datetime="${daysAgo(3)}"]`)).toBeVisible();
  await expect(rows.nth(1)).toContainText("Exchange − file: +1,250.00 volume");
  await expect(rows.nth(2).locator(`time[datetime="${daysAgo(7)}"]`)).toBeVisible();
  await expect(rows.nth(2)).toContainText(en.noFile);
  await expect(rows.nth(2)).toContainText("Exchange − imported: +2,317,044.80 volume");
  await expect(rows.nth(3)).toContainText(en.statuses.matched);

  await page.getByRole("switch", { name: en.filters.onlyDifferences }).click();
  await expect(page).toHaveURL(/differences=1/);
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole("row").filter({ hasText: en.statuses.matched })).toHaveCount(0);
  await shot(page, "reconciliation-differences-en");

  await page.getByRole("button", { name: en.reconcile.open }).click();
  const dialog = page.getByRole("dialog", { name: en.reconcile.title });
  await expect(dialog.getByLabel(en.reconcile.from)).toBeVisible();
  await dialog.getByRole("button", { name: en.reconcile.submit }).click();
  await expect(page.getByText(en.reconcile.done)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /^Waiting to reconcile / })).toBeVisible();
});

test("in Chinese the page, filtered to its differences, shows no English", async ({ page }) => {
  await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
  const data = new DataLookup();
  await data.open();
  try {
    await page.goto("/rebates/reconciliation?differences=1");
    await expect(page.getByRole("heading", { name: zh.title, exact: true })).toBeVisible();
    await expect(page.getByRole("row")).toHaveCount(3);
    await expect(page.getByRole("switch", { name: zh.filters.onlyDifferences })).toBeChecked();
    expect(await englishShown(page, data)).toEqual([]);
    await shot(page, "reconciliation-differences-zh");
  } finally {
    await data.close();
  }
});
