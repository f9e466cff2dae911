/**
 * Which limits apply to a customer: per kind, the narrowest scope that has an enabled limit — the
 * customer's own, else the customer's group's, else the brand's. Every limit at that scope applies.
 */
import "server-only";
import type { Db, DbTx } from "../db/client";
import type { RiskLimit } from "../db/generated/client";

const RANK = { customer: 0, group: 1, brand: 2 } as const;

export async function limitsFor(db: Db | DbTx, brandId: string, customer: { id: string; groupId: string | null }, kinds?: readonly string[]): Promise<RiskLimit[]> {
  const scopes = [{ scope: "brand" as const }, { scope: "customer" as const, scopeId: customer.id }, ...(customer.groupId ? [{ scope: "group" as const, scopeId: customer.groupId }] : [])];
  const all = await db.riskLimit.findMany({
    where: { brandId, enabled: true, OR: scopes, ...(kinds ? { kind: { in: [...kinds] } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const narrowest = new Map<string, number>();
  for (const l of all) narrowest.set(l.kind, Math.min(narrowest.get(l.kind) ?? 9, RANK[l.scope]));
  return all.filter((l) => RANK[l.scope] === narrowest.get(l.kind));
}
