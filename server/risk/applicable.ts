/**
 * Which limits apply to a customer: per kind, the narrowest scope that has an enabled limit — the
 * customer's own, else the customer's group's, else the brand's. Every limit at that scope applies.
 */
import "server-only";
import type { Db, DbTx } from "../db/client";
import type { RiskLimit } from "../db/generated/client";

const RANK = { customer: 0, group: 1, brand: 2 } as const;

type Customer = { id: string; groupId: string | null };

/** Of the brand's enabled limits (oldest first), those that apply to the customer. */
function narrowestFor(all: readonly RiskLimit[], customer: Customer): RiskLimit[] {
  const mine = all.filter((l) => l.scope === "brand" || (l.scope === "customer" && l.scopeId === customer.id) || (l.scope === "group" && !!customer.groupId && l.scopeId === customer.groupId));
  const narrowest = new Map<string, number>();
  for (const l of mine) narrowest.set(l.kind, Math.min(narrowest.get(l.kind) ?? 9, RANK[l.scope]));
  return mine.filter((l) => RANK[l.scope] === narrowest.get(l.kind));
}

const ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

export async function limitsFor(db: Db | DbTx, brandId: string, customer: Customer, kinds?: readonly string[]): Promise<RiskLimit[]> {
  return (await limitsForMany(db, brandId, [customer], kinds)).get(customer.id) ?? [];
}

/** The limits of many customers of one brand, in one query: customer id → its limits, oldest first. */
export async function limitsForMany(db: Db | DbTx, brandId: string, customers: readonly Customer[], kinds?: readonly string[]): Promise<Map<string, RiskLimit[]>> {
  const groupIds = [...new Set(customers.flatMap((c) => (c.groupId ? [c.groupId] : [])))];
  // Which limits, by id, in a statement that does not grow with the batch; then those few rows in full.
  const found = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM risk_limit
    WHERE brand_id = ${brandId}::uuid AND enabled
      AND (scope = 'brand' OR (scope = 'customer' AND scope_id = ANY(${customers.map((c) => c.id)}::uuid[])) OR (scope = 'group' AND scope_id = ANY(${groupIds}::uuid[])))
      AND (${kinds ? [...kinds] : null}::text[] IS NULL OR kind = ANY(${kinds ? [...kinds] : null}::text[]))`;
  const all = found.length ? await db.riskLimit.findMany({ where: { brandId, id: { in: found.map((r) => r.id) } }, orderBy: ORDER }) : [];
  return new Map(customers.map((c) => [c.id, narrowestFor(all, c)]));
}
