/**
 * Customer groups: a brand's segments, named uniquely within the brand. A group with customers in it
 * cannot be deleted (its members would silently lose their group). Every change is audited.
 */
import "server-only";
import type { z } from "zod";
import type { BrandContext, TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { Prisma, type DbTx } from "../db/client";
import { AppError, invalid, notFound } from "../errors";
import type { ZCreateCustomerGroupInput, ZCustomerGroupId, ZUpdateCustomerGroupInput } from "@/lib/customers/schemas";
import type { CustomerGroupRow } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

const groupSelect = { id: true, name: true, description: true, createdAt: true } satisfies Prisma.CustomerGroupSelect;
type GroupRecord = Prisma.CustomerGroupGetPayload<{ select: typeof groupSelect }>;

const snapshot = (g: GroupRecord) => ({ name: g.name, description: g.description });

/** Members counted on the (brand, group, ...) index: one range per group, not a scan of the brand. */
const countMembers = (db: DbTx, tenantId: string, groupId: string) => db.customer.count({ where: { brandId: tenantId, groupId } });

/** The brand's groups by name, each with how many customers are in it. */
export async function listCustomerGroups(ctx: BrandContext): Promise<CustomerGroupRow[]> {
  const groups = await ctx.db.customerGroup.findMany({ where: { brandId: ctx.tenantId }, orderBy: { name: "asc" }, select: groupSelect });
  return Promise.all(groups.map(async (g) => ({ ...g, customerCount: await countMembers(ctx.db, ctx.tenantId, g.id) })));
}

/** Names are unique per brand regardless of case ("VIP" and "vip" would read as one group). */
async function assertNameFree(tx: DbTx, ctx: TenantContext, name: string, exceptId?: string) {
  const clash = await tx.customerGroup.findFirst({
    where: { brandId: ctx.tenantId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw invalid("name", "customers.errors.groupNameTaken", { name });
}

/** The unique index catches a concurrent create of the same name; report it on the field like the check does. */
async function withNameRace<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw invalid("name", "customers.errors.groupNameTaken", { name });
    }
    throw error;
  }
}

async function loadGroup(tx: DbTx, ctx: TenantContext, id: string) {
  const group = await tx.customerGroup.findFirst({ where: { id, brandId: ctx.tenantId }, select: groupSelect });
  if (!group) throw notFound("customerGroup");
  return group;
}

export async function createCustomerGroup(ctx: TenantContext, input: In<typeof ZCreateCustomerGroupInput>): Promise<CustomerGroupRow> {
  return withNameRace(input.name, () =>
    ctx.db.$transaction(async (tx) => {
      await assertNameFree(tx, ctx, input.name);
      const group = await tx.customerGroup.create({
        data: { brandId: ctx.tenantId, name: input.name, description: input.description },
        select: groupSelect,
      });
      await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "customer_group.create", entityType: "customer_group", entityId: group.id, after: snapshot(group) });
      return { ...group, customerCount: 0 };
    }),
  );
}

export async function updateCustomerGroup(ctx: TenantContext, input: In<typeof ZUpdateCustomerGroupInput>): Promise<CustomerGroupRow> {
  return withNameRace(input.name, () =>
    ctx.db.$transaction(async (tx) => {
      const before = await loadGroup(tx, ctx, input.id);
      await assertNameFree(tx, ctx, input.name, input.id);
      const after = await tx.customerGroup.update({
        where: { id: before.id },
        data: { name: input.name, description: input.description },
        select: groupSelect,
      });
      await recordAudit(tx, ctx, {
        brandId: ctx.tenantId,
        action: "customer_group.update",
        entityType: "customer_group",
        entityId: before.id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return { ...after, customerCount: await countMembers(tx, ctx.tenantId, after.id) };
    }),
  );
}

/** Refused while customers are in the group. */
export async function deleteCustomerGroup(ctx: TenantContext, input: In<typeof ZCustomerGroupId>): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    const group = await loadGroup(tx, ctx, input.id);
    // Lock the group first: a concurrent move into it then waits for us (its foreign-key check needs the
    // row) and fails once the group is gone, instead of being emptied by ON DELETE SET NULL unseen.
    await tx.$executeRaw`SELECT 1 FROM customer_group WHERE id = ${group.id}::uuid FOR UPDATE`;
    const members = await countMembers(tx, ctx.tenantId, group.id);
    if (members > 0) {
      throw new AppError("CONFLICT", members === 1 ? "customers.errors.groupHasOneMember" : "customers.errors.groupHasMembers", {
        params: { count: members, name: group.name },
      });
    }
    await tx.customerGroup.delete({ where: { id: group.id } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "customer_group.delete", entityType: "customer_group", entityId: group.id, before: snapshot(group) });
    return { id: group.id };
  });
}
