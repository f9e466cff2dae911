/** The sub-accounts list (filters, sorting, OFFSET paging) and its CSV export's stream, in the caller's brand. */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import type { Prisma } from "../db/client";
import type { SubaccountFilter, SubaccountPage, SubaccountRow, SubaccountStatus, ZSubaccountListInput } from "@/lib/subaccounts/schemas";
import { rowSelect, toRow } from "./internal";

type In<T extends z.ZodType> = z.infer<T>;

const STATUS_WHERE: Record<SubaccountStatus, Prisma.SubaccountWhereInput> = {
  active: { enabled: true, removedAt: null },
  frozen: { enabled: false, removedAt: null },
  removed: { removedAt: { not: null } },
};

/** WHERE of the list, the count and the export: the brand first, then each filter given. */
export function subaccountWhere(tenantId: string, f: SubaccountFilter): Prisma.SubaccountWhereInput {
  const and: Prisma.SubaccountWhereInput[] = [];
  if (f.level?.length) and.push({ accountLevel: { in: f.level.map(Number) } });
  if (f.status?.length) and.push({ OR: f.status.map((s) => STATUS_WHERE[s]) });
  // Both (or neither) of linked / unlinked: no condition.
  if (f.linked?.length === 1) and.push(f.linked[0] === "linked" ? { customerId: { not: null } } : { customerId: null });
  if (f.customerId) and.push({ customerId: f.customerId });
  const q = f.q?.trim();
  if (q) {
    and.push({
      OR: [
        { subAcct: { contains: q, mode: "insensitive" } },
        { label: { contains: q, mode: "insensitive" } },
        ...(/^\d+$/.test(q) ? [{ uid: { startsWith: q } }] : []),
      ],
    });
  }
  return { brandId: tenantId, AND: and };
}

const orderOf = (q: Pick<In<typeof ZSubaccountListInput>, "sort" | "dir">): Prisma.SubaccountOrderByWithRelationInput[] => [
  { [q.sort ?? "exchangeCreatedAt"]: q.dir },
  { id: q.dir },
];

/** One page of the brand's sub-accounts (a brand has up to about ten thousand: OFFSET paging is fine). */
export async function listSubaccounts(ctx: TenantContext, q: In<typeof ZSubaccountListInput>): Promise<SubaccountPage> {
  const where = subaccountWhere(ctx.tenantId, q);
  const [rows, total] = await Promise.all([
    ctx.db.subaccount.findMany({ where, orderBy: orderOf(q), select: rowSelect, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    ctx.db.subaccount.count({ where }),
  ]);
  return { rows: rows.map(toRow), total, page: q.page, pageSize: q.pageSize };
}

/** Every sub-account matching the list's filter, in its order, read in cursor batches (for CSV export). */
export async function* iterateSubaccounts(ctx: TenantContext, q: In<typeof ZSubaccountListInput>, batchSize = 500): AsyncGenerator<SubaccountRow> {
  const where = subaccountWhere(ctx.tenantId, q);
  let after: string | undefined;
  for (;;) {
    const batch = await ctx.db.subaccount.findMany({
      where,
      orderBy: orderOf(q),
      select: rowSelect,
      take: batchSize,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    });
    for (const row of batch) yield toRow(row);
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].id;
  }
}
