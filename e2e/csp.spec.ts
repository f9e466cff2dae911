/**
 * The Content-Security-Policy (proxy.ts, server/http/csp.ts): every page answers with one carrying a
 * fresh script nonce; the app's own scripts (Next's, next-themes') run under it without a single
 * violation, and a script injected into the page does not run.
 */
import { expect, test, type Page } from "./fixtures";
import { asRole, DEMO } from "./helpers";

type Violation = { directive: string; blocked: string };
type Watched = { __cspViolations: Violation[]; __injected?: number; __injectedHandler?: number };

/** From the first byte of every document: the CSP violations it reports, and the console's errors. */
async function watch(page: Page) {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  // Init scripts are injected by the browser's debugging protocol, so the policy does not apply to them.
  await page.addInitScript(() => {
    const w = window as unknown as Watched;
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      w.__cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
    });
  });
  return {
    consoleErrors,
    violations: () => page.evaluate(() => (window as unknown as Watched).__cspViolations),
  };
}

/** Loads the page and returns the nonce of its policy, after checking the policy's script rules. */
async function loadWithPolicy(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  const policy = response?.headers()["content-security-policy"];
  expect(policy, `${path} has a Content-Security-Policy`).toBeTruthy();
  const scriptSrc = policy!.split(";").map((directive) => directive.trim()).find((directive) => directive.startsWith("script-src "));
  expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'$/);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc!)![1]!;
  // This response's nonce, and no other, is on the page's scripts (Next's and next-themes').
  const scriptNonces = await page.evaluate(() => [...document.scripts].map((script) => script.nonce).filter(Boolean));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  return nonce;
}

const PAGES = [
  {
    title: "the sign-in page, signed out",
    path: "/login",
    session: {},
    /** Hydrated: the theme menu opens and switches the theme; after a reload next-themes' own inline script applies it. */
    async works(page: Page) {
      await expect(page).toHaveURL(/\/login$/);
      await page.getByRole("button", { name: "Theme", exact: true }).click();
      await page.getByRole("menuitemradio", { name: "Dark" }).click();
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      await page.reload();
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
    },
  },
  {
    title: "a portal page, signed in",
    path: "/",
    session: asRole(DEMO.aurora.admin),
    /** Hydrated: the account menu opens. */
    async works(page: Page) {
      await page.getByTestId("user-menu").click();
      await expect(page.getByTestId("user-role")).toHaveText("Admin");
    },
  },
];

for (const { title, path, session, works } of PAGES) {
  test.describe(title, () => {
    test.use(session);

    test("answers with a Content-Security-Policy whose nonce is new on every load", async ({ page }) => {
      const first = await loadWithPolicy(page, path);
      const second = await loadWithPolicy(page, path);
      expect(second).not.toBe(first);
    });

    test("runs the app's own scripts with no violation and no console error", async ({ page }) => {
      const { consoleErrors, violations } = await watch(page);
      expect((await page.goto(path))?.status()).toBe(200);
      await works(page);
      expect(await violations()).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });

    // Injected where an XSS puts it: into the HTML the server sends, or into the DOM as markup. Not by
    // appending a <script> element from running code: 'strict-dynamic' trusts what running script adds (that
    // is how Next's nonced runtime loads its chunks), so the policy's job is to stop that first script.
    test("blocks a script injected into its HTML and an event handler injected into its DOM", async ({ page }) => {
      const { violations } = await watch(page);
      await page.route(
        (url) => url.pathname === path,
        async (route) => {
          if (route.request().resourceType() !== "document") return route.continue();
          const response = await route.fetch();
          const html = (await response.text()).replace("</body>", "<script>window.__injected = 1</script></body>");
          await route.fulfill({ response, body: html });
        },
      );
      expect((await page.goto(path))?.status()).toBe(200);
      await page.evaluate(() => {
        const holder = document.createElement("div");
        holder.innerHTML = `<img src="data:," alt="" onerror="window.__injectedHandler = 1">`;
        document.body.append(holder);
      });
      await expect
        .poll(violations)
        .toEqual([
          { directive: "script-src-elem", blocked: "inline" },
          { directive: "script-src-attr", blocked: "inline" },
        ]);
      const ran = await page.evaluate(() => {
        const w = window as unknown as Watched;
        return { script: w.__injected, handler: w.__injectedHandler };
      });
      expect(ran).toEqual({ script: undefined, handler: undefined });
    });
  });
}
