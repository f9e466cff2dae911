/**
 * Two projects, chosen by file suffix (see ../shared/CONVENTIONS.md):
 *  - unit:        `*.test.ts`, pure, no database;
 *  - integration: `*.int.test.ts`, against real PostgreSQL (a fresh `brokerdesk_test` per run, made by
 *    tests/setup/integration-global.ts) and Redis.
 * `npm run test:unit` / `npm run test:int` run one each; Playwright's `e2e/` is not vitest's.
 *
 * `.mts` and no imports of project files: the package is CommonJS, and Vite warns about ESM config
 * files loaded as CommonJS. The test database URL reaches the workers through provide/inject instead.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const exclude = ["**/node_modules/**", "**/.next/**", "e2e/**", "server/db/generated/**", "test-results/**", "playwright-report/**"];

export default defineConfig({
  resolve: {
    alias: [
      // Same as tsconfig's `@/*`.
      { find: /^@\//, replacement: root },
      // `server-only` throws outside React Server Components; tests import server modules directly.
      { find: /^server-only$/, replacement: fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) },
    ],
  },
  test: {
    environment: "node",
    exclude,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [...exclude, "**/*.int.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          globalSetup: ["tests/setup/integration-global.ts"],
          // Points DATABASE_URL at the test database before any test file loads server code.
          setupFiles: ["tests/setup/integration-each.ts"],
          // One file at a time: 2 cores, one database, argon2 hashing in most tests.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
