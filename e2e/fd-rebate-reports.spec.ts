/**
 * The FD rebate reports over the demo FD rows (prisma/seed/fd-rebates.ts imports the last 30 days of
 * Borealis's FD files through the real storage and import), as Borealis's admin. Settings → Brand shows
 * which files are fetched and the broker code FD rows must carry; turning FD off hides the report's tab and
 * turning it on brings it back. The report shows non-zero broker, sub-broker and user rebates with their
 * chart, groups by instrument, by affiliate flag and by customer, drills into a customer's orders (table and
 * URL follow) and into the orders attributed to no customer, and exports the customer's orders as CSV.
 * In Chinese the page and the settings card show no English. With SHOTS_DIR set, the pages are captured at
 * 1440 px in both languages.
 */
import fs from "node:fs";
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO } from "./helpers";
import { englishShown, shot } from "./page-checks";
import { DataLookup } from "./zh-scan";
import { messages } from "../lib/i18n/messages";
import { DEMO_CUSTOMERS } from "../prisma/seed/demo-customers";

const en = messages.en.fdReports;
const zh = messages["zh-CN"].fdReports;
const ingrid = DEMO_CUSTOMERS.borealis.ingridLarsen.name;

const figure = async (page: Page, id: string) => Number((await page.getByTestId(`fd-kpi-${id}`).getByTestId("kpi-figure").innerText()).replace(/[^\d.-]/g, ""));
const tabs = (page: Page, label = messages.en.rebateReports.tabs.label) => page.getByRole("navigation", { name: label });

/** The orders CSV's header line as English readers get it. */
function expectedHeader(): string {
  const c = en.rows.columns;
  const code = (label: string) => messages.en.table.exportCodeOf.replace("{label}", label);
  return [c.day, c.lastFillAt, en.rows.exportCustomerUid, c.customer, c.ordId, c.instId, c.instFamily, code(c.instFamily), c.level, c.spotTradeAmt, c.derivativeTradeAmt, c.fee, c.netFee, c.settlementFee, c.brokerRebate, c.subBrokerRebate, c.userRebate, c.affiliated, code(c.affiliated)].join(",");
}

test.describe.configure({ mode: "serial" });
test.use({ ...asRole(DEMO.borealis.admin), viewport: { width: 1440, height: 900 } });

test("the admin sees which files are fetched; FD off hides the report's tab, FD on brings it back", async ({ page }) => {
  await page.goto("/settings/brand");
  const card = page.getByTestId("rebate-files-card");
  await expect(card.getByRole("form", { name: en.settings.title })).toBeVisible();
  const fd = card.getByRole("checkbox", { name: messages.en.rebates.kinds.fd_rebates });
  const dma = card.getByRole("checkbox", { name: messages.en.rebates.kinds.dma_trades });
  await expect(fd).toBeChecked();
  await expect(dma).toBeChecked();
  await expect(card.getByText(/^FD rows must carry the broker code [0-9a-f]{12}SCDE\.$/)).toBeVisible();
  const save = card.getByRole("button", { name: en.settings.save });
  await expect(save).toBeDisabled();
  await card.scrollIntoViewIfNeeded();
  await shot(page, "brand-settings-files-en");

  await fd.click();
  await save.click();
  await expect(page.getByText(en.settings.saved)).toBeVisible();
  await page.goto("/rebates");
  await expect(tabs(page).getByRole("link", { name: messages.en.rebateReports.tabs.files })).toBeVisible();
  await expect(tabs(page).getByRole("link", { name: en.tab })).toHaveCount(0);

  await page.goto("/settings/brand");
  await page.getByTestId("rebate-files-card").getByRole("checkbox", { name: messages.en.rebates.kinds.fd_rebates }).click();
  await page.getByTestId("rebate-files-card").getByRole("button", { name: en.settings.save }).click();
  await expect(page.getByText(en.settings.saved)).toBeVisible();
  await page.goto("/rebates");
  await expect(tabs(page).getByRole("link", { name: en.tab })).toHaveAttribute("href", "/rebates/reports/fd");
});

test("the admin reads the FD rebates, groups them, drills into a customer's orders and exports them", async ({ page }) => {
  await page.goto("/rebates/reports");
  await tabs(page).getByRole("link", { name: en.tab }).click();
  await expect(page).toHaveURL(/\/rebates\/reports\/fd/);
  await expect(page.getByRole("heading", { name: en.title, exact: true })).toBeVisible();
  await expect(tabs(page).getByRole("link", { name: en.tab })).toHaveAttribute("aria-current", "page");
  expect(await figure(page, "broker")).toBeGreaterThan(0);
  expect(await figure(page, "subBroker")).toBeGreaterThan(0);
  expect(await figure(page, "user")).toBeGreaterThan(0);
  expect(await figure(page, "orders")).toBeGreaterThan(100);
  await expect(page.getByRole("figure", { name: en.chart.label })).toBeVisible();

  const groupBy = page.getByRole("group", { name: en.breakdown.by });
  const breakdown = (dimension: string) => page.getByRole("table", { name: `${en.breakdown.title}: ${dimension}` });
  await groupBy.getByRole("button", { name: en.breakdown.dimensions.instrument, exact: true }).click();
  await expect(breakdown(en.breakdown.dimensions.instrument).getByRole("row").filter({ hasText: "BTC-USDT-SWAP" })).toBeVisible();
  await groupBy.getByRole("button", { name: en.breakdown.dimensions.affiliated, exact: true }).click();
  const byAffiliated = breakdown(en.breakdown.dimensions.affiliated);
  for (const name of [en.affiliated.yes, en.affiliated.no]) {
    await expect(byAffiliated.getByRole("row").filter({ has: page.getByText(name, { exact: true }) })).toHaveCount(1);
  }

  await groupBy.getByRole("button", { name: en.breakdown.dimensions.customer, exact: true }).click();
  const byCustomer = breakdown(en.breakdown.dimensions.customer);
  const row = byCustomer.getByRole("row").filter({ has: page.getByRole("link", { name: ingrid, exact: true }) });
  await expect(row).toBeVisible();
  await expect(byCustomer.getByRole("row").filter({ hasText: en.breakdown.unlinked })).toBeVisible();
  await shot(page, "fd-rebate-reports-en");

  // The orders of no customer the brand knows.
  await byCustomer.getByRole("row").filter({ hasText: en.breakdown.unlinked }).getByRole("button", { name: en.breakdown.showRowsOf.replace("{name}", en.breakdown.unlinked) }).click();
  await expect(page).toHaveURL(/customerId=none/);
  const rows = page.getByRole("table", { name: en.rows.caption });
  await expect(page.getByRole("button", { name: en.rows.filters.unlinked, exact: true })).toBeVisible();
  // Every row shown is one of them (once the table has left the previous rows behind).
  const allRows = (needle: string) => expect.poll(async () => (await rows.locator("tbody tr").allInnerTexts()).every((text) => text.includes(needle)));
  await allRows(en.breakdown.unlinked).toBe(true);

  // Ingrid's orders: the table and the URL follow, and the export holds hers only.
  const customerHref = await row.getByRole("link", { name: ingrid, exact: true }).getAttribute("href");
  await row.getByRole("button", { name: en.breakdown.showRowsOf.replace("{name}", ingrid) }).click();
  await expect(page).toHaveURL(new RegExp(`customerId=${customerHref!.split("/").pop()}`));
  await expect(rows.getByRole("row").nth(1)).toContainText(ingrid);
  await allRows(ingrid).toBe(true);
  await shot(page, "fd-rebate-reports-drilled-en");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: messages.en.table.export }).click();
  const csv = fs.readFileSync(await (await download).path(), "utf8").replace(/^\uFEFF/, "");
  const [header, ...lines] = csv.trimEnd().split("\r\n");
  expect(header).toBe(expectedHeader());
  expect(lines.length).toBeGreaterThan(20);
  // Ids are kept as text for spreadsheets (="…"); the customer is hers on every line.
  for (const line of lines) expect(line).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2},[^,]+,[^,]+,${ingrid},"=""8\\d+""",`));
});

test("in Chinese the FD report and the files card show no English", async ({ page }) => {
  await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
  const data = new DataLookup();
  await data.open();
  try {
    await page.goto("/rebates/reports/fd");
    await expect(page.getByRole("heading", { name: zh.title, exact: true })).toBeVisible();
    const byCustomer = page.getByRole("table", { name: `${zh.breakdown.title}: ${zh.breakdown.dimensions.customer}` });
    await expect(byCustomer.getByRole("row").filter({ hasText: zh.breakdown.unlinked })).toBeVisible();
    await expect(page.getByRole("table", { name: zh.rows.caption })).toBeVisible();
    expect(await englishShown(page, data)).toEqual([]);
    await shot(page, "fd-rebate-reports-zh");

    await page.goto("/settings/brand");
    await expect(page.getByTestId("rebate-files-card").getByRole("form", { name: zh.settings.title })).toBeVisible();
    expect(await englishShown(page, data)).toEqual([]);
    await page.getByTestId("rebate-files-card").scrollIntoViewIfNeeded();
    await shot(page, "brand-settings-files-zh");
  } finally {
    await data.close();
  }
});
