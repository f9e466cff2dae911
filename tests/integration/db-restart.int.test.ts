/**
 * A PostgreSQL restart, as the app sees it: every open connection ends and new ones are refused for a
 * fraction of a second. A TCP proxy in front of the test database plays the restart (so the shared server
 * keeps running). A read caught by it is retried once and answers; a write is never retried; a database
 * still unreachable after the retry answers "try again" (503), not a 500.
 */
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient, db } from "@/server/db/client";
import { PrismaClient } from "@/server/db/generated/client";
import { isConnectionError } from "@/server/db/connection-errors";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { createTestBrand, createTestStaff, staffContext } from "../helpers/db";

/** A proxy to PostgreSQL that can "restart": drop every connection and refuse new ones for `downMs`. */
async function restartableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    /** Ends every connection and refuses new ones; resolves when it listens again. */
    async restart(downMs: number) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await listen(port);
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let proxy: Awaited<ReturnType<typeof restartableProxy>>;
const clients: PrismaClient[] = [];
const client = (make: () => PrismaClient) => {
  const made = make();
  clients.push(made);
  return made;
};

beforeAll(async () => {
  proxy = await restartableProxy(new URL(process.env.DATABASE_URL!));
});
afterAll(async () => {
  for (const c of clients) await c.$disconnect();
  await proxy?.close();
});

/** Starts a restart of `downMs`, lets it begin, and runs `during` while the database is away. */
async function duringRestart<T>(downMs: number, during: () => Promise<T>): Promise<PromiseSettledResult<T>> {
  const restarting = proxy.restart(downMs);
  await new Promise((resolve) => setTimeout(resolve, 10));
  const [outcome] = await Promise.allSettled([during(), restarting]);
  return outcome;
}

describe("a database restart", () => {
  it("fails a plain client's read (the finding), while the app's client retries it once and answers", async () => {
    const plain = client(() => new PrismaClient({ adapter: new PrismaPg({ connectionString: proxy.url, max: 2 }) }));
    const app = client(() => createDbClient(proxy.url, { readRetryDelayMs: 300 }));
    const brand = await createTestBrand();
    // Both hold open connections when the restart comes.
    await plain.brand.count();
    await app.brand.count();

    const failed = await duringRestart(150, () => plain.brand.findUnique({ where: { id: brand.id } }));
    expect(failed.status).toBe("rejected");
    expect(isConnectionError((failed as PromiseRejectedResult).reason)).toBe(true);

    const retried = await duringRestart(150, () => app.brand.findUnique({ where: { id: brand.id }, include: { _count: { select: { staff: true } } } }));
    expect(retried).toMatchObject({ status: "fulfilled", value: { id: brand.id } });
  });

  it("never retries a write: it fails, and the row is there at most once", async () => {
    const app = client(() => createDbClient(proxy.url, { readRetryDelayMs: 300 }));
    await app.brand.count();
    const slug = `restart-${randomUUID().slice(0, 8)}`;
    const outcome = await duringRestart(150, () => app.brand.create({ data: { slug, name: "Restart", brokerCode: "RS1" } }));
    expect(outcome.status).toBe("rejected");
    expect(await db.brand.count({ where: { slug } })).toBeLessThanOrEqual(1);
  });

  it("answers a query procedure with 503 'try again' when the database stays away, never a 500", async () => {
    const dead = client(() => createDbClient("postgresql://brokerdesk@127.0.0.1:1/none", { readRetryDelayMs: 10 }));
    const brand = await createTestBrand();
    const { user } = await createTestStaff({ brandId: brand.id, role: "support" });
    const caller = createCallerFactory(appRouter)({ ...(await staffContext(user, { tenantId: brand.id })), db: dead });
    const error = await caller.customer.list({ page: 1, pageSize: 20 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", cause: { code: "UNAVAILABLE", reason: "errors.databaseUnavailable" } });
  });
});
