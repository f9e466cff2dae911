/**
 * What the specs that run against the e2e server's OKX simulator share: a worker on the e2e server's
 * database and queues, a tRPC mutation as the signed-in member, and a request signed with a sub-account's
 * own key as the customer's app would send it.
 */
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import pg from "pg";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "./fixtures";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";

export const SIM = "http://127.0.0.1:8797";

/** The worker running only `queues` (comma-separated). */
export function startWorker(queues: string) {
  const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "jobs/worker.ts"], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), JOBS_PREFIX: "bull-e2e", WORKER_QUEUES: queues, OKX_SIM_URL: SIM, OKX_BASE_URL: SIM },
    stdio: ["ignore", "ignore", "ignore"],
  });
  return {
    async stop() {
      if (worker.exitCode !== null) return;
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.kill("SIGTERM");
      await exited;
    },
  };
}

/** A tRPC mutation as the page's signed-in member (same cookies), answering its data. */
export async function mutate<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${procedure}`, { data: { json: input } });
  expect(res.ok(), `${procedure}: ${await res.text()}`).toBe(true);
  return (await res.json()).result.data.json as T;
}

export interface Credentials {
  apiKey: string;
  secretKey: string;
  passphrase: string;
}

/** A request signed with the sub-account's own key, as the customer's app would send it (demo trading). */
export async function signed<T>(request: APIRequestContext, key: Credentials, method: "GET" | "POST", requestPath: string, body?: Record<string, string>): Promise<T> {
  const text = body ? JSON.stringify(body) : "";
  const timestamp = new Date().toISOString();
  const sign = createHmac("sha256", key.secretKey).update(`${timestamp}${method}${requestPath}${text}`).digest("base64");
  const headers = {
    "Content-Type": "application/json",
    "x-simulated-trading": "1",
    "OK-ACCESS-KEY": key.apiKey,
    "OK-ACCESS-SIGN": sign,
    "OK-ACCESS-TIMESTAMP": timestamp,
    "OK-ACCESS-PASSPHRASE": key.passphrase,
  };
  const res = method === "GET" ? await request.get(`${SIM}${requestPath}`, { headers }) : await request.post(`${SIM}${requestPath}`, { data: text, headers });
  return (await res.json()) as T;
}

/** Opens the first active customer of the list and returns its id. */
export async function openFirstActiveCustomer(page: Page): Promise<string> {
  await page.goto("/customers?status=active");
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}/);
  return /\/customers\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/**
 * Adds money to a sub-account's trading account through the simulator's loopback test hook, on the brand's
 * own simulator account: a sub-account created by a test starts with nothing, or with whatever little its
 * generated activity left, and a swap buy needs margin.
 */
export async function fundTrading(request: APIRequestContext, customerId: string, subAcct: string, amt = "100000") {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  let brandId: string;
  try {
    brandId = (await client.query<{ brand_id: string }>("SELECT brand_id FROM customer WHERE id = $1::uuid", [customerId])).rows[0]!.brand_id;
  } finally {
    await client.end();
  }
  const res = await request.post(`${SIM}/sim/admin/funds?account=${brandId}`, { data: { subAcct, account: "trading", ccy: "USDT", amt } });
  if (!res.ok()) throw new Error(`funding ${subAcct} failed: HTTP ${res.status()} ${await res.text()}`);
}

