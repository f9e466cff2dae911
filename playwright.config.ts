/**
 * End-to-end tests: Debian's chromium against the built app (`next start` on port 3100) with its own
 * database, `brokerdesk_e2e`, recreated, migrated and seeded with the demo accounts on every run.
 *
 * Playwright starts `webServer` BEFORE `globalSetup`, so the database cannot be prepared in a
 * globalSetup: scripts/e2e-server.sh prepares it and then starts the server. The app must be built
 * first: `bash scripts/e2e.sh` (builds when sources changed, then runs this) or `npm test`.
 */
import { defineConfig, devices } from "@playwright/test";
import "./server/load-env";
import { e2eDatabaseUrl } from "./tests/setup/test-databases";

const PORT = 3100;
const baseURL = `http://127.0.0.1:${PORT}`;
/** The e2e run's own OKX simulator: both "no credentials" and "entered credentials" point at it, so no test reaches the internet. */
const SIM_PORT = 8797;
const simURL = `http://127.0.0.1:${SIM_PORT}`;
const CI = Boolean(process.env.CI);

const chromium = {
  ...devices["Desktop Chrome"],
  // Never `npx playwright install` (it downloads a browser): Debian's chromium, see ../shared/STACK.md.
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/playwright",
  fullyParallel: false,
  // 2 cores: the server, chromium and the test runner already fill them.
  workers: 1,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
    timezoneId: "UTC",
  },
  projects: [
    // Signs each shared demo account in once and saves its cookies (e2e/auth.setup.ts): the specs
    // start from those sessions instead of signing in through the form in every test.
    // Its teardown runs once every spec is done: the sweep for bearer values (e2e/bearer-sweep.teardown.ts).
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: chromium, teardown: "sweep" },
    { name: "chromium", use: chromium, dependencies: ["setup"] },
    { name: "sweep", testMatch: /bearer-sweep\.teardown\.ts$/ },
  ],
  webServer: [
    {
      command: "npx tsx --conditions=react-server server/exchange/sim/main.ts",
      url: `${simURL}/sim/admin/stats`,
      env: { OKX_SIM_PORT: String(SIM_PORT), OKX_SIM_DATA_DIR: "test-results/okx-sim-e2e", OKX_SIM_REBATE_DELAY_MS: "500" },
      reuseExistingServer: !CI,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "bash scripts/e2e-server.sh",
      url: `${baseURL}/login`,
      env: {
        DATABASE_URL: e2eDatabaseUrl(),
        NEXTAUTH_URL: baseURL,
        PORT: String(PORT),
        // A throwaway installation: the built-in development secrets are allowed (server/secrets-policy.ts).
        ALLOW_DEV_SECRETS: "1",
        OKX_SIM_URL: simURL,
        OKX_BASE_URL: simURL,
        // The run's own document store, emptied with the database (scripts/e2e-server.sh).
        KYC_STORAGE_DIR: "test-results/e2e-kyc-documents",
        // The run's own job queues, emptied with the database.
        JOBS_PREFIX: "bull-e2e",
        // A copy of everything the server prints, for the bearer-value sweep (e2e/bearer-sweep.teardown.ts).
        E2E_SERVER_LOG: "test-results/e2e-server.log",
      },
      reuseExistingServer: !CI,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
