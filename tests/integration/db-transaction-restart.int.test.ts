/**
 * A transaction whose connection dies under it (a PostgreSQL restart) must give its pool slot back. Prisma
 * 6.19 sends ROLLBACK on the dead connection, which fails, and then never releases the connection — so after
 * as many cut transactions as the pool holds, every later query waited forever. The adapter wrapper
 * (server/db/serialised-transactions.ts) now releases it when COMMIT or ROLLBACK fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/server/db/client";
import { trippableProxy } from "../helpers/pg-proxy";

const POOL = 10;
let proxy: Awaited<ReturnType<typeof trippableProxy>>;
let proxiedDb: ReturnType<typeof createDbClient>;

beforeAll(async () => {
  proxy = await trippableProxy(new URL(process.env.DATABASE_URL!));
  proxiedDb = createDbClient(proxy.url, { readRetryDelayMs: 100 });
});

afterAll(async () => {
  await Promise.race([proxiedDb.$disconnect(), new Promise((resolve) => setTimeout(resolve, 1_000))]);
  await proxy.close();
});

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

describe("a transaction cut by a database restart", () => {
  it(`gives its connection back: after ${POOL + 2} cut transactions the pool still answers`, async () => {
    for (let i = 0; i < POOL + 2; i++) {
      const marker = `cut_${i}_${Date.now()}`;
      const back = proxy.arm({ on: marker, downMs: 50 });
      const cut = proxiedDb.$transaction(async (tx) => {
        await tx.$queryRawUnsafe("SELECT 1");
        await tx.$queryRawUnsafe(`SELECT '${marker}'`);
      });
      await expect(within(cut, 10_000)).rejects.toThrow();
      await back;
    }
    const [row] = await within(proxiedDb.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`, 5_000);
    expect(row.ok).toBe(1);
    const inTx = await within(proxiedDb.$transaction((tx) => tx.$queryRaw<{ ok: number }[]>`SELECT 2 AS ok`), 5_000);
    expect(inTx[0].ok).toBe(2);
  }, 120_000);
});
