/**
 * The jobs page: a brand admin sees the audit-verify queue and its schedule, runs it now for the brand (no
 * worker runs during e2e, so the job stays waiting) and lists the waiting jobs, but cannot pause a queue
 * every brand shares; the platform admin pauses and resumes it; support, without jobs.read, gets the
 * forbidden page; the platform admin retries a system job that failed in a worker (started by the test
 * itself, on the e2e server's queues) and sees it complete.
 *
 * Redis outlives the e2e database, so the queue may hold jobs (or even be paused) from an earlier run:
 * the test only asserts what it caused.
 */
import { expect, test } from "./fixtures";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { asRole, DEMO } from "./helpers";

/** The e2e server's queues (playwright.config.ts sets JOBS_PREFIX for it). */
const PREFIX = "bull-e2e";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

test.describe(() => {
  test.use(asRole(DEMO.aurora.admin));

  test("a brand admin runs the audit-verify queue now for the brand and sees it waiting, with no pause for a shared queue", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto("/jobs");
    await expect(page.getByRole("heading", { name: "Jobs", exact: true })).toBeVisible();

    const card = page.getByRole("region", { name: /^audit-verify/ });
    await expect(card).toBeVisible();
    // The schedule in words and as its cron pattern.
    await expect(card.getByText("Daily at 03:15")).toBeVisible();
    await expect(card.getByText("15 3 * * *", { exact: true })).toBeVisible();
    await expect(page.getByText(/Updated (just now|\d+ s ago)/)).toBeVisible();

    // Queues are shared by every brand: pausing one is the platform admin's.
    await expect(card.getByRole("button", { name: /^(Pause|Resume) audit-verify$/ })).toHaveCount(0);

    // Run now: a new job, or (a rerun within the same minute) the one this minute already has.
    await card.getByRole("button", { name: "Run audit-verify now" }).click();
    await expect(
      page.getByText(/A run of audit-verify was (added to the queue|already added this minute; no second job was added)/),
    ).toBeVisible();
    const waiting = card.getByRole("button", { name: /^Waiting/ });
    await expect(waiting).toHaveText(/^Waiting\s*[1-9][\d,]*$/);

    // The count is a filter: the list below shows the waiting run-now job, and a row opens its details.
    await waiting.click();
    await expect(waiting).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/[?&]state=waiting/);
    await expect(page.getByRole("heading", { name: "Waiting jobs — audit-verify" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: /audit-verify\.manual\./ }).first();
    await expect(row).toBeVisible();
    // The id cell: the middle of the row may hold the Retry / Remove buttons.
    await row.getByRole("cell").first().click();
    const details = page.getByRole("dialog");
    await expect(details.getByRole("heading", { name: "Payload" })).toBeVisible();
    await expect(details.getByText("Waiting", { exact: true })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(details).toHaveCount(0);
  });
});

test.describe(() => {
  test.use(asRole(DEMO.platform));

  test("the platform admin pauses and resumes a queue for every brand", async ({ page }) => {
    await page.goto("/jobs");
    const card = page.getByRole("region", { name: /^audit-verify/ });
    const pause = card.getByRole("button", { name: "Pause audit-verify" });
    const resume = card.getByRole("button", { name: "Resume audit-verify" });
    await expect(pause.or(resume)).toBeVisible();
    // Left paused by an interrupted earlier run: start from a running queue.
    if (await resume.isVisible()) {
      await resume.click();
      await expect(pause).toBeVisible();
    }

    // Pause asks first; Cancel leaves the queue running.
    await pause.click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm.getByText("Scheduled runs will wait until resumed", { exact: false })).toBeVisible();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(pause).toBeVisible();

    await pause.click();
    await confirm.getByRole("button", { name: "Pause", exact: true }).click();
    await expect(page.getByText("audit-verify is paused")).toBeVisible();
    await expect(confirm).toHaveCount(0);
    await expect(card.getByText("Paused", { exact: true })).toBeVisible();

    // Resume needs no confirmation.
    await resume.click();
    await expect(page.getByText("audit-verify is running again")).toBeVisible();
    await expect(pause).toBeVisible();
    await expect(card.getByText("Running", { exact: true })).toBeVisible();
  });
});

test.describe(() => {
  test.use(asRole(DEMO.aurora.support));

  test("support cannot open the jobs page", async ({ page }) => {
    await page.goto("/jobs");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByRole("region", { name: /^audit-verify/ })).toHaveCount(0);
    // The procedures refuse too, not just the page.
    const response = await page.request.get("/api/trpc/jobs.overview");
    expect(response.status()).toBe(403);
  });
});

test.describe(() => {
  // A job with no brand in its payload is the platform's to retry (brand staff retry their brand's own).
  test.use(asRole(DEMO.platform));

  test("the platform admin retries a failed system job from the jobs page and it completes", async ({ page }) => {
    test.setTimeout(60_000);
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue("audit-verify", { connection, prefix: PREFIX });
    // The exchange is "down" until the admin has seen the failure.
    let healthy = false;
    const worker = new Worker(
      "audit-verify",
      async (job) => {
        if (job.id?.startsWith("e2e-retry.") && !healthy) throw new Error("Simulated exchange outage");
        return { ok: true };
      },
      { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix: PREFIX },
    );
    try {
      const id = `e2e-retry.${Date.now()}`;
      await queue.add("audit-verify", {}, { jobId: id, attempts: 1 });
      await expect.poll(async () => (await queue.getJob(id))?.getState(), { timeout: 15_000 }).toBe("failed");

      await page.goto("/jobs?queue=audit-verify&state=failed");
      const row = page.getByRole("row").filter({ hasText: id });
      await expect(row).toContainText("Simulated exchange outage");

      healthy = true;
      await row.getByRole("button", { name: `Retry job ${id}` }).click();
      await expect(page.getByText(`Job ${id} is waiting to be retried`)).toBeVisible();
      await expect.poll(async () => (await queue.getJob(id))?.getState(), { timeout: 15_000 }).toBe("completed");
      // The list refreshes on its own: the job leaves the failed list.
      await expect(page.getByRole("row").filter({ hasText: id })).toHaveCount(0, { timeout: 15_000 });
    } finally {
      await worker.close();
      await queue.close();
      connection.disconnect();
    }
  });
});
