/**
 * Shared e2e helpers: the demo accounts (seeded into brokerdesk_e2e before the server starts);
 * `login`, which signs in through the real form, second factor included; and the shared sessions:
 * the "setup" project (e2e/auth.setup.ts) signs each account of SHARED_SESSION_ACCOUNTS in once per
 * run and saves its cookies, and specs start from them with `test.use(asRole(account))` or change
 * account mid-test with `switchTo(page, account)`.
 *
 * A shared session is used by many tests, so a test must never end it: signing out, "sign out
 * everywhere", changing the account's password or role, resetting its second factor or disabling it
 * all need a fresh sign-in through the form (`loginAs`) or an account of the test's own. Sessions
 * expire after 30 idle minutes (SESSION_IDLE_MINUTES), far more than the whole suite takes.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { DEMO, DEMO_PASSWORD, type DemoAccount } from "../prisma/demo-accounts";

export { DEMO, DEMO_ACCOUNTS, DEMO_BRANDS, DEMO_PASSWORD, demoAccount, type DemoAccount } from "../prisma/demo-accounts";

const STEP_SECONDS = 30;

/**
 * The server refuses a TOTP step at or before the last one it accepted (replay protection) and accepts
 * one step of drift. So per secret this worker remembers the last step it used and answers with the
 * current step, else the next one; only a third sign-in within one 30-second window has to wait for
 * the clock (which is why there is a timed wait here at all).
 */
// Kept in a file, not in memory: Playwright starts a new worker process after a failed test, and a
// new process must not reuse a step the server has already seen.
const STEPS_FILE = path.join("test-results", "e2e-totp-steps.json");
const lastStepUsed = {
  read(): Record<string, number> {
    try {
      return JSON.parse(fs.readFileSync(STEPS_FILE, "utf8")) as Record<string, number>;
    } catch {
      return {};
    }
  },
  get(secret: string): number | undefined {
    return this.read()[secret];
  },
  set(secret: string, step: number) {
    fs.mkdirSync(path.dirname(STEPS_FILE), { recursive: true });
    fs.writeFileSync(STEPS_FILE, JSON.stringify({ ...this.read(), [secret]: step }));
  },
};

export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 1000 / STEP_SECONDS);
    const target = Math.max(step, (lastStepUsed.get(secret) ?? -1) + 1);
    if (target <= step + 1) {
      lastStepUsed.set(secret, target);
      return generate({ secret, epoch: target * STEP_SECONDS });
    }
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * STEP_SECONDS * 1000 - Date.now() + 50));
  }
}

/**
 * Signs in through /login: email and password, then the authentication code when the form asks for
 * one (`totpSecret` given). Resolves once the browser has left the login page; throws at once when
 * the form shows its generic error (test id `login-error`).
 */
export async function login(page: Page, email: string, password: string, totpSecret?: string | null): Promise<void> {
  const error = page.getByTestId("login-error");
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  if (totpSecret) {
    const code = page.getByLabel("Authentication code", { exact: true });
    await expect(code.or(error)).toBeVisible();
    if (await error.isVisible()) throw new Error(`Sign-in as ${email} was refused at the password step`);
    await code.fill(await freshTotpCode(totpSecret));
    await page.getByRole("button", { name: /sign in/i }).click();
  }
  await leftLoginPage(page, email);
}

/** Waits until the browser leaves /login, or fails fast when the form shows its error. */
async function leftLoginPage(page: Page, email: string) {
  const left = page.waitForURL((url) => !url.pathname.startsWith("/login")).then(() => "left" as const);
  const refused = page.getByTestId("login-error").waitFor({ state: "visible" }).then(() => "refused" as const);
  // The loser keeps waiting until the page closes; its rejection then is expected.
  left.catch(() => undefined);
  refused.catch(() => undefined);
  if ((await Promise.race([left, refused])) === "refused") throw new Error(`Sign-in as ${email} was refused`);
}

/** Signs in as a demo account (see prisma/demo-accounts.ts), with its TOTP secret when it has one. */
export async function loginAs(page: Page, account: { email: string; totpSecret: string | null }, password?: string) {
  await login(page, account.email, password ?? DEMO_PASSWORD, account.totpSecret);
}

/**
 * The accounts the setup project signs in once per run. Not borealis' support: auth.spec.ts locks
 * that one out on purpose.
 */
export const SHARED_SESSION_ACCOUNTS: readonly DemoAccount[] = [
  DEMO.platform,
  DEMO.aurora.admin,
  DEMO.aurora.operations,
  DEMO.aurora.compliance,
  DEMO.aurora.compliance2,
  DEMO.aurora.marketing,
  DEMO.aurora.support,
  DEMO.borealis.admin,
];

/** Where the setup project saves the account's signed-in browser state (gitignored, like all of test-results/). */
export function storageStateFile(account: { email: string }): string {
  if (!SHARED_SESSION_ACCOUNTS.some((shared) => shared.email === account.email)) {
    throw new Error(`${account.email} has no shared session: add it to SHARED_SESSION_ACCOUNTS in e2e/helpers.ts`);
  }
  return path.join("test-results", ".auth", `${account.email}.json`);
}

/**
 * For `test.use(asRole(DEMO.aurora.operations))`: the tests of the file (or of the `test.describe`
 * block) start signed in as the account, with the session the setup project saved.
 */
export function asRole(account: { email: string }): { storageState: string } {
  return { storageState: storageStateFile(account) };
}

/**
 * Mid-test change of account: the browser's cookies become the account's shared session (saved by the
 * setup project). Navigate afterwards; the current page keeps what it has rendered.
 */
export async function switchTo(page: Page, account: { email: string }): Promise<void> {
  const state = JSON.parse(fs.readFileSync(storageStateFile(account), "utf8")) as {
    cookies: Parameters<BrowserContext["addCookies"]>[0];
  };
  await page.context().clearCookies();
  await page.context().addCookies(state.cookies);
}
