/** Each role sees exactly its areas in the sidebar, and a page outside them answers 403 with no data. */
import { expect, test } from "./fixtures";
import { nav as navMessages } from "../lib/i18n/messages/en/nav";
import { navFor } from "../lib/nav";
import type { Role } from "../lib/auth/permissions";
import { asRole, DEMO } from "./helpers";

const aurora = DEMO.aurora;
const cases: { role: Role; account: (typeof aurora)[keyof typeof aurora] }[] = [
  { role: "admin", account: aurora.admin },
  { role: "operations", account: aurora.operations },
  { role: "compliance", account: aurora.compliance },
  { role: "marketing", account: aurora.marketing },
  { role: "support", account: aurora.support },
];

const expectedLabels = (role: Role) =>
  navFor(role)
    .flatMap((group) => group.items)
    .map((item) => navMessages.items[item.id as keyof typeof navMessages.items])
    .sort();

for (const { role, account } of cases) {
  test.describe(() => {
    test.use(asRole(account));

    test(`${role} sees exactly the areas the permission map grants`, async ({ page }) => {
      // The home page, where signing in lands.
      await page.goto("/");
      const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
      await expect(links.first()).toBeVisible();
      const labels = (await links.allInnerTexts()).map((text) => text.trim()).filter(Boolean).sort();
      expect(labels).toEqual(expectedLabels(role));
    });
  });
}

test.describe(() => {
  test.use(asRole(aurora.support));

  test("support is refused the staff page and sees no staff data", async ({ page }) => {
    await page.goto("/staff");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByText(aurora.admin.email)).toHaveCount(0);
  });
});

test.describe(() => {
  test.use(asRole(aurora.marketing));

  test("a brand role's tRPC call outside its permissions answers 403", async ({ page }) => {
    const response = await page.request.get("/api/trpc/staff.list?input=" + encodeURIComponent(JSON.stringify({ json: { page: 1, pageSize: 10 } })));
    expect(response.status()).toBe(403);
    expect(await response.text()).not.toContain(aurora.admin.email);
  });
});
