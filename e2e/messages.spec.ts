/**
 * In-app messages end to end. Marketing saves a template, starts a message from it, writes it in English and
 * Chinese (an unknown variable is flagged as typed), schedules it for the VIP group up to a minute ahead
 * after the confirmation states the recipients and the time, and watches delivery reach 100 % on the
 * message's page when the real worker process (started by the test: the dispatcher and the fan-out queue)
 * starts it at its time. Two recipients then read it through
 * the partner API (a key made for the test), and the page's statistics show it; each recipient's Messages tab
 * lists the message, read or "Unread". A customer-list filter is saved as a segment and listed. The pages
 * are checked for English in Chinese mode; with SHOTS_DIR set they are captured at 1440 px in both languages.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { request as playwrightRequest } from "@playwright/test";
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO, storageStateFile } from "./helpers";
import { DataLookup, englishUi, shownStrings } from "./zh-scan";
import { DEFAULT_TYPE_LABELS } from "../lib/messages/labels";
import { HEADERS, sign } from "../lib/partner-api/signing";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";

const SHOTS = process.env.SHOTS_DIR;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The worker process on the e2e server's database and queues, running only the dispatcher and the fan-out. */
function startFanoutWorker() {
  const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "jobs/worker.ts"], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), JOBS_PREFIX: "bull-e2e", WORKER_QUEUES: "message-dispatch,message-fanout" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  worker.stdout.on("data", (chunk) => (output += String(chunk)));
  worker.stderr.on("data", (chunk) => (output += String(chunk)));
  return {
    output: () => output,
    // It finishes its active job and exits; the test waits for that, so no worker outlives it.
    async stop() {
      if (worker.exitCode !== null) return;
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.kill("SIGTERM");
      await exited;
    },
  };
}

/** Recipients of a message, from the e2e database. */
async function recipientsOf(messageId: string, limit: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("SELECT customer_id AS id FROM message_delivery WHERE message_id = $1 ORDER BY customer_id LIMIT $2", [messageId, limit]);
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/** A partner key of aurora with the messages scopes, made by its admin through the portal's procedure. */
async function partnerKey(baseURL: string) {
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFile(DEMO.aurora.admin) });
  const res = await admin.post("/api/trpc/partnerKey.create", {
    data: { json: { label: `e2e messages ${Date.now()}`, scopes: ["messages:read", "messages:write"], ipAllowlist: [], expiresAt: null, rateLimitPerSecond: null } },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const { key, secret } = (await res.json()).result.data.json as { key: { accessKey: string }; secret: string };
  await admin.dispose();
  return { accessKey: key.accessKey, secret };
}

/** The partner API's "mark read", signed as a partner signs it. */
async function markRead(baseURL: string, credentials: { accessKey: string; secret: string }, customerId: string, messageId: string) {
  const requestPath = `/api/v1/customers/${customerId}/messages/${messageId}/read`;
  const timestamp = new Date().toISOString();
  const res = await fetch(new URL(requestPath, baseURL), {
    method: "POST",
    headers: {
      [HEADERS.key]: credentials.accessKey,
      [HEADERS.timestamp]: timestamp,
      [HEADERS.sign]: sign(credentials.secret, timestamp, "POST", requestPath),
      [HEADERS.idempotency]: randomUUID(),
    },
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

test.describe(() => {
  test.use({ ...asRole(DEMO.aurora.marketing), viewport: { width: 1440, height: 900 } });

  test("marketing schedules a two-language message to a group, sees it delivered and read", async ({ page, baseURL }) => {
    test.setTimeout(270_000);
    const stamp = Date.now();
    const name = `E2E VIP update ${stamp}`;
    const title = `VIP desk hours ${stamp}`;
    const zhTitle = `VIP 服务时间 ${stamp}`;
    const worker = startFanoutWorker();
    try {
      // A template to start from.
      await page.goto("/messages/templates");
      await page.getByRole("button", { name: "New template" }).first().click();
      const dialog = page.getByRole("dialog", { name: "New template" });
      await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
      await dialog.getByRole("combobox", { name: "Message type" }).click();
      await page.getByRole("option", { name: "Marketing" }).click();
      await dialog.getByRole("textbox", { name: "Title" }).fill(title);
      await dialog.getByRole("textbox", { name: "Message" }).fill("Hello {{name}},\nyour desk is open from 8:00 to 20:00.");
      await dialog.getByRole("button", { name: "Save" }).click();
      await expect(dialog).toHaveCount(0);
      await expect(page.getByRole("row").filter({ hasText: name })).toContainText("English");
      await page.getByRole("tab", { name: "Automatic messages" }).click();
      await expect(page.getByRole("switch", { name: "Send “Deposit credited”" })).toBeChecked();
      await shot(page, "messages-templates-en");

      // The composer, from the template; the Chinese text is written here.
      await page.goto("/messages/new");
      await page.getByRole("combobox", { name: "Start from a template" }).click();
      await page.getByRole("option", { name }).click();
      await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(title);
      await page.getByRole("tab", { name: /简体中文/ }).click();
      await page.getByRole("textbox", { name: "Title" }).fill(zhTitle);
      const body = page.getByRole("textbox", { name: "Message" });
      await body.fill("{{name}}，您好：{{desk}}");
      await expect(page.getByText("{{desk}} cannot be filled; use {{name}}, {{uid}}.")).toBeVisible();
      await body.fill("{{name}}，您好：服务时间为 8:00 至 20:00。");
      await expect(page.getByText(/cannot be filled/)).toHaveCount(0);

      await page.getByRole("radio", { name: "A customer group" }).check();
      await page.getByRole("combobox", { name: "Customer group" }).click();
      await page.getByRole("option", { name: /^VIP · / }).click();
      const size = page.getByTestId("audience-size");
      await expect(size).toHaveText(/^\d[\d,]* customers now$/);
      const recipients = Number((await size.innerText()).replace(/\D/g, ""));
      expect(recipients).toBeGreaterThan(2);
      await shot(page, "messages-composer-en");

      // The next start of a minute at least 20 s away (the picker's resolution is the minute): a wait of 20–80 s.
      await page.getByRole("radio", { name: "At a time" }).check();
      const at = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
      const two = (n: number) => String(n).padStart(2, "0");
      await page.getByRole("textbox", { name: "Send at" }).fill(`${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`);

      await page.getByRole("button", { name: "Review and schedule" }).click();
      const confirm = page.getByRole("alertdialog");
      await expect(confirm.getByTestId("confirm-recipients")).toHaveText(`“${title}” goes to ${recipients} customers.`);
      await expect(confirm).toContainText("No approval is needed.");
      await confirm.getByRole("button", { name: "Schedule", exact: true }).click();
      await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
      const messageId = page.url().split("/").pop()!;
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Scheduled");

      // At its time the dispatcher starts it; the page follows the fan-out until every recipient has it.
      await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100", { timeout: 150_000 });
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Sent");
      await expect(page.getByTestId("stat-delivered")).toContainText(String(recipients));
      await expect(page.getByTestId("stat-read")).toContainText("0");
      await expect(page.getByText(zhTitle)).toBeVisible();

      // Two recipients read it through the partner API; the statistics move.
      const [first, second, third] = await recipientsOf(messageId, 3);
      const key = await partnerKey(baseURL!);
      await markRead(baseURL!, key, first!, messageId);
      await markRead(baseURL!, key, second!, messageId);
      await page.reload();
      await expect(page.getByTestId("stat-read")).toContainText("2");
      const rate = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 }).format(2 / recipients);
      await expect(page.getByTestId("stat-read-rate")).toContainText(rate);
      await expect(page.getByRole("figure", { name: "Read rate over time" })).toBeVisible();
      await shot(page, "messages-detail-en");

      // The list shows it sent; each recipient's Messages tab lists it, read or not.
      await page.goto("/messages");
      const row = page.getByRole("row").filter({ hasText: String(stamp) });
      await expect(row).toContainText("Sent");
      await expect(row).toContainText("Group: VIP");
      await shot(page, "messages-list-en");
      await page.goto(`/customers/${first}?tab=messages`);
      const read = page.getByRole("row").filter({ hasText: String(stamp) });
      await expect(read).toBeVisible();
      await expect(read).not.toContainText("Unread");
      await page.goto(`/customers/${third}?tab=messages`);
      await expect(page.getByRole("row").filter({ hasText: String(stamp) })).toContainText("Unread");
    } catch (error) {
      console.log(`worker output:\n${worker.output()}`);
      throw error;
    } finally {
      await worker.stop();
    }
  });

  test("a filtered customer list is saved as a segment", async ({ page }) => {
    const segment = `E2E frozen ${Date.now()}`;
    await page.goto("/customers?status=frozen");
    await page.getByRole("button", { name: "Save as segment" }).click();
    const dialog = page.getByRole("dialog", { name: "Save as segment" });
    await expect(dialog).toContainText("Status: Frozen");
    await dialog.getByLabel("Segment name").fill(segment);
    await dialog.getByRole("button", { name: "Save segment" }).click();
    await expect(page.getByText(`Segment “${segment}” saved.`)).toBeVisible();
    await page.goto("/messages/templates?tab=segments");
    await expect(page.getByRole("row").filter({ hasText: segment })).toContainText("Status: Frozen");
  });

  test("the messages pages in Chinese show no English", async ({ page }) => {
    test.setTimeout(90_000);
    const data = new DataLookup();
    await data.open();
    try {
      await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
      // The settings' English boxes show the English names customers get by default ("System") as placeholders:
      // text for English readers, not the page's words.
      const customerWords = new Set(Object.values(DEFAULT_TYPE_LABELS).map((label) => label.en));
      const english = async (where: string) => {
        await page.waitForLoadState("networkidle");
        await expect(page.locator('[data-slot="skeleton"]')).toHaveCount(0);
        const { findings } = await englishUi(await shownStrings(page), data);
        const shown = findings.filter((f) => !(where === "settings" && customerWords.has(f.text)));
        expect(shown.map((f) => `${where}: ${f.text} (${f.why})`)).toEqual([]);
      };
      await page.goto("/messages");
      await expect(page.getByRole("heading", { name: "站内信" })).toBeVisible();
      await english("list");
      await shot(page, "messages-list-zh");
      const hrefs = await page.locator("main table a[href^='/messages/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      const href = hrefs.find((h) => /^\/messages\/[0-9a-f-]{36}$/.test(h)) ?? null;

      await page.goto("/messages/new");
      await page.getByRole("radio", { name: "客户分组" }).check();
      await page.getByRole("button", { name: "检查并发送" }).click();
      await expect(page.getByText("请选择消息类型")).toBeVisible();
      await english("composer");
      await shot(page, "messages-composer-zh");

      if (href) {
        await page.goto(href);
        await english("detail");
        await shot(page, "messages-detail-zh");
      }
      await page.goto("/messages/templates");
      await english("templates");
      await shot(page, "messages-templates-zh");
      await page.getByRole("tab", { name: "自动消息" }).click();
      await english("automatic");
      await page.goto("/messages/settings");
      await english("settings");
      await shot(page, "messages-settings-zh");
    } finally {
      await data.close();
    }
  });
});
