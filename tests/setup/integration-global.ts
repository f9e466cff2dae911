/**
 * vitest globalSetup for the `integration` project: a fresh, migrated `brokerdesk_test` database per
 * run, handed to the test workers (tests/setup/integration-each.ts) through `provide`.
 */
import "../../scripts/lib/load-env";
import type { TestProject } from "vitest/node";
import { databaseName, prepareDatabase } from "../../scripts/lib/databases";
import { integrationDatabaseUrl } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    integrationDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const url = integrationDatabaseUrl();
  const started = Date.now();
  await prepareDatabase(url);
  console.log(`integration: database ${databaseName(url)} recreated and migrated (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  project.provide("integrationDatabaseUrl", url);
}
