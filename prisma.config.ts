/**
 * Prisma CLI configuration. Migrations run on Prisma 6.19's WASM schema engine through a driver
 * adapter, because this project must build on machines that cannot download Prisma's native engines
 * (see ../shared/STACK.md). The CLI skips `.env` when a config file exists, so defaults live here.
 */
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL } from "./server/env-defaults";
import { createMigrateAdapterFactory } from "./prisma/migrate-adapter";

// `generate` otherwise tries to download a query engine; the client uses the TS query compiler instead.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= path.resolve("package.json");
if (fs.existsSync(".env")) process.loadEnvFile?.(".env");
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  adapter: async () => createMigrateAdapterFactory(process.env.DATABASE_URL!),
});
