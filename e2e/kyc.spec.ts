/**
 * The compliance desk on the seeded applications (prisma/seed/kyc.ts): a reviewer claims a level 1
 * application, reads its documents beside the declared data, approves it and lands on the next one,
 * raising the customer's KYC level; a decided application offers no Release; a level 3
 * application first-approved by compliance@ waits until a different reviewer gives the second approval;
 * operations opens an application for a new customer and uploads its documents through the browser.
 */
import { expect, test, type Page } from "./fixtures";
import { DEMO_CUSTOMERS } from "../prisma/seed/demo-customers";
import { sampleDocument, type SampleSubject } from "../prisma/seed/sample-documents";
import { asRole, DEMO, switchTo } from "./helpers";

const { linMei, noahFischer } = DEMO_CUSTOMERS.aurora;

/** Opens the customer's application from the queue (searching by name). */
async function openFromQueue(page: Page, name: string) {
  await page.goto("/kyc");
  await page.getByRole("searchbox", { name: "Search" }).fill(name);
  // The search reaches the URL after a pause; clicking before that would race its navigation.
  await expect(page).toHaveURL(/[?&]q=/);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name: new RegExp(name) })).toBeVisible();
}

test.describe(() => {
  test.use({ ...asRole(DEMO.aurora.compliance), viewport: { width: 1440, height: 900 } });

  test("compliance claims a level 1 application, views its documents beside the declared data, approves it and opens the next", async ({ page }) => {
    test.setTimeout(60_000);
    await openFromQueue(page, linMei.name);

    // The first document and what the applicant declared are on screen together, no dialog over either.
    const viewer = page.getByTestId("kyc-document-viewer");
    const declared = page.getByRole("region", { name: "Application" });
    await expect(viewer.getByRole("img", { name: /ID document — front/ })).toBeInViewport();
    await expect(declared.getByText("Declared by the applicant")).toBeInViewport();
    await expect(declared.getByText(linMei.name, { exact: true })).toBeInViewport();
    await expect(page.getByRole("dialog")).toHaveCount(0);

    // Not claimed yet: approval is not offered.
    await expect(page.getByText("Not ready to approve: claim the application first.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await page.getByRole("button", { name: "Claim" }).click();
    await expect(page.getByText(`You claimed the application of ${linMei.name}.`)).toBeVisible();

    // The documents: each one shows in the viewer, served by the document route.
    await expect(page.getByText("Every required document is here.")).toBeVisible();
    await page.getByRole("button", { name: /^Show ID document — front/ }).click();
    const image = viewer.getByRole("img", { name: /ID document — front/ });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await viewer.getByRole("button", { name: "Next document" }).click();
    await expect(viewer.getByRole("img", { name: /ID document — back/ })).toBeVisible();
    await expect(declared.getByText("Declared by the applicant")).toBeInViewport();

    const approvedAt = page.url();
    await page.getByRole("button", { name: "Approve and open next" }).click();
    const confirm = page.getByRole("alertdialog").or(page.getByRole("dialog"));
    await expect(confirm).toContainText("their KYC level becomes 1");
    await confirm.getByRole("button", { name: "Approve and open next" }).click();
    await expect(page.getByText(`The application of ${linMei.name} is approved.`)).toBeVisible();
    // The next application of the queue opens: another customer's, not yet decided.
    await expect(page).not.toHaveURL(approvedAt);
    await expect(page).toHaveURL(/\/kyc\/[0-9a-f-]{36}$/);
    const heading = page.getByRole("heading", { name: /^KYC application of / });
    await expect(heading).toBeVisible();
    await expect(heading).not.toContainText(linMei.name);

    // The decided one offers no Release, even to the reviewer who decided it.
    await page.goto(approvedAt);
    await expect(page.getByRole("heading", { name: new RegExp(linMei.name) })).toBeVisible();
    await expect(page.getByTestId("kyc-assignee")).toContainText("You");
    await expect(page.getByRole("button", { name: "Release" })).toHaveCount(0);

    // The customer's level moved, and their timeline has the approval.
    await page.goto(`/customers?q=${encodeURIComponent(linMei.email)}`);
    const row = page.getByRole("row").nth(1);
    await expect(row).toContainText(linMei.name);
    await expect(row).toContainText("L1");
    await row.getByRole("link", { name: linMei.name }).click();
    await page.getByRole("tab", { name: "Timeline" }).click();
    const entries = page.getByRole("list", { name: "Timeline" }).locator(":scope > li");
    await expect(entries.filter({ hasText: "KYC application approved" })).toHaveCount(1);
    await expect(entries.filter({ hasText: "KYC level changed" }).first()).toContainText("changed to1");
  });

  test("a level 3 approval waits for a second, different reviewer", async ({ page }) => {
    test.setTimeout(90_000);
    // The first approver cannot give the second approval.
    await openFromQueue(page, noahFischer.name);
    await expect(page.getByText("Waiting for a second reviewer")).toBeVisible();
    await expect(page.getByText("You gave the first approval, so another compliance reviewer must give the second.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Claim" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);

    // A second reviewer claims and approves; only now does the customer's level change.
    await switchTo(page, DEMO.aurora.compliance2);
    await openFromQueue(page, noahFischer.name);
    await page.getByRole("button", { name: "Claim" }).click();
    await expect(page.getByText("You are giving the second approval", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    const confirm = page.getByRole("alertdialog").or(page.getByRole("dialog"));
    await expect(confirm).toContainText("Give the second approval?");
    await confirm.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByText(`The application of ${noahFischer.name} is approved.`)).toBeVisible();

    await page.goto(`/customers?q=${encodeURIComponent(noahFischer.email)}`);
    await expect(page.getByRole("row").nth(1)).toContainText("L3");
  });
});

test.describe(() => {
  test.use(asRole(DEMO.aurora.operations));

  test("operations opens an application and uploads its documents; a file that is not an image is refused", async ({ page }) => {
    test.setTimeout(90_000);
    const stamp = Date.now();
    const name = `Uma Upload ${stamp}`;

    // A new customer, registered from the back office.
    await page.goto("/customers");
    await page.getByRole("button", { name: "Register customer" }).first().click();
    const register = page.getByRole("dialog");
    await register.getByLabel("Name").fill(name);
    await register.getByLabel("Email").fill(`uma.${stamp}@example.com`);
    await register.getByRole("button", { name: "Country" }).click();
    await page.getByRole("combobox", { name: "Search countries…" }).fill("Singap");
    await page.getByRole("option", { name: /Singapore/ }).click();
    await register.getByRole("combobox", { name: "Language" }).click();
    await page.getByRole("option", { name: "English" }).click();
    await register.getByRole("button", { name: "Register", exact: true }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();

    // KYC tab → New application (level 1, open a trading account).
    await page.getByRole("tab", { name: "KYC" }).click();
    await page.getByRole("button", { name: "New application" }).first().click();
    const form = page.getByRole("dialog");
    await form.getByRole("combobox", { name: "Business scenario" }).click();
    await page.getByRole("option", { name: "Open a trading account" }).click();
    await form.getByRole("combobox", { name: "Level" }).click();
    await page.getByRole("option", { name: /^Level 1/ }).click();
    await form.getByRole("combobox", { name: "ID type" }).click();
    await page.getByRole("option", { name: "Passport" }).click();
    await form.getByLabel("ID number").fill("K1234567");
    await form.getByRole("button", { name: "Submit application" }).click();
    await expect(page).toHaveURL(/\/kyc\/[0-9a-f-]{36}$/);
    // Operations upload but do not view identity documents.
    await expect(page.getByText("0 uploaded")).toBeVisible();
    await expect(page.getByText("Identity documents can be viewed by compliance and administrators only.")).toBeVisible();

    const upload = page.getByRole("region", { name: "Add a document" }).or(page.getByRole("form", { name: "Add a document" }));
    const subject: SampleSubject = { name, country: "SG", idType: "passport", idNumber: "K1234567", dateOfBirth: "1990-04-01", seed: 7 };

    // Bytes decide the type, not the name: an HTML page called .png is refused and nothing is stored.
    await upload.getByRole("combobox").click();
    await page.getByRole("option", { name: /ID document — front/ }).click();
    await upload.getByLabel("File").setInputFiles({ name: "passport.png", mimeType: "image/png", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
    await upload.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByText("passport.png was refused", { exact: false })).toBeVisible();
    await expect(page.getByText("0 uploaded")).toBeVisible();

    for (const [kind, label] of [
      ["id_front", "ID document — front"],
      ["id_back", "ID document — back"],
      ["selfie", "Selfie"],
    ] as const) {
      const file = sampleDocument(kind, subject);
      await upload.getByRole("combobox").click();
      await page.getByRole("option", { name: new RegExp(`^${label}`) }).click();
      await upload.getByLabel("File").setInputFiles({ name: file.fileName, mimeType: "image/png", buffer: Buffer.from(file.bytes) });
      await upload.getByRole("button", { name: "Upload" }).click();
      await expect(page.getByText(`${label} uploaded (${file.fileName}).`)).toBeVisible();
    }
    await expect(page.getByText("Every required document is here.")).toBeVisible();
    await expect(page.getByText("3 uploaded")).toBeVisible();
  });
});
