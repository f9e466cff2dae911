/**
 * The fee reports over the demo trading details (prisma/seed/rebates.ts imports the last 30 days of each demo
 * brand's trades through the real storage and import). Operations reads non-zero fees, groups the breakdown
 * by instrument and then by customer, opens a customer's trades (the table and the URL follow), downloads
 * them as CSV (headers in English, only that customer's trades), then opens the customer's "Rebates" tab.
 * Support, without rebate.read, gets no such tab. In Chinese the page and the tab show no English. With
 * SHOTS_DIR set, the pages are captured at 1440 px in both languages.
 */
import fs from "node:fs";
import pg from "pg";
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO, switchTo } from "./helpers";
import { englishShown, shot } from "./page-checks";
import { DataLookup } from "./zh-scan";
import { messages } from "../lib/i18n/messages";
import { DEMO_CUSTOMERS } from "../prisma/seed/demo-customers";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";

const en = messages.en.rebateReports;
const zh = messages["zh-CN"].rebateReports;
const liang = DEMO_CUSTOMERS.aurora.liangWei.name;

/**
 * Liang Wei's sub-accounts in Aurora, as a pattern: the demo seed links two of the simulator's own to him
 * (their names come from the simulator's data for the brand, so they differ between databases).
 */
async function liangSubaccounts(): Promise<RegExp> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ sub_acct: string }>(
      "SELECT s.sub_acct FROM subaccount s JOIN customer c ON c.id = s.customer_id JOIN brand b ON b.id = s.brand_id WHERE b.slug = 'aurora' AND c.email = $1",
      [DEMO_CUSTOMERS.aurora.liangWei.email],
    );
    expect(rows.length).toBeGreaterThan(0);
    return new RegExp(`(${rows.map((r) => r.sub_acct).join("|")})`);
  } finally {
    await client.end();
  }
}

/** A figure as a number, whatever the locale's grouping ("1,366.78" → 1366.78). */
const figure = async (page: Page, id: string) => Number((await page.getByTestId(`kpi-${id}`).getByTestId("kpi-figure").innerText()).replace(/[^\d.-]/g, ""));

/** The trades CSV's header line as English readers get it (lib/i18n: rebateReports.trades + the coded columns). */
function expectedHeader(): string {
  const c = en.trades.columns;
  const code = (label: string) => messages.en.table.exportCodeOf.replace("{label}", label);
  return [c.tradedAt, en.trades.exportCustomerUid, c.customer, c.subAcct, c.instId, c.instFamily, code(c.instFamily), c.execType, code(c.execType), c.amount, c.feePaid, en.trades.exportFee, c.tradeId, c.ordId].join(",");
}

test.describe.configure({ mode: "serial" });
test.use({ ...asRole(DEMO.aurora.operations), viewport: { width: 1440, height: 900 } });

test("operations reads the fees, groups them by customer, opens a customer's trades and exports them", async ({ page }) => {
  await page.goto("/rebates/reports");
  await expect(page.getByRole("heading", { name: en.title, exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: en.tabs.label }).getByRole("link", { name: en.tabs.files })).toHaveAttribute("href", "/rebates");
  await expect(page.getByTestId("kpi-fees")).toBeVisible();
  expect(await figure(page, "fees")).toBeGreaterThan(0);
  expect(await figure(page, "trades")).toBeGreaterThan(100);
  await expect(page.getByRole("figure", { name: en.chart.label })).toBeVisible();

  const groupBy = page.getByRole("group", { name: en.breakdown.by });
  await groupBy.getByRole("button", { name: en.breakdown.dimensions.instrument, exact: true }).click();
  const breakdown = (dimension: string) => page.getByRole("table", { name: `${en.breakdown.title}: ${dimension}` });
  await expect(breakdown(en.breakdown.dimensions.instrument).getByRole("row").filter({ hasText: "BTC-USDT-SWAP" })).toBeVisible();
  await groupBy.getByRole("button", { name: en.breakdown.dimensions.customer, exact: true }).click();
  await expect(groupBy.getByRole("button", { name: en.breakdown.dimensions.customer, exact: true })).toHaveAttribute("aria-pressed", "true");
  const byCustomer = breakdown(en.breakdown.dimensions.customer);
  const row = byCustomer.getByRole("row").filter({ has: page.getByRole("link", { name: liang, exact: true }) });
  await expect(row).toBeVisible();
  await expect(byCustomer.getByRole("row").filter({ hasText: en.breakdown.unlinked })).toBeVisible();
  const customerHref = await row.getByRole("link", { name: liang, exact: true }).getAttribute("href");
  expect(customerHref).toMatch(/^\/customers\/[0-9a-f-]{36}$/);
  await shot(page, "rebate-reports-en");

  // Drill down: the trades table shows only Liang Wei's sub-accounts, and the URL says so.
  await row.getByRole("button", { name: en.breakdown.showTradesOf.replace("{name}", liang) }).click();
  const customerId = customerHref!.split("/").pop()!;
  await expect(page).toHaveURL(new RegExp(`customerId=${customerId}`));
  const trades = page.getByRole("table", { name: en.trades.caption });
  const liangSubs = await liangSubaccounts();
  await expect(trades.getByRole("row").nth(1)).toContainText(liangSubs);
  for (const text of await trades.locator("tbody tr").allInnerTexts()) expect(text).toMatch(liangSubs);
  await shot(page, "rebate-reports-drilled-en");

  // The export: every trade of the filter, English headers, Liang Wei's rows only.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: messages.en.table.export }).click();
  const csv = fs.readFileSync(await (await download).path(), "utf8").replace(/^\uFEFF/, "");
  const [header, ...lines] = csv.trimEnd().split("\r\n");
  expect(header).toBe(expectedHeader());
  expect(lines.length).toBeGreaterThan(10);
  for (const line of lines) expect(line).toMatch(new RegExp(`,${liang},${liangSubs.source},`));

  // The customer's page: the same report for them alone, and their latest trades.
  await page.goto(customerHref!);
  await page.getByRole("tab", { name: en.customerTab.tab }).click();
  await expect(page).toHaveURL(/tab=rebates/);
  await expect(page.getByTestId("kpi-fees")).toBeVisible();
  expect(await figure(page, "fees")).toBeGreaterThan(0);
  await expect(page.getByRole("table", { name: en.customerTab.latest }).getByRole("row").nth(1)).toContainText(liangSubs);
  await shot(page, "customer-rebates-en");
});

test("support, without rebate.read, has no Rebates tab on a customer", async ({ page }) => {
  await switchTo(page, DEMO.aurora.support);
  await page.goto("/customers?q=liang.wei%40example.com");
  await page.getByRole("link", { name: liang, exact: true }).first().click();
  await expect(page.getByRole("tab", { name: messages.en.customers.tabs.overview })).toBeVisible();
  await expect(page.getByRole("tab", { name: en.customerTab.tab })).toHaveCount(0);
});

test("in Chinese the reports page and the customer's tab show no English", async ({ page }) => {
  await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
  const data = new DataLookup();
  await data.open();
  try {
    await page.goto("/rebates/reports");
    await expect(page.getByRole("heading", { name: zh.title, exact: true })).toBeVisible();
    const byCustomer = page.getByRole("table", { name: `${zh.breakdown.title}: ${zh.breakdown.dimensions.customer}` });
    await expect(byCustomer.getByRole("row").filter({ hasText: zh.breakdown.unlinked })).toBeVisible();
    expect(await englishShown(page, data)).toEqual([]);
    await shot(page, "rebate-reports-zh");

    await byCustomer.getByRole("link", { name: liang, exact: true }).click();
    await page.getByRole("tab", { name: zh.customerTab.tab }).click();
    await expect(page.getByRole("table", { name: zh.customerTab.latest })).toBeVisible();
    expect(await englishShown(page, data)).toEqual([]);
    await shot(page, "customer-rebates-zh");
  } finally {
    await data.close();
  }
});
