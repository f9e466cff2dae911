// Flat config: ESLint's and typescript-eslint's recommended rules plus React hooks. Not type-aware
// (fast on 2 cores); `npm run typecheck` covers types. `npm run lint` allows no warnings.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

// Layers point down (../shared/DESIGN.md): app/ → components/ → server/ → lib/, with jobs/ (the worker
// process) beside app/. Nothing below may import what sits above it; lib/ and components/ run in the
// browser too, so they may take server code only as types (erased at build time).
const UPWARD = {
  group: ["@/app", "@/app/**", "@/jobs", "@/jobs/**", "@/scripts", "@/scripts/**", "**/../app/**", "**/../jobs/**", "**/../scripts/**"],
  message: "server/ and lib/ sit below app/, jobs/ and scripts/: move what both need down (the queue registry is server/queues/).",
};
// Server actions ("use server" modules in server/actions/) reach the browser as references, not code.
const SERVER_RUNTIME = {
  regex: "^(@/|(\\.\\./)+)server/(?!actions/)",
  allowTypeImports: true,
  message: "Browser code takes only types from server/: put shared schemas, rules and labels in lib/ (client-safe).",
};
const COMPONENTS = {
  group: ["@/components", "@/components/**", "**/../components/**"],
  message: "lib/ sits below components/.",
};
const restrict = (...patterns) => ({ "@typescript-eslint/no-restricted-imports": ["error", { patterns }] });

export default defineConfig([
  globalIgnores([
    "node_modules/",
    ".next/",
    "out/",
    "server/db/generated/",
    "test-results/",
    "playwright-report/",
    "coverage/",
    "next-env.d.ts",
    "*.tsbuildinfo",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: {
        // For the few .js/.mjs files; TypeScript files get undefined names from the compiler instead.
        console: "readonly",
        process: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        URLSearchParams: "readonly",
        fetch: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        queueMicrotask: "readonly",
        structuredClone: "readonly",
        window: "readonly",
        document: "readonly",
        navigator: "readonly",
        localStorage: "readonly",
        sessionStorage: "readonly",
        __dirname: "readonly",
      },
    },
    rules: {
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  { files: ["server/**/*.{ts,tsx}"], rules: restrict(UPWARD) },
  { files: ["lib/**/*.{ts,tsx}"], rules: restrict(UPWARD, SERVER_RUNTIME, COMPONENTS) },
  { files: ["components/**/*.{ts,tsx}"], rules: restrict(UPWARD, SERVER_RUNTIME) },
]);
