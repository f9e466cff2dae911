/**
 * Demo customers the seed creates frozen get the entry a real freeze writes: operations froze them at
 * their status time, the customer's version moved on, and the audit row carries the same before/after
 * snapshot the service records (server/customers/internal.ts), so their timeline and the audit log say
 * who froze them and why. Idempotent: a frozen customer who already has a freeze entry is left alone,
 * and a database seeded before this step gets the entries it lacks.
 */
import type { Actor, RequestMeta } from "../../server/actor";
import { recordAudit } from "../../server/audit/audit";
import { replayAt } from "../../server/clock";
import { customerSelect, snapshot } from "../../server/customers/internal";
import type { Db } from "../../server/db/client";
import type { Role } from "@/lib/auth/permissions";
import { DEMO_BRANDS } from "../demo-accounts";

const FREEZE = "customer.freeze";

/** Records a freeze for every frozen customer of the brand that has none; returns how many it recorded. */
export async function recordMissingFreezes(db: Db, brandId: string, who: { actor: Actor; request: RequestMeta }): Promise<number> {
  const frozen = await db.customer.findMany({ where: { brandId, status: "frozen" }, select: { id: true } });
  if (frozen.length === 0) return 0;
  const recorded = await db.auditLog.findMany({
    where: { brandId, action: FREEZE, entityType: "customer", entityId: { in: frozen.map((c) => c.id) } },
    select: { entityId: true },
  });
  const have = new Set(recorded.map((r) => r.entityId));
  let count = 0;
  for (const { id } of frozen.filter((c) => !have.has(c.id))) {
    const done = await db.$transaction(async (tx) => {
      const before = await tx.customer.findFirstOrThrow({ where: { id, brandId }, select: customerSelect });
      const { count: updated } = await tx.customer.updateMany({
        where: { id, brandId, version: before.version, status: "frozen" },
        data: { version: { increment: 1 } },
      });
      if (updated === 0) return false;
      const after = await tx.customer.findFirstOrThrow({ where: { id, brandId }, select: customerSelect });
      await replayAt(before.statusChangedAt ?? new Date(), () =>
        recordAudit(tx, who, {
          brandId,
          action: FREEZE,
          entityType: "customer",
          entityId: id,
          before: { ...snapshot(before), status: "active", statusReason: null },
          after: snapshot(after),
        }),
      );
      return true;
    });
    if (done) count++;
  }
  return count;
}

/** The seed module: each demo brand's operations account records the freezes. */
export async function seedFreezes(db: Db): Promise<string> {
  const lines: string[] = [];
  for (const { slug } of DEMO_BRANDS) {
    const brand = await db.brand.findUnique({ where: { slug }, select: { id: true } });
    if (!brand) throw new Error(`Brand "${slug}" is missing: the foundation seed runs first`);
    const ops = await db.staffUser.findUnique({ where: { email: `ops@${slug}.demo` }, select: { id: true, email: true, name: true, role: true, brandId: true } });
    if (!ops) throw new Error(`Demo staff ops@${slug}.demo is missing: the foundation seed runs first`);
    const actor = { type: "staff", id: ops.id, email: ops.email, name: ops.name, role: ops.role as Role, brandId: ops.brandId, sessionId: "" } as const;
    const n = await recordMissingFreezes(db, brand.id, { actor, request: { ip: null, userAgent: "brokerdesk demo seed" } });
    lines.push(`${slug} ${n}`);
  }
  return `freezes recorded: ${lines.join(", ")}`;
}
