/**
 * Partner API keys, as the brand's admin: a new key's secret is shown once and then nowhere on the page;
 * the reference page shows the endpoints and the signing examples, and those examples, copied from the page
 * and run as written (bash + openssl + curl, Python, TypeScript), are accepted by the API with that key;
 * an edit shows in the row; a rotation shows the new secret once and leaves the old key retiring;
 * revoking the old key (confirmed) shows it Revoked and the same example is refused.
 * With SHOTS_DIR set, both pages are also captured at 1440 px in English and Chinese.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO } from "./helpers";

const SHOTS = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string, fullPage = false) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
};

/** The first Python on the machine that has `requests` (a pyenv shim may shadow Debian's python3-requests). */
function pythonWithRequests(): string {
  for (const candidate of ["python3", "/usr/bin/python3"]) {
    try {
      execFileSync(candidate, ["-c", "import requests"], { stdio: "ignore" });
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error("No python3 with the requests package: apt-get install python3-requests");
}

const RUNNERS = {
  curl: { file: "example.sh", command: "bash" },
  python: { file: "example.py", command: pythonWithRequests() },
  typescript: { file: "example.ts", command: path.resolve("node_modules/.bin/tsx") },
} as const;
type Language = keyof typeof RUNNERS;

/** Runs an example exactly as the page shows it (a unique customer email swapped in), with the key in the environment. */
function runExample(language: Language, source: string, env: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bd-sign-"));
  const file = path.join(dir, RUNNERS[language].file);
  fs.writeFileSync(file, source.replace("lin.wei@example.com", `e2e-${language}-${Date.now()}@example.com`));
  try {
    return execFileSync(RUNNERS[language].command, [file], { env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", ...env }, encoding: "utf8", timeout: 30_000 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test.describe(() => {
  test.use({ ...asRole(DEMO.aurora.admin), viewport: { width: 1440, height: 900 } });

  test("an admin creates a partner key, sees its secret once, signs requests from the reference's examples, and revokes it", async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const label = `e2e CRM ${Date.now().toString(36)}`;
    await page.goto("/partner-keys");
    await expect(page.getByRole("heading", { name: "Partner API keys" })).toBeVisible();
    await shot(page, "partner-keys-en");

    // The form checks as typed: label, scopes, addresses each named.
    await page.getByRole("button", { name: "New partner key" }).first().click();
    const form = page.getByRole("dialog", { name: "New partner key" });
    await form.getByLabel("IP allowlist (optional)").fill("127.0.0.1\n203.0.113.300");
    await form.getByRole("button", { name: "Create key" }).click();
    await expect(form.getByText("Give the key a label.")).toBeVisible();
    await expect(form.getByText("Choose at least one scope.")).toBeVisible();
    await expect(form.getByText("“203.0.113.300” is not an IP address or CIDR block")).toBeVisible();
    await shot(page, "partner-keys-create-invalid-en");
    await form.getByLabel("Label").fill(label);
    const customers = form.getByRole("group", { name: "Customers" });
    await customers.getByLabel("Read").check();
    await customers.getByLabel("Write").check();
    await form.getByLabel("IP allowlist (optional)").fill("127.0.0.1\n::1\n::ffff:127.0.0.1");
    await form.getByRole("button", { name: "Create key" }).click();

    // The secret, once: only the explicit acknowledgement closes it, and then it is nowhere on the page.
    const saved = page.getByRole("dialog", { name: "Save the secret now" });
    await expect(saved.getByText("Shown only once")).toBeVisible();
    await expect(saved.getByText("The secret will not be shown again")).toBeVisible();
    await expect(saved.getByRole("button", { name: "Copy secret" })).toBeVisible();
    const accessKey = await saved.getByTestId("partner-accessKey").innerText();
    const secret = await saved.getByTestId("partner-secret").innerText();
    expect(accessKey).toMatch(/^bdk_[0-9a-f]{24}$/);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    await shot(page, "partner-keys-secret-en");
    await page.keyboard.press("Escape");
    await expect(saved).toBeVisible();
    await saved.getByRole("button", { name: "I have saved the secret" }).click();
    await expect(saved).toHaveCount(0);
    const row = page.getByRole("row").filter({ hasText: label });
    await expect(row.getByTestId("partner-key-status")).toHaveText("Active");
    await expect(row).toContainText(accessKey);
    await expect(page.locator("body")).not.toContainText(secret);
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: label })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(secret);
    await shot(page, "partner-keys-list-en");

    // The reference: an operation and the signing examples.
    await page.getByRole("link", { name: "API reference" }).click();
    await expect(page.getByRole("heading", { name: "Partner API reference" })).toBeVisible();
    const register = page.locator("article#registerCustomer");
    await expect(register.getByRole("heading", { name: "Register a customer" })).toBeVisible();
    await expect(register).toContainText("POST");
    await expect(register).toContainText("/api/v1/customers");
    await expect(register).toContainText("customers:write");
    await expect(page.getByRole("heading", { name: "Signing a request" })).toBeVisible();
    await expect(page.getByRole("link", { name: "OpenAPI document (JSON)" })).toHaveAttribute("href", "/api/v1/openapi.json");
    await shot(page, "partner-reference-en");
    await page.locator("#signing").scrollIntoViewIfNeeded();
    await shot(page, "partner-reference-signing-en");
    if (SHOTS) await register.screenshot({ path: path.join(SHOTS, "partner-reference-operation-en.png") });

    // The examples as shown, run with the new key: the API accepts each signed POST and GET.
    const env = { BD_BASE: baseURL!, BD_ACCESS_KEY: accessKey, BD_SECRET: secret };
    const examples = {} as Record<Language, string>;
    for (const language of Object.keys(RUNNERS) as Language[]) {
      examples[language] = await page.getByTestId(`signing-example-${language}`).innerText();
      expect(examples[language]).toContain("BD-ACCESS-SIGN");
    }
    const curl = runExample("curl", examples.curl, env);
    expect(curl).toContain("HTTP 201");
    expect(curl).toContain("HTTP 200");
    expect(runExample("python", examples.python, env)).toMatch(/^201 [\s\S]*\n200 /m);
    const ts = runExample("typescript", examples.typescript, env);
    expect(ts).toContain("status: 201");
    expect(ts).toContain("status: 200");

    // Edit (the limit), then rotate with a day of overlap: the new secret once, the old key retiring.
    await page.getByRole("link", { name: "Partner API keys" }).first().click();
    const keyRow = page.getByRole("row").filter({ hasText: accessKey });
    await keyRow.getByRole("button", { name: `Actions for ${label}` }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Edit partner key" });
    await expect(edit.getByLabel("Label")).toHaveValue(label);
    await edit.getByLabel("Requests per second (optional)").fill("20");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toHaveCount(0);
    await expect(keyRow).toContainText("20/s");

    await keyRow.getByRole("button", { name: `Actions for ${label}` }).click();
    await page.getByRole("menuitem", { name: "Rotate secret" }).click();
    const rotate = page.getByRole("alertdialog", { name: `Rotate the secret of ${label}?` });
    await expect(rotate.getByLabel("The old key keeps working for")).toContainText("1 day");
    await shot(page, "partner-keys-rotate-en");
    await rotate.getByRole("button", { name: "Rotate" }).click();
    const rotated = page.getByRole("dialog", { name: "Save the new secret now" });
    const newAccessKey = await rotated.getByTestId("partner-accessKey").innerText();
    const newSecret = await rotated.getByTestId("partner-secret").innerText();
    expect(newAccessKey).not.toBe(accessKey);
    await rotated.getByRole("button", { name: "I have saved the secret" }).click();
    await expect(rotated).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(newSecret);
    await expect(keyRow.getByTestId("partner-key-status")).toContainText(/^Retiring ?until /);
    await expect(page.getByRole("row").filter({ hasText: newAccessKey }).getByTestId("partner-key-status")).toHaveText("Active");
    await shot(page, "partner-keys-rotated-en");

    // Revoke the old key, confirmed: the row says Revoked and the key is refused.
    await keyRow.getByRole("button", { name: `Actions for ${label}` }).click();
    await page.getByRole("menuitem", { name: "Revoke" }).click();
    const confirm = page.getByRole("alertdialog", { name: `Revoke ${label}?` });
    await expect(confirm).toContainText(accessKey);
    await shot(page, "partner-keys-revoke-en");
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(keyRow.getByTestId("partner-key-status")).toHaveText("Revoked");
    expect(runExample("curl", examples.curl, env)).toContain("HTTP 401");

    await page.getByRole("button", { name: "Status" }).click();
    await page.getByRole("menuitemradio", { name: "Revoked" }).click();
    await expect(page.getByRole("row").filter({ hasText: accessKey })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: newAccessKey })).toHaveCount(0);
    await page.getByRole("button", { name: "Status" }).click();
    await page.getByRole("menuitemradio", { name: "Active" }).click();
    await expect(page.getByRole("row").filter({ hasText: newAccessKey })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: accessKey })).toHaveCount(0);
  });

  test("both pages in Chinese", async ({ page }) => {
    await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
    await page.goto("/partner-keys");
    await expect(page.getByRole("heading", { name: "合作方 API 密钥" })).toBeVisible();
    await expect(page.getByText("加载中…")).toHaveCount(0);
    await shot(page, "partner-keys-zh");
    await page.getByRole("button", { name: "新建合作方密钥" }).first().click();
    await page.getByRole("dialog", { name: "新建合作方密钥" }).getByRole("button", { name: "创建密钥" }).click();
    await expect(page.getByText("请至少选择一个权限范围。")).toBeVisible();
    await shot(page, "partner-keys-create-zh");
    await page.goto("/partner-keys/reference");
    await expect(page.getByRole("heading", { name: "合作方 API 参考" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "请求签名" })).toBeVisible();
    await shot(page, "partner-reference-zh");
    await page.locator("article#registerCustomer").scrollIntoViewIfNeeded();
    await shot(page, "partner-reference-operation-zh");
  });
});
