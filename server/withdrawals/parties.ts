/** The "New withdrawal" dialog's customer search: active customers of the brand with their live sub-accounts. */
import "server-only";
import type { Prisma } from "../db/client";
import type { WithdrawalCtx } from "./common";

export interface WithdrawalParty {
  id: string;
  uid: string;
  name: string;
  kycLevel: number;
  subaccounts: { id: string; subAcct: string }[];
}

export async function withdrawalParties(ctx: WithdrawalCtx, input: { q?: string }): Promise<WithdrawalParty[]> {
  const q = input.q?.trim();
  const or: Prisma.CustomerWhereInput[] = q ? [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] : [];
  if (q && /^\d{1,18}$/.test(q)) or.push({ uid: BigInt(q) });
  const customers = await ctx.db.customer.findMany({
    where: { brandId: ctx.tenantId, status: "active", subaccounts: { some: { removedAt: null } }, ...(or.length ? { OR: or } : {}) },
    orderBy: [{ registeredAt: "desc" }, { id: "desc" }],
    take: 20,
    select: { id: true, uid: true, name: true, kycLevel: true, subaccounts: { where: { removedAt: null }, select: { id: true, subAcct: true }, orderBy: { subAcct: "asc" } } },
  });
  return customers.map((c) => ({ id: c.id, uid: String(c.uid), name: c.name, kycLevel: c.kycLevel, subaccounts: c.subaccounts }));
}
