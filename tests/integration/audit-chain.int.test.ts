/** The audit log's hash chain: intact under concurrency, and every kind of tampering is named. */
import { describe, expect, it } from "vitest";
import { systemActor } from "@/server/actor";
import { recordAudit, verifyAuditChains } from "@/server/audit/audit";
import { auditHash } from "@/server/audit/chain";
import { db } from "@/server/db/client";
import { createTestBrand } from "../helpers/db";

const who = { actor: systemActor("test"), request: { ip: "127.0.0.1", userAgent: "vitest" } };

async function writeEntries(brandId: string, count: number) {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      db.$transaction((tx) =>
        recordAudit(tx, who, {
          brandId,
          action: "test.write",
          entityType: "thing",
          entityId: String(i),
          before: { n: i },
          after: { n: i + 1, password: "hunter2", nested: { apiSecret: "s3cret", ok: true } },
        }),
      ),
    ),
  );
}

/** Superuser-only escape hatch to simulate an attacker with database access. */
async function tamper(sql: string, ...values: unknown[]) {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
    await tx.$executeRawUnsafe(sql, ...values);
    await tx.$executeRawUnsafe("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
  });
}

describe("audit chain", () => {
  it("stays contiguous and valid with 25 concurrent writers, and redacts secrets", async () => {
    const brand = await createTestBrand();
    await writeEntries(brand.id, 25);
    const rows = await db.auditLog.findMany({ where: { chain: brand.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    const report = await verifyAuditChains(db, { chain: brand.id });
    expect(report.breaks).toEqual([]);
    expect(report.rows).toBe(rows.length);
    const after = rows.find((r) => r.entityId === "0")!.after as Record<string, unknown>;
    expect(after.password).toBe("[REDACTED]");
    expect(after.nested).toEqual({ apiSecret: "[REDACTED]", ok: true });
  });

  it("refuses UPDATE and DELETE at the database", async () => {
    const brand = await createTestBrand();
    await writeEntries(brand.id, 1);
    await expect(db.$executeRawUnsafe(`UPDATE audit_log SET action = 'x' WHERE chain = $1`, brand.id)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM audit_log WHERE chain = $1`, brand.id)).rejects.toThrow(/append-only/);
  });

  it("names the first changed row", async () => {
    const brand = await createTestBrand();
    await writeEntries(brand.id, 5);
    await tamper(`UPDATE audit_log SET after = '{"n": 999}' WHERE chain = $1 AND seq = 3`, brand.id);
    const report = await verifyAuditChains(db, { chain: brand.id });
    expect(report.breaks).toEqual([expect.objectContaining({ chain: brand.id, seq: 3, reason: expect.stringMatching(/content/) })]);
  });

  it("names a removed row as a gap", async () => {
    const brand = await createTestBrand();
    await writeEntries(brand.id, 5);
    await tamper(`DELETE FROM audit_log WHERE chain = $1 AND seq = 2`, brand.id);
    const report = await verifyAuditChains(db, { chain: brand.id });
    expect(report.breaks).toEqual([expect.objectContaining({ seq: 3, reason: expect.stringMatching(/gap/) })]);
  });

  it("catches a forger who recomputes the changed row's own hash: the next link breaks", async () => {
    const brand = await createTestBrand();
    await writeEntries(brand.id, 4);
    const row = await db.auditLog.findFirstOrThrow({ where: { chain: brand.id, seq: 2 } });
    const forged = { ...row, action: "forged" };
    await tamper(`UPDATE audit_log SET action = 'forged', hash = $2 WHERE chain = $1 AND seq = 2`, brand.id, auditHash(forged));
    const report = await verifyAuditChains(db, { chain: brand.id });
    expect(report.breaks).toEqual([expect.objectContaining({ seq: 3, reason: expect.stringMatching(/prev_hash/) })]);
  });
});

describe("audit list date range", () => {
  it("includes the whole day a date-only `to` names", async () => {
    const { listAudit } = await import("@/server/audit/query");
    const { createTestStaff, staffContext } = await import("../helpers/db");
    const brand = await createTestBrand();
    await writeEntries(brand.id, 2);
    const { user } = await createTestStaff({ brandId: brand.id, role: "admin" });
    const ctx = await staffContext(user, { tenantId: brand.id });
    const written = await db.auditLog.findFirstOrThrow({ where: { chain: brand.id } });
    const today = new Date(written.createdAt.toISOString().slice(0, 10));
    const page = await listAudit(ctx as Parameters<typeof listAudit>[0], { page: 1, pageSize: 10, dir: "desc", action: "test.write", from: today, to: today });
    expect(page.total).toBe(2);
  });
});
