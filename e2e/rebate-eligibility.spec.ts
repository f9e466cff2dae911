/**
 * "Check rebate eligibility" on the rebates page, as operations, by keyboard: a pasted key is checked with the
 * FD broker's check (the answer says why in words, with the ratio and the monthly cap), a malformed key is
 * refused on its field, then a customer's stored key (the seed stores the simulator's own keys of the demo
 * sub-accounts) is picked by searching the customer and checked with the affiliate's check: an invitee
 * earning the rebate, linked to the customer. In Chinese the dialog and its answer show no English. With
 * SHOTS_DIR set, the dialog is captured at 1440 px in both languages.
 */
import path from "node:path";
import pg from "pg";
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO } from "./helpers";
import { DataLookup, englishUi, shownStrings } from "./zh-scan";
import { messages } from "../lib/i18n/messages";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";

const en = messages.en.rebateEligibility;
const zh = messages["zh-CN"].rebateEligibility;
const SHOTS = process.env.SHOTS_DIR;
/** A key no brand stores: the simulator answers for it all the same. */
const PASTED_KEY = "63d54aa0-0020-4ad9-a9f0-ac92654bc831";

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** An Aurora customer with a stored key on one of their sub-accounts (the seed links the simulator's to them). */
async function customerWithKey(): Promise<{ name: string; uid: string }> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; uid: string }>(
      `SELECT c.name, c.uid::text AS uid FROM customer c JOIN brand b ON b.id = c.brand_id JOIN subaccount s ON s.customer_id = c.id
       JOIN subaccount_api_key k ON k.subaccount_id = s.id WHERE b.slug = 'aurora' AND s.removed_at IS NULL ORDER BY c.name LIMIT 1`,
    );
    expect(rows, "the demo seed stores keys for some of Aurora's customers").toHaveLength(1);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

/** Opens the dialog from the page header with the keyboard. */
async function openDialog(page: Page, text: typeof en | typeof zh) {
  await page.goto("/rebates");
  const open = page.getByRole("button", { name: text.open });
  await open.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: text.title });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Picks an option of a select by keyboard; waits until the list has closed and focus is back on the select. */
async function choose(page: Page, select: ReturnType<Page["getByRole"]>, option: string) {
  await select.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("option", { name: option, exact: true }).press("Enter");
  await expect(select).toHaveAttribute("aria-expanded", "false");
  await expect(select).toBeFocused();
  await expect(select).toContainText(option);
}

test.describe.configure({ mode: "serial" });
test.use({ ...asRole(DEMO.aurora.operations), viewport: { width: 1440, height: 900 } });

test("operations checks a pasted key and a customer's key, by keyboard", async ({ page }) => {
  const dialog = await openDialog(page, en);
  // The check is focused first and FD is the default; the key box takes the paste and Enter sends it.
  await expect(dialog.getByRole("combobox", { name: en.program })).toBeFocused();
  await expect(dialog.getByRole("combobox", { name: en.program })).toContainText(en.programs.fd);
  await dialog.getByLabel(en.apiKey).fill("not a key!");
  await page.keyboard.press("Enter");
  await expect(dialog.getByText(en.invalid.apiKey)).toBeVisible();

  await dialog.getByLabel(en.apiKey).fill(PASTED_KEY);
  await page.keyboard.press("Enter");
  const answer = dialog.getByTestId("eligibility-answer");
  await expect(answer).toBeVisible();
  await expect(answer).toContainText(en.result.reason);
  const reasonShown = await answer.locator("dd").first().innerText();
  expect(Object.values(en.result.fdReasons)).toContain(reasonShown);
  await expect(answer).toContainText(en.result.monthlyCap);
  await expect(answer).toContainText(en.result.keyUnknown.replace("{key}", "63d5…c831"));
  await shot(page, "rebate-eligibility-en");

  // A customer's key: choose the source, search the customer, Enter picks them, their first key is chosen.
  const { name, uid } = await customerWithKey();
  await choose(page, dialog.getByRole("combobox", { name: en.program }), en.programs.affiliate);
  await choose(page, dialog.getByRole("combobox", { name: en.source }), en.sources.stored);
  // Tab moves on from the select to the customer search.
  await page.keyboard.press("Tab");
  const search = dialog.getByRole("combobox", { name: messages.en.subaccounts.link.search });
  await expect(search).toBeFocused();
  await page.keyboard.type(uid);
  await expect(dialog.getByRole("option", { name: new RegExp(name) })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("combobox", { name: en.storedKey })).toContainText(/…/);
  await dialog.getByRole("button", { name: en.submit }).focus();
  await page.keyboard.press("Enter");
  await expect(answer).toContainText(en.result.affiliateReasons["0"]);
  await expect(answer).toContainText(en.result.eligible);
  await expect(answer.getByRole("link", { name })).toHaveAttribute("href", /^\/customers\/[0-9a-f-]{36}$/);
  await shot(page, "rebate-eligibility-customer-en");

  // Escape closes the dialog and gives focus back to the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("button", { name: en.open })).toBeFocused();
});

test("in Chinese the dialog and its answer show no English", async ({ page }) => {
  await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
  const data = new DataLookup();
  await data.open();
  try {
    const dialog = await openDialog(page, zh);
    await dialog.getByLabel(zh.apiKey).fill(PASTED_KEY);
    await page.keyboard.press("Enter");
    await expect(dialog.getByTestId("eligibility-answer")).toContainText(zh.result.reason);
    await page.waitForLoadState("networkidle");
    expect((await englishUi(await shownStrings(page), data)).findings.map((f) => `${f.text} (${f.why})`)).toEqual([]);
    await shot(page, "rebate-eligibility-zh");
  } finally {
    await data.close();
  }
});
