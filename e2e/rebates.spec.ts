/**
 * The rebate files page, as operations. A request for the Rebates (FD) kind is refused on its field (the
 * brand does not fetch it); yesterday's trading details are requested and the new file is listed as
 * Requested (no worker runs during e2e, so it stays there). Files written to the database for the test show
 * how a failed, a waiting and an imported file read: the failed one's error report downloads as CSV (a
 * formula-like value kept as text) and Retry, after confirming, sends it back to Requested. In Chinese the
 * page and its dialog show no English. With SHOTS_DIR set, the page is captured at 1440 px in both languages.
 */
import fs from "node:fs";
import pg from "pg";
import { expect, test } from "./fixtures";
import { asRole, DEMO } from "./helpers";
import { englishShown, shot } from "./page-checks";
import { DataLookup } from "./zh-scan";
import { messages } from "../lib/i18n/messages";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";

const en = messages.en.rebates;
const zh = messages["zh-CN"].rebates;

/** A UTC day `back` days ago, as "2026-12-06". */
const daysAgo = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);

/** Aurora's files in each state the page words differently: two failed, one waiting, one imported and its duplicate. */
async function seedFiles(): Promise<void> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("SELECT id FROM brand WHERE slug = 'aurora'");
    const insert = async (columns: Record<string, unknown>) => {
      const row = { brand_id: rows[0]!.id, kind: "dma_trades", trigger: "schedule", ...columns };
      const names = Object.keys(row);
      const sql = `INSERT INTO rebate_file (id, updated_at, ${names.join(", ")}) VALUES (gen_random_uuid(), now(), ${names.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`;
      return (await client.query<{ id: string }>(sql, Object.values(row))).rows[0]!.id;
    };
    const failed = (begin: string, end: string) =>
      insert({ begin_day: begin, end_day: end, state: "failed", error_key: "rebates.errors.rowsRefused", error_detail: "amt: not a decimal on 2 rows", rows_total: 3, rows_refused: 2, bytes: 2048 });
    for (const id of [await failed(daysAgo(22), daysAgo(20)), await failed(daysAgo(32), daysAgo(32))]) {
      await client.query("INSERT INTO rebate_file_error (file_id, line, field, value, reason) VALUES ($1, 2, 'amt', '=1+1', 'invalid'), ($1, 3, 'ts', '', 'missing')", [id]);
    }
    await insert({ begin_day: daysAgo(12), end_day: daysAgo(12), state: "requested", error_key: "rebates.errors.waitingForLimit", error_detail: "code 50011" });
    const imported = { begin_day: daysAgo(40), end_day: daysAgo(40), state: "imported", rows_total: 1250, bytes: 348_160, imported_at: new Date(Date.now() - 86_400_000) };
    const original = await insert({ ...imported, rows_added: 1230, rows_unmatched: 20 });
    // The same bytes fetched again on demand: imported, nothing added.
    await insert({ ...imported, trigger: "manual", rows_added: 0, rows_unmatched: 0, duplicate_of_id: original });
  } finally {
    await client.end();
  }
}

test.describe.configure({ mode: "serial" });
test.use({ ...asRole(DEMO.aurora.operations), viewport: { width: 1440, height: 900 } });

test.beforeAll(seedFiles);

test("operations requests yesterday's trading details and sees the file listed", async ({ page }) => {
  await page.goto("/rebates");
  await expect(page.getByRole("heading", { name: en.title, exact: true })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "1,230" })).toContainText(en.states.imported);
  await shot(page, "rebates-list-en");

  await page.getByRole("button", { name: en.request.open }).click();
  const dialog = page.getByRole("dialog", { name: en.request.title });
  await expect(dialog.getByText(en.request.description.replace("{max}", "180"))).toBeVisible();
  await expect(dialog.getByLabel(en.request.begin)).toBeVisible();
  await expect(dialog.getByLabel(en.request.end)).toBeVisible();
  await shot(page, "rebates-request-en");

  // A kind the brand does not fetch: refused on the kind's field, nothing requested.
  await dialog.getByRole("combobox", { name: en.request.kind }).click();
  await page.getByRole("option", { name: en.kinds.fd_rebates, exact: true }).click();
  await dialog.getByRole("button", { name: en.request.submit }).click();
  await expect(dialog.getByText(en.errors.kindNotEnabled)).toBeVisible();

  await dialog.getByRole("combobox", { name: en.request.kind }).click();
  await page.getByRole("option", { name: en.kinds.dma_trades, exact: true }).click();
  await dialog.getByRole("button", { name: en.request.submit }).click();
  await expect(page.getByText(en.request.done.replace("{count}", "1"))).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // The newest file first: yesterday's, requested.
  const first = page.getByRole("row").nth(1);
  await expect(first).toContainText(en.kinds.dma_trades);
  await expect(first).toContainText(en.states.requested);
  await expect(first.locator(`time[datetime="${daysAgo(1)}"]`)).toBeVisible();
});

test("a failed file's error report downloads as CSV, and Retry sends it back to Requested", async ({ page }) => {
  await page.goto("/rebates?state=failed");
  const row = page.getByRole("row").filter({ has: page.locator(`time[datetime="${daysAgo(22)}/${daysAgo(20)}"]`) });
  // Why it failed, on the line under it, with what the import said and the file's actions.
  const note = row.locator("xpath=following-sibling::tr[1]");
  await expect(note).toContainText(en.errors.rowsRefused);
  await expect(note).toContainText("amt: not a decimal on 2 rows");

  const download = page.waitForEvent("download");
  await note.getByRole("button", { name: /^Download the error report of / }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file, "utf8");
  expect(csv.replace(/^\uFEFF/, "").split("\r\n")).toEqual(["Line,Field,Value,Reason", "2,amt,'=1+1,not a valid value", "3,ts,,missing", ""]);

  const retryButtons = page.getByRole("button", { name: /^Retry / });
  const failedBefore = await retryButtons.count();
  await note.getByRole("button", { name: /^Retry / }).click();
  const confirm = page.getByRole("alertdialog", { name: en.retryConfirm.title });
  await confirm.getByRole("button", { name: en.retry, exact: true }).click();
  await expect(page.getByText(en.retried)).toBeVisible();
  // Filtered on failed: the retried file leaves the list; unfiltered it reads Requested.
  await expect(row).toHaveCount(0);
  await page.goto("/rebates");
  const retried = page.getByRole("row").filter({ has: page.locator(`time[datetime="${daysAgo(22)}/${daysAgo(20)}"]`) });
  await expect(retried).toContainText(en.states.requested);
  await expect(retryButtons).toHaveCount(failedBefore - 1);
});

test("in Chinese the page and its request dialog show no English", async ({ page }) => {
  await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
  const data = new DataLookup();
  await data.open();
  try {
    await page.goto("/rebates");
    await expect(page.getByRole("heading", { name: zh.title, exact: true })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: zh.errors.rowsRefused }).first()).toBeVisible();
    expect(await englishShown(page, data)).toEqual([]);
    await shot(page, "rebates-list-zh");

    await page.getByRole("button", { name: zh.request.open }).click();
    const dialog = page.getByRole("dialog", { name: zh.request.title });
    await dialog.getByRole("combobox", { name: zh.request.kind }).click();
    await page.getByRole("option", { name: zh.kinds.fd_rebates, exact: true }).click();
    await dialog.getByRole("button", { name: zh.request.submit }).click();
    await expect(dialog.getByText(zh.errors.kindNotEnabled)).toBeVisible();
    expect(await englishShown(page, data)).toEqual([]);
    await shot(page, "rebates-request-zh");
  } finally {
    await data.close();
  }
});
