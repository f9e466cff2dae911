/**
 * The audit log reads as sentences: an admin edits a customer, then finds the entry in the audit log as
 * "<admin> edited the profile of customer <name>", opens it and sees the changed field before and after,
 * with the raw record one click away — in English and in Chinese. The seeded frozen customer's timeline
 * names who froze them.
 */
import pg from "pg";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";
import { expect, test } from "./fixtures";
import { asRole, DEMO } from "./helpers";

/** A customer of aurora written straight to the run's database: the test is about the edit, not registering. */
async function createCustomer(name: string, email: string): Promise<string> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO customer (id, brand_id, name, email, country, registration_source, updated_at)
       SELECT gen_random_uuid(), id, $1, $2, 'SG', 'web', now() FROM brand WHERE slug = 'aurora' RETURNING id`,
      [name, email],
    );
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}

test.describe(() => {
  test.use(asRole(DEMO.aurora.admin));

  test("an admin's customer edit reads as a sentence with a field table, in English and Chinese", async ({ page }) => {
    test.setTimeout(90_000);
    const stamp = Date.now();
    const before = `Audit Before ${stamp}`;
    const after = `Audit After ${stamp}`;
    const id = await createCustomer(before, `audit.${stamp}@example.com`);

    // The change: the customer's name, through the edit dialog.
    await page.goto(`/customers/${id}`);
    await page.getByRole("button", { name: "Edit profile" }).click();
    const edit = page.getByRole("dialog");
    await edit.getByLabel("Name").fill(after);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { name: after })).toBeVisible();

    // The audit log, filtered to the customer: the edit as a sentence, the actor by name, the customer linked.
    await page.goto(`/audit?entityType=customer&entityId=${id}`);
    const sentence = `${DEMO.aurora.admin.name} edited the profile of customer ${after}`;
    const row = page.getByRole("row").filter({ hasText: sentence });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("link", { name: after })).toHaveAttribute("href", `/customers/${id}`);
    await expect(row).toContainText("Customer profile edited");
    await expect(page.getByText("customer.update")).toHaveCount(0);

    // The entry: its changed field with before and after; the raw JSON behind a disclosure.
    await row.getByText("edited the profile of customer").click();
    const sheet = page.getByRole("dialog");
    const changes = sheet.getByRole("table", { name: "Changes" });
    await expect(changes.getByRole("row", { name: `Name ${before} ${after}` })).toBeVisible();
    await expect(changes.getByRole("row")).toHaveCount(2);
    const raw = sheet.getByText("Raw record (JSON)");
    await expect(sheet.getByRole("region", { name: "After" })).toBeHidden();
    await raw.click();
    await expect(sheet.getByRole("region", { name: "After" })).toContainText(`"name": "${after}"`);
    await page.keyboard.press("Escape");

    // In Chinese: the same entry in Chinese words.
    await page.context().addCookies([{ name: "bd-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
    await page.reload();
    const zhRow = page.getByRole("row").filter({ hasText: `${DEMO.aurora.admin.name} 编辑了客户 ${after} 的资料` });
    await expect(zhRow).toHaveCount(1);
    await expect(zhRow).toContainText("编辑客户资料");
    await zhRow.getByText("编辑了客户").click();
    const zhChanges = page.getByRole("dialog").getByRole("table", { name: "变更" });
    await expect(zhChanges.getByRole("columnheader", { name: "字段" })).toBeVisible();
    await expect(zhChanges.getByRole("row", { name: `名称 ${before} ${after}` })).toBeVisible();
    await expect(page.getByRole("dialog").getByText("原始记录（JSON）")).toBeVisible();
  });

  test("a seeded frozen customer's timeline names the staff member who froze them", async ({ page }) => {
    await page.goto(`/customers?q=${encodeURIComponent("emma.clarke@example.net")}`);
    await page.getByRole("link", { name: "Emma Clarke" }).click();
    await page.getByRole("tab", { name: "Timeline" }).click();
    const freeze = page.getByRole("list", { name: "Timeline" }).locator(":scope > li").filter({ hasText: "Frozen" });
    await expect(freeze.first()).toContainText(`by ${DEMO.aurora.operations.name}`);
    await expect(freeze.first()).toContainText("Chargeback dispute on a card deposit");
  });
});
