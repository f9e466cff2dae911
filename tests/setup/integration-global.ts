/**
 * vitest globalSetup for the `integration` project: a fresh, migrated `brokerdesk_test` database per
 * run, and an OKX simulator of the run's own (brands without credentials reach it through
 * server/exchange/brand-client.ts), both handed to the test workers (tests/setup/integration-each.ts)
 * through `provide`. Tests that count requests or inject faults start their own simulator instead.
 */
import "../../server/load-env";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createSimulator } from "../../server/exchange/sim/server";
import { databaseName, prepareDatabase } from "../../scripts/lib/databases";
import { integrationDatabaseUrl } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    integrationDatabaseUrl: string;
    integrationSimulatorUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const url = integrationDatabaseUrl();
  const started = Date.now();
  await prepareDatabase(url);
  console.log(`integration: database ${databaseName(url)} recreated and migrated (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  project.provide("integrationDatabaseUrl", url);

  const dataDir = await mkdtemp(path.join(os.tmpdir(), "brokerdesk-int-sim-"));
  const sim = await createSimulator({ port: 0, dataDir, log: () => {}, rebateDelayMs: 0 });
  project.provide("integrationSimulatorUrl", sim.url);
  return async () => {
    await sim.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}
