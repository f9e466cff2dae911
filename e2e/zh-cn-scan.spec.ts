/**
 * Chinese mode shows no English UI: every portal page (the sidebar's areas per role, the pages beside them
 * and the detail pages reached from the lists, each tab opened), and a few dialogs submitted empty so their
 * validation messages show, rendered with `bd-locale=zh-CN`, are scanned for English (e2e/zh-scan.ts: the
 * English dictionary's values, and runs of English words that are not the brand's data).
 */
import { expect, test, type Page } from "./fixtures";
import { DEMO_CUSTOMERS } from "../prisma/seed/demo-customers";
import { navFor } from "../lib/nav";
import type { Role } from "../lib/auth/permissions";
import { messages } from "../lib/i18n/messages";
import { asRole, DEMO, type DemoAccount } from "./helpers";
import { DataLookup, englishUi, shownStrings, type Finding } from "./zh-scan";

const zh = messages["zh-CN"];

/** Pages beside the sidebar's areas: the account, customer groups, KYC settings. */
const EXTRA_PAGES: Partial<Record<Role, string[]>> = {
  admin: ["/account", "/customers/groups", "/kyc/settings"],
  compliance: ["/account", "/kyc/settings"],
  operations: ["/account", "/customers/groups"],
  marketing: ["/account"],
  support: ["/account"],
  platform_admin: ["/account"],
};

const ROLES: { role: Role; account: DemoAccount }[] = [
  { role: "admin", account: DEMO.aurora.admin },
  { role: "operations", account: DEMO.aurora.operations },
  { role: "compliance", account: DEMO.aurora.compliance },
  { role: "marketing", account: DEMO.aurora.marketing },
  { role: "support", account: DEMO.aurora.support },
  { role: "platform_admin", account: DEMO.platform },
];

const pagesOf = (role: Role) => [
  ...navFor(role)
    .flatMap((group) => group.items)
    .map((item) => item.href),
  ...(EXTRA_PAGES[role] ?? []),
];

let data: DataLookup;
test.beforeAll(async () => {
  data = new DataLookup();
  await data.open();
});
test.afterAll(async () => {
  await data?.close();
});

async function inChinese(page: Page) {
  await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
}

/**
 * Waits for the page's data (no request in flight, no skeleton), then returns its English UI. The English
 * let through as the brand's data is listed in the test's annotations, to review what the database allowed.
 */
async function scan(page: Page): Promise<Finding[]> {
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[data-slot="skeleton"]')).toHaveCount(0);
  const { findings, data: asData } = await englishUi(await shownStrings(page), data);
  if (asData.length > 0) test.info().annotations.push({ type: "English data", description: `${new URL(page.url()).pathname}: ${asData.join(" | ")}` });
  return findings;
}

/** The page and each of its tabs, opened in turn. */
async function scanWithTabs(page: Page, path: string): Promise<Record<string, Finding[]>> {
  await page.goto(path);
  const found: Record<string, Finding[]> = { [path]: await scan(page) };
  const tabs = page.getByRole("tab");
  const count = await tabs.count();
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    if ((await tab.getAttribute("aria-selected")) === "true" || (await tab.isDisabled())) continue;
    const name = (await tab.innerText()).trim();
    await tab.click();
    found[`${path} › ${name}`] = await scan(page);
  }
  return found;
}

const report = (found: Record<string, Finding[]>) =>
  Object.fromEntries(Object.entries(found).filter(([, findings]) => findings.length > 0).map(([where, f]) => [where, f.map((x) => `${x.text} (${x.why})`)]));

/** The first link of a list page to one of its detail pages. */
async function firstDetail(page: Page, list: string, prefix: string, exclude: RegExp): Promise<string> {
  await page.goto(list);
  // The rows load after the page: wait for one (network idle can come before the list's request starts).
  let href: string | undefined;
  await expect
    .poll(
      async () => {
        const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
        href = hrefs.map((h) => h.split("?")[0]!).find((h) => h !== prefix && !exclude.test(h));
        return href;
      },
      { message: `a detail link on ${list}`, timeout: 20_000 },
    )
    .toBeTruthy();
  await page.waitForLoadState("networkidle");
  return href!;
}

/** Sub-accounts exist once some spec made one on the exchange; run alone, this one makes its own (in Chinese). */
async function ensureSubAccount(page: Page) {
  await page.goto("/sub-accounts");
  await page.waitForLoadState("networkidle");
  if ((await page.locator('main a[href^="/sub-accounts/"]').count()) > 0) return;
  await page.goto("/customers?status=active");
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await page.getByRole("tab", { name: zh.customers.tabs.subAccounts }).click();
  await page.getByRole("button", { name: zh.subaccounts.create.button }).click();
  const dialog = page.getByRole("dialog", { name: zh.subaccounts.create.title });
  await dialog.getByLabel(zh.subaccounts.create.name).fill(`zh${Date.now().toString(36)}`.slice(0, 20));
  await dialog.locator('button[type="submit"]').click();
  await expect(dialog).toHaveCount(0);
}

/**
 * Each page is scanned once, by the first role that sees it: a page renders the same strings for every role
 * that may open it. Each role still scans at least its first page, so its own sidebar is read in Chinese.
 */
const scanned = new Set<string>();
const pagesToScan = (role: Role) => {
  const pages = pagesOf(role);
  const fresh = pages.filter((path) => !scanned.has(path));
  fresh.forEach((path) => scanned.add(path));
  return fresh.length > 0 ? fresh : pages.slice(0, 1);
};

for (const { role, account } of ROLES) {
  test.describe(`${role} in Chinese`, () => {
    test.use(asRole(account));
    test.beforeEach(async ({ page }) => inChinese(page));

    for (const path of pagesToScan(role)) {
      test(`${path} shows no English`, async ({ page }) => {
        expect(report(await scanWithTabs(page, path))).toEqual({});
      });
    }
  });
}

test.describe("the scan itself", () => {
  test.use(asRole(DEMO.aurora.admin));

  test("finds the English of a page rendered in English (so it can fail)", async ({ page }) => {
    await page.goto("/customers");
    const found = await scan(page);
    // The page's title and the sidebar's labels are dictionary values.
    expect(found.map((f) => f.text)).toEqual(expect.arrayContaining([messages.en.customers.title, messages.en.nav.items.staff]));
  });
});

test.describe("signed out, in Chinese", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test.beforeEach(async ({ page }) => inChinese(page));

  test("the sign-in page shows no English", async ({ page }) => {
    await page.goto("/login");
    expect(report({ "/login": await scan(page) })).toEqual({});
  });
});

test.describe("detail pages in Chinese", () => {
  test.use(asRole(DEMO.aurora.admin));
  test.beforeEach(async ({ page }) => inChinese(page));

  const details = [
    { list: "/customers", prefix: "/customers/", exclude: /^\/customers\/groups/ },
    { list: "/kyc", prefix: "/kyc/", exclude: /^\/kyc\/settings/ },
    { list: "/bonuses", prefix: "/bonuses/", exclude: /^$/ },
    { list: "/sub-accounts", prefix: "/sub-accounts/", exclude: /^$/ },
  ];
  for (const { list, prefix, exclude } of details) {
    test(`a detail page from ${list} shows no English`, async ({ page }) => {
      if (list === "/sub-accounts") await ensureSubAccount(page);
      const href = await firstDetail(page, list, prefix, exclude);
      expect(report(await scanWithTabs(page, href))).toEqual({});
    });
  }
});

test.describe("KYC application as its reviewer, in Chinese", () => {
  test.use(asRole(DEMO.aurora.compliance));
  test.beforeEach(async ({ page }) => inChinese(page));

  test("a KYC application shows no English to compliance", async ({ page }) => {
    const href = await firstDetail(page, "/kyc", "/kyc/", /^\/kyc\/settings/);
    expect(report(await scanWithTabs(page, href))).toEqual({});
  });
});

test.describe("dialogs submitted empty, in Chinese", () => {
  test.use(asRole(DEMO.aurora.admin));
  test.beforeEach(async ({ page }) => inChinese(page));

  /** Submits the open dialog as it is and scans it with its validation messages. */
  async function submitEmpty(page: Page): Promise<Finding[]> {
    const dialog = page.getByRole("dialog").or(page.getByRole("alertdialog"));
    await expect(dialog).toBeVisible();
    await dialog.locator('button[type="submit"]').last().click();
    await expect(dialog.locator('[data-slot="form-message"], [role="alert"]').first()).toBeVisible();
    return scan(page);
  }

  test("the campaign form's validation messages are Chinese", async ({ page }) => {
    await page.goto("/bonuses");
    await page.getByRole("button", { name: zh.bonuses.create.button }).click();
    const found = await submitEmpty(page);
    // The two fields an empty form always misses are named in Chinese.
    await expect(page.getByText(zh.bonuses.create.invalid.name)).toBeVisible();
    await expect(page.getByText(zh.bonuses.create.invalid.amount).first()).toBeVisible();
    expect(found).toEqual([]);
  });

  test("the freeze dialog's validation message is Chinese", async ({ page }) => {
    // An active customer no other spec changes.
    const { email, name } = DEMO_CUSTOMERS.aurora.fatimaZahra;
    await page.goto(`/customers?q=${encodeURIComponent(email)}`);
    await page.getByRole("link", { name }).first().click();
    await page.getByRole("button", { name: zh.customers.actions.freeze, exact: true }).click();
    expect(await submitEmpty(page)).toEqual([]);
  });

  test("the lock-transfers dialog's validation messages are Chinese", async ({ page }) => {
    // One of the seed's oldest active customers, who has a trading account to lock.
    const { email, name } = DEMO_CUSTOMERS.aurora.fatimaZahra;
    await page.goto(`/customers?q=${encodeURIComponent(email)}`);
    await page.getByRole("link", { name }).first().click();
    await page.getByRole("tab", { name: zh.customers.tabs.fundLocks }).click();
    await page.getByRole("button", { name: zh.fundLocks.lock.button }).click();
    expect(await submitEmpty(page)).toEqual([]);
  });

  test("the register-customer dialog's validation messages are Chinese", async ({ page }) => {
    await page.goto("/customers");
    await page.getByRole("button", { name: zh.customers.actions.register }).click();
    expect(await submitEmpty(page)).toEqual([]);
  });
});
