/**
 * The dashboard per role: each demo role sees its own tiles with the live counts the database holds
 * (other specs change data at the same time, so each check re-reads the database and the page until they
 * agree), and a tile opens its list with the same filter shown in the list's toolbar.
 */
import pg from "pg";
import { expect, test, type Page } from "./fixtures";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";
import { asRole, DEMO } from "./helpers";

const CAP = 1000;

/** One count over aurora's rows; `$1` is aurora's brand id, `$2` the optional staff email. */
async function count(sql: string, email?: string): Promise<number> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const brand = await client.query<{ id: string }>("SELECT id::text FROM brand WHERE slug = 'aurora'");
    const params: unknown[] = [brand.rows[0].id];
    if (email) params.push(email);
    const { rows } = await client.query<{ n: number }>(`SELECT (${sql})::int AS n`, params);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** How the tile writes a count in English: grouped, and "1,000+" past the cap. */
const shown = (n: number) => (n > CAP ? `${CAP.toLocaleString("en-US")}+` : n.toLocaleString("en-US"));

/** The tile shows what the database holds now (re-read together, until a concurrent change settles). */
async function expectLiveCount(page: Page, tileId: string, sql: string, email?: string) {
  await expect(async () => {
    const expected = shown(await count(sql, email));
    await page.goto("/");
    await expect(page.getByTestId(`tile-${tileId}`).getByTestId("tile-figure")).toHaveText(expected, { timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
}

const WAITING_KYC = `SELECT count(*) FROM kyc_application WHERE brand_id = $1::uuid AND status IN ('submitted', 'in_review', 'pending_second_approval')`;

async function expectTiles(page: Page, ids: string[]) {
  await page.goto("/");
  for (const id of ids) await expect(page.getByTestId(`tile-${id}`)).toBeVisible();
  await expect(page.locator("[data-state=error]")).toHaveCount(0);
}

test.describe("compliance", () => {
  test.use(asRole(DEMO.aurora.compliance));

  test("sees the review queue, its SLA and their own claims, and the queue tile opens the queue filtered", async ({ page }) => {
    test.setTimeout(90_000);
    await expectTiles(page, ["kyc.queue", "kyc.oldest", "kyc.sla", "kyc.mine"]);
    await expect(page.getByTestId("tile-fundLocks.active")).toHaveCount(0);
    await expectLiveCount(page, "kyc.queue", WAITING_KYC);
    await expectLiveCount(
      page,
      "kyc.mine",
      `SELECT count(*) FROM kyc_application WHERE brand_id = $1::uuid AND status IN ('in_review', 'pending_second_approval')
         AND assignee_id = (SELECT id FROM staff_user WHERE email = $2)`,
      DEMO.aurora.compliance.email,
    );
    await expect(page.getByTestId("chart-kyc.decisions")).toBeVisible();

    await page.getByTestId("tile-kyc.queue").click();
    await expect(page).toHaveURL(/\/kyc\?status=submitted,in_review,pending_second_approval/);
    // Three statuses: the filter button counts them.
    await expect(page.getByRole("button", { name: /Status.*3 selected/ })).toBeVisible();
  });
});

test.describe("operations", () => {
  test.use(asRole(DEMO.aurora.operations));

  test("sees freezes, fund locks, jobs, sync age and unbound keys, and the locks tile opens the active locks", async ({ page }) => {
    test.setTimeout(90_000);
    await expectTiles(page, ["customers.frozenToday", "fundLocks.active", "fundLocks.expiring", "jobs.failed", "exchange.syncFreshness", "apiKeys.unbound"]);
    await expect(page.getByTestId("tile-kyc.mine")).toHaveCount(0);
    await expectLiveCount(
      page,
      "fundLocks.active",
      `SELECT count(*) FROM fund_lock WHERE brand_id = $1::uuid AND ended_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
    );
    await expectLiveCount(
      page,
      "apiKeys.unbound",
      `SELECT count(*) FROM subaccount_api_key WHERE brand_id = $1::uuid AND cardinality(ips) = 0 AND perms && ARRAY['trade', 'withdraw']`,
    );

    await page.getByTestId("tile-fundLocks.active").click();
    await expect(page).toHaveURL(/\/fund-locks\?status=active/);
    await expect(page.getByRole("button", { name: /Status.*Active/ })).toBeVisible();

    // "Frozen today": frozen customers whose status changed since midnight (UTC), both filters shown.
    await page.goto("/");
    await page.getByTestId("tile-customers.frozenToday").click();
    await expect(page).toHaveURL(/\/customers\?status=frozen&statusChangedFrom=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByRole("button", { name: /Status.*Frozen/ })).toBeVisible();
    // A date range with a value is drawn solid, an empty one dashed.
    await expect(page.getByRole("group", { name: "Status changed" })).not.toHaveClass(/border-dashed/);
  });
});

test.describe("marketing", () => {
  test.use(asRole(DEMO.aurora.marketing));

  test("sees campaigns, grants waiting and expiring credit, with the credit chart", async ({ page }) => {
    test.setTimeout(90_000);
    await expectTiles(page, ["bonuses.activeCampaigns", "bonuses.pendingGrants", "bonuses.expiringCredit"]);
    await expect(page.getByTestId("tile-customers.frozenToday")).toHaveCount(0);
    await expectLiveCount(page, "bonuses.activeCampaigns", `SELECT count(*) FROM bonus_campaign WHERE brand_id = $1::uuid AND status = 'active'`);
    await expectLiveCount(
      page,
      "bonuses.pendingGrants",
      `SELECT count(*) FROM bonus_grant WHERE brand_id = $1::uuid AND status = 'pending_approval' AND batch_id IS NULL`,
    );
    await expect(page.getByTestId("chart-bonuses.creditPerDay")).toBeVisible();
    await expect(page.getByTestId("chart-customers.newPerDay")).toBeVisible();

    // The campaigns tile opens the campaigns list filtered to the active ones, the filter shown.
    await page.getByTestId("tile-bonuses.activeCampaigns").click();
    await expect(page).toHaveURL(/\/bonuses\?status=active/);
    await expect(page.getByRole("button", { name: /Status.*Active/ })).toBeVisible();
    const statuses = page.getByRole("table").getByRole("row").filter({ has: page.getByRole("link") });
    await expect(statuses.first()).toContainText("Active");
    for (const row of await statuses.all()) await expect(row).toContainText("Active");
  });
});

test.describe("admin", () => {
  test.use(asRole(DEMO.aurora.admin));

  test("sees locked-out staff and the audit chain, and the locked-out tile opens the staff list filtered to them", async ({ page }) => {
    test.setTimeout(90_000);
    await expectTiles(page, ["kyc.queue", "staff.lockedOut", "audit.chain"]);
    await expectLiveCount(page, "staff.lockedOut", `SELECT count(*) FROM staff_user WHERE brand_id = $1::uuid AND locked_until > now()`);
    await expectLiveCount(page, "kyc.queue", WAITING_KYC);
    await expect(page.getByTestId("tile-audit.chain").getByTestId("tile-figure")).toHaveText("0");

    await page.getByTestId("tile-staff.lockedOut").click();
    await expect(page).toHaveURL(/\/staff\?status=locked/);
    await expect(page.getByRole("button", { name: /Status.*Locked out/ })).toBeVisible();
  });
});
