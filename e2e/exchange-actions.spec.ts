/**
 * Operations closes a customer's position from the customer's Exchange tab with a reason, against the e2e
 * server's simulator: the sub-account, its level and a trade key are made through the portal's own
 * procedures (so the secret is stored sealed), a position is opened with that key as the customer would,
 * and a worker syncs the account into the tab. The dialog previews the live position, takes a reason and
 * shows the exchange's answer. In English, then in Chinese; with SHOTS_DIR, screenshots at 1440 px.
 */
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO } from "./helpers";
import { fundTrading, mutate, openFirstActiveCustomer, signed, startWorker, type Credentials } from "./sim-setup";

const SHOTS = process.env.SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/**
 * A market buy of a swap: net mode first, long/short mode (which needs the side) when the answer names
 * posSide; any other refusal is tried again after a moment, and every answer is shown if it never works.
 */
async function buySwap(request: APIRequestContext, key: Credentials, instId: string, sz: string) {
  const order = { instId, tdMode: "cross", side: "buy", ordType: "market", sz };
  const answers: unknown[] = [];
  let body: Record<string, string> = order;
  for (let attempt = 0; attempt < 4; attempt++) {
    const answer = await signed<{ code: string; msg?: string; data?: { sMsg?: string }[] }>(request, key, "POST", "/api/v5/trade/order", body);
    answers.push(answer);
    if (answer.code === "0") return;
    const said = `${answer.msg ?? ""} ${answer.data?.[0]?.sMsg ?? ""}`;
    if (said.includes("posSide")) body = body === order ? { ...order, posSide: "long" } : order;
    else await new Promise((r) => setTimeout(r, 1000));
  }
  expect(answers, "the swap buy was never accepted").toEqual([]);
}

/** The instruments the sub-account holds a position in, as the exchange lists them now. */
async function heldInstruments(request: APIRequestContext, key: Credentials): Promise<string[]> {
  const answer = await signed<{ data: { instId: string; pos: string }[] }>(request, key, "GET", "/api/v5/account/positions");
  return [...new Set(answer.data.filter((p) => Number(p.pos) !== 0).map((p) => p.instId))];
}

/** At least one position in each of the two swaps (the simulator may have generated some already). */
async function openPositions(request: APIRequestContext, key: Credentials): Promise<string[]> {
  const wanted = ["BTC-USDT-SWAP", "ETH-USDT-SWAP"];
  for (const instId of wanted) await buySwap(request, key, instId, "2");
  // A buy may have exactly offset a generated short: buy again until each one is held.
  for (const instId of wanted) if (!(await heldInstruments(request, key)).includes(instId)) await buySwap(request, key, instId, "3");
  const held = await heldInstruments(request, key);
  expect(held).toEqual(expect.arrayContaining(wanted));
  return wanted;
}

/** A new sub-account (spot and futures) for the customer, with a key that may trade. */
async function tradingSubaccount(request: APIRequestContext, customerId: string) {
  const subAcct = `ea${Date.now().toString(36)}`.slice(0, 20);
  const sub = await mutate<{ id: string; version: number }>(request, "subaccount.createForCustomer", { customerId, subAcct });
  await mutate(request, "subaccount.setLevel", { id: sub.id, accountLevel: 2, version: sub.version });
  const key = await mutate<Credentials>(request, "apiKey.create", { subaccountId: sub.id, label: `e2e${Date.now().toString(36)}`, passphrase: "E2e-Trade-123!", perms: ["trade"], ips: [] });
  return { subaccountId: sub.id, subAcct, key };
}

test.use({ ...asRole(DEMO.aurora.operations), viewport: { width: 1440, height: 900 } });

test("operations closes a position from a customer's Exchange tab with a reason, in English and Chinese", async ({ page }) => {
  test.setTimeout(180_000);
  const worker = startWorker("exchange-account-sync");
  try {
    const customerId = await openFirstActiveCustomer(page);
    const { subAcct, key } = await tradingSubaccount(page.request, customerId);
    await fundTrading(page.request, customerId, subAcct);
    const [first, second] = await openPositions(page.request, key);

    const closeOne = async (instId: string, words: { tab: string; close: string; confirm: string; reason: string; done: string }, shotName: string) => {
      await page.goto(`/customers/${customerId}`);
      await page.getByRole("tab", { name: words.tab, exact: true }).click();
      // Synced by the worker after the refresh (the tab may show the account before the first sync ends).
      const row = page.getByRole("row").filter({ hasText: subAcct }).filter({ hasText: instId }).first();
      await expect(async () => {
        await mutate(page.request, "exchangeAccount.refresh", { customerId });
        await page.reload();
        await page.getByRole("tab", { name: words.tab, exact: true }).click();
        await expect(row).toBeVisible({ timeout: 3_000 });
      }).toPass({ timeout: 60_000 });

      await row.getByRole("button", { name: words.close }).click();
      const dialog = page.getByTestId("exchange-action-dialog");
      await expect(dialog.getByTestId("exchange-action-positions")).toContainText(instId);
      await shot(page, `${shotName}-preview`);
      // A reason is required: confirming without one is refused in the form.
      await dialog.getByRole("button", { name: words.confirm }).click();
      await expect(dialog.getByRole("textbox")).toBeFocused();
      await dialog.getByRole("textbox").fill(words.reason);
      await dialog.getByRole("button", { name: words.confirm }).click();
      const results = dialog.getByTestId("exchange-action-results");
      await expect(results.locator('[data-status="done"]')).toHaveCount(1);
      await expect(results).toContainText(words.done);
      await shot(page, `${shotName}-result`);
      await page.keyboard.press("Escape");
      await expect(dialog).toHaveCount(0);
    };

    await closeOne(first!, { tab: "Exchange", close: "Close", confirm: "Close position", reason: "Margin call not met", done: "Done" }, "exchange-actions-en");

    await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
    await closeOne(second!, { tab: "交易所", close: "平仓", confirm: "市价平仓", reason: "客户要求平仓", done: "成功" }, "exchange-actions-zh");
  } finally {
    await worker.stop();
  }
});
