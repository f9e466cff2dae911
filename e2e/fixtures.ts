/**
 * `test` and `expect` for every spec: Playwright's, plus a recorder that appends each answer the app gives
 * the browser (pages, RSC payloads, tRPC, exports: headers and body) to one file of the run, so the sweep
 * at the end (bearer-sweep.teardown.ts) can prove no bearer value ever reached a browser.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test as base } from "@playwright/test";

/** Inside Playwright's outputDir, which each run empties first. */
export const RESPONSES_FILE = path.resolve(__dirname, "../test-results/playwright/responses.txt");
/** The e2e server's stdout and stderr, copied by scripts/e2e-server.sh (E2E_SERVER_LOG). */
export const SERVER_LOG = path.resolve(__dirname, "../test-results/e2e-server.log");

const RECORDED = /json|text\/(html|plain|csv|x-component)/;

export const test = base.extend<{ recordResponses: void }>({
  recordResponses: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const writes: Promise<void>[] = [];
      fs.mkdirSync(path.dirname(RESPONSES_FILE), { recursive: true });
      context.on("response", (response) => {
        if (!response.url().startsWith(origin) || !RECORDED.test(response.headers()["content-type"] ?? "")) return;
        writes.push(
          response
            .text()
            .then((body) => fs.promises.appendFile(RESPONSES_FILE, `${response.url()}\n${JSON.stringify(response.headers())}\n${body}\n`))
            .catch(() => undefined), // a body gone with its page (navigation) has nothing left to check
        );
      });
      await use();
      await Promise.all(writes);
    },
    { auto: true },
  ],
});

export { expect };
export type { BrowserContext, Page } from "@playwright/test";
