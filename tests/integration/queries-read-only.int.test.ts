/**
 * No query writes: every query procedure runs, as a role allowed to call it, on a database connection
 * whose transactions are read-only (`default_transaction_read_only`), so any INSERT, UPDATE or DELETE it
 * attempts fails the call. Writes belong in mutations with a write permission — a query can be triggered by
 * a link from another site, and the read-only role calls queries freely.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import { can, ROLES, type Permission } from "@/lib/auth/permissions";
import { PrismaClient } from "@/server/db/generated/client";
import { serialisedTransactions } from "@/server/db/serialised-transactions";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { staffContext } from "../helpers/db";
import { PROCEDURE_CASES, type Fixture } from "../procedure-cases";
import { buildFixture, procedures } from "./fixture";

const readOnlyDb = new PrismaClient({
  adapter: serialisedTransactions(new PrismaPg({ connectionString: process.env.DATABASE_URL!, options: "-c default_transaction_read_only=on" })),
});

const queries = Object.entries(procedures())
  .filter(([, procedure]) => procedure._def.type === "query")
  .map(([path]) => path)
  .sort();

describe("query procedures", () => {
  let fixture: Awaited<ReturnType<typeof buildFixture>>;
  beforeAll(async () => {
    fixture = await buildFixture();
  });

  it("are many (the walk sees them)", () => expect(queries.length).toBeGreaterThan(30));

  it("the read-only connection refuses a write", async () => {
    await expect(readOnlyDb.$executeRawUnsafe("CREATE TEMP TABLE probe (x int)")).rejects.toThrow(/read-only transaction/);
  });

  it.each(queries)("%s writes nothing", async (path) => {
    const permission = procedures()[path]!._def.meta?.permission as Permission;
    const role = ROLES.find((r) => r !== "platform_admin" && can(r, permission)) ?? "platform_admin";
    const user = fixture.users[role];
    const input = await PROCEDURE_CASES[path]!.input(fixture as Fixture, { id: user.id, role });
    const ctx = { ...(await staffContext(user, { tenantId: fixture.brandA.id })), db: readOnlyDb };
    let target: unknown = createCallerFactory(appRouter)(ctx);
    for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
    const outcome = await (target as (i?: unknown) => Promise<unknown>)(input).then(
      () => null,
      (error: unknown) => error,
    );
    // A business refusal is fine; a write the connection refused is the defect this looks for.
    expect(String((outcome as { cause?: unknown })?.cause ?? outcome ?? "")).not.toMatch(/read-only transaction|25006/);
  });
});
