/**
 * Announcements, as marketing: a new announcement in English and Chinese whose text tries to run script (a
 * script tag, an image with onerror, a javascript: link). The live preview shows the sanitised HTML — the
 * script as plain text, no image, no link — and nothing runs; saved as a draft, published after confirming,
 * it is Live on its page and in the list's Live filter. With SHOTS_DIR set, the list and the editor are also
 * captured at 1440 px in English and Chinese.
 */
import path from "node:path";
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO } from "./helpers";

const SHOTS = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string, fullPage = false) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
};

const XSS_BODY = [
  "Trading pauses on **Saturday** from 02:00.",
  "<script>window.__xss = 'script'</script>",
  '<img src=x onerror="window.__xss = \'img\'">',
  "[claim your bonus](javascript:window.__xss='link')",
].join("\n\n");

/** Nothing the text tried has run, and the preview holds no element that could. */
async function expectInert(page: Page, html: ReturnType<Page["getByTestId"]>) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  await expect(html.locator("script, img, iframe, svg, [onerror], [onload], [style]")).toHaveCount(0);
  await expect(html.locator('a[href^="javascript:" i]')).toHaveCount(0);
}

test.describe(() => {
  test.use({ ...asRole(DEMO.aurora.marketing), viewport: { width: 1440, height: 900 } });

  test("marketing writes an announcement in two languages, previews it sanitised, publishes it and sees it live", async ({ page }) => {
    test.setTimeout(90_000);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const title = `E2E maintenance ${Date.now().toString(36)}`;

    await page.goto("/messages/announcements");
    await expect(page.getByRole("heading", { name: "Announcements", exact: true })).toBeVisible();
    await expect(page.getByText("Loading…")).toHaveCount(0);
    await shot(page, "announcements-list");
    await page.getByRole("link", { name: "New announcement" }).first().click();
    await expect(page.getByRole("heading", { name: "New announcement" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save draft" })).toBeInViewport();

    // English (the brand's default language): a title and a text that tries to run script.
    await expect(page.getByRole("tab", { name: /English/ })).toHaveAttribute("aria-selected", "true");
    await page.getByLabel("Title").fill(`${title} <b>now</b>`);
    await page.getByLabel("Text").fill(XSS_BODY);
    const preview = page.getByTestId("announcement-customer-view");
    const html = page.getByTestId("announcement-html");
    await expect(preview.getByRole("heading", { name: `${title} now` })).toBeVisible();
    await expect(html.locator("strong", { hasText: "Saturday" })).toBeVisible();
    // Typed HTML shows as text; the javascript: link is only its words.
    await expect(html).toContainText("<script>window.__xss = 'script'</script>");
    await expect(html).toContainText("<img src=x onerror=");
    await expect(html.getByRole("link")).toHaveCount(0);
    await expectInert(page, html);
    await shot(page, "announcements-editor");

    // Chinese.
    await page.getByRole("tab", { name: /Chinese/ }).click();
    await page.getByLabel("Title").fill(`维护通知 ${title}`);
    await page.getByLabel("Text").fill("周六 **02:00** 起暂停交易。\n\n<script>window.__xss = 'zh'</script>");
    await expect(preview.getByRole("heading", { name: `维护通知 ${title}` })).toBeVisible();
    await expect(html.locator("strong", { hasText: "02:00" })).toBeVisible();
    await expectInert(page, html);

    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL(/\/messages\/announcements\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: `${title} now` })).toBeVisible();
    await expect(page.getByTestId("announcement-state")).toHaveText("Draft");

    await page.getByRole("button", { name: "Publish" }).click();
    const confirm = page.getByRole("alertdialog", { name: `Publish “${title} now”?` });
    await expect(confirm).toContainText("All customers will see it from");
    await expect(confirm).toContainText("English, Chinese (Simplified)");
    await confirm.getByRole("button", { name: "Publish" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(page.getByTestId("announcement-state")).toHaveText("Live");
    // What customers are shown, in both languages: the same sanitised HTML.
    await expect(html).toContainText("<script>window.__xss = 'script'</script>");
    await expectInert(page, html);
    await page.getByRole("tab", { name: "Chinese (Simplified)" }).click();
    await expect(html).toContainText("周六 02:00 起暂停交易。");
    await expectInert(page, html);

    // Live in the list, and under the Live filter.
    await page.goto("/messages/announcements");
    const row = page.getByRole("row").filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row.getByTestId("announcement-state")).toHaveText("Live");
    await page.getByRole("button", { name: "Status" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Live" }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/status=live/);
    await expect(row).toBeVisible();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  });

  test("the list and the editor in Chinese", async ({ page }) => {
    await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
    await page.goto("/messages/announcements");
    await expect(page.getByRole("heading", { name: "公告", exact: true })).toBeVisible();
    await expect(page.getByText("加载中…")).toHaveCount(0);
    await shot(page, "announcements-list-zh");
    await page.goto("/messages/announcements/new");
    await expect(page.getByRole("heading", { name: "新建公告" })).toBeVisible();
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByText("请用品牌默认语言 英语 撰写公告")).toBeVisible();
    await page.getByLabel("标题").fill("维护通知");
    await page.getByLabel("正文").fill("周六 **02:00** 起暂停交易。");
    await expect(page.getByTestId("announcement-html").locator("strong")).toHaveText("02:00");
    await shot(page, "announcements-editor-zh");
  });
});
