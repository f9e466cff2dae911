/**
 * A customer's withdrawal address book. A new address is usable only after the brand's cooling-off
 * (usableFrom = added + hours), so someone who slips an address in cannot withdraw to it at once; staff
 * and the customer's own channels have that time to notice. Removing ends an entry; adding it back
 * cools off again. Every change audited.
 */
import "server-only";
import type { z } from "zod";
import { recordAudit } from "../audit/audit";
import { Prisma } from "../db/client";
import { AppError, invalid, notFound } from "../errors";
import { addressProblem } from "@/lib/withdrawals/chains";
import type { ZAddAddressInput, ZCustomerRef, ZRemoveAddressInput } from "@/lib/withdrawals/schemas";
import { staffId, type WithdrawalCtx } from "./common";
import { effectiveSettings } from "./settings";
import type { WithdrawalAddressRow } from "./types";

type Entry = { id: string; ccy: string; chain: string; address: string; tag: string; label: string; addedAt: Date; usableFrom: Date; addedById: string | null };

async function rows(ctx: WithdrawalCtx, entries: Entry[], now = new Date()): Promise<WithdrawalAddressRow[]> {
  const ids = [...new Set(entries.flatMap((e) => (e.addedById ? [e.addedById] : [])))];
  const staff = ids.length ? await ctx.db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return entries.map((e) => ({
    id: e.id,
    ccy: e.ccy,
    chain: e.chain,
    address: e.address,
    tag: e.tag,
    label: e.label,
    addedAt: e.addedAt,
    usableFrom: e.usableFrom,
    usable: e.usableFrom <= now,
    addedBy: e.addedById ? { id: e.addedById, name: names.get(e.addedById) ?? "—" } : null,
  }));
}

async function assertCustomer(ctx: WithdrawalCtx, customerId: string) {
  const c = await ctx.db.customer.findFirst({ where: { id: customerId, brandId: ctx.tenantId }, select: { id: true } });
  if (!c) throw notFound("customer");
}

/** The customer's live addresses, newest first. */
export async function listAddresses(ctx: WithdrawalCtx, input: z.infer<typeof ZCustomerRef>): Promise<WithdrawalAddressRow[]> {
  await assertCustomer(ctx, input.customerId);
  const entries = await ctx.db.withdrawalAddress.findMany({ where: { brandId: ctx.tenantId, customerId: input.customerId, removedAt: null }, orderBy: [{ addedAt: "desc" }, { id: "desc" }], take: 500 });
  return rows(ctx, entries);
}

export async function addAddress(ctx: WithdrawalCtx, input: z.infer<typeof ZAddAddressInput>, now = new Date()): Promise<WithdrawalAddressRow> {
  if (!input.chain.startsWith(`${input.ccy}-`)) throw invalid("chain", "withdrawals.errors.chainNotOfCurrency", { chain: input.chain, ccy: input.ccy });
  const example = addressProblem(input.chain, input.address);
  if (example) throw invalid("address", "withdrawals.errors.badAddress", { chain: input.chain, example });
  await assertCustomer(ctx, input.customerId);
  const settings = await effectiveSettings(ctx.db, ctx.tenantId);
  const entry = await ctx.db.$transaction(async (tx) => {
    const tag = input.tag ?? "";
    // Two adds at once both pass this look; the second then meets the unique index (caught below).
    const existing = await tx.withdrawalAddress.findFirst({ where: { customerId: input.customerId, chain: input.chain, address: input.address, tag, removedAt: null }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", "withdrawals.errors.addressExists", { field: "address" });
    const created = await tx.withdrawalAddress.create({
      data: {
        brandId: ctx.tenantId,
        customerId: input.customerId,
        ccy: input.ccy,
        chain: input.chain,
        address: input.address,
        tag,
        label: input.label ?? "",
        addedAt: now,
        usableFrom: new Date(now.getTime() + settings.coolingOffHours * 3_600_000),
        addedById: staffId(ctx.actor),
      },
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "withdrawal.address_add", entityType: "withdrawal_address", entityId: created.id, after: { customerId: created.customerId, ccy: created.ccy, chain: created.chain, address: created.address, tag: created.tag, label: created.label, usableFrom: created.usableFrom } });
    return created;
  }).catch((error: unknown) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", "withdrawals.errors.addressExists", { field: "address" });
    throw error;
  });
  return (await rows(ctx, [entry], now))[0]!;
}

export async function removeAddress(ctx: WithdrawalCtx, input: z.infer<typeof ZRemoveAddressInput>): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    const entry = await tx.withdrawalAddress.findFirst({ where: { id: input.id, brandId: ctx.tenantId, removedAt: null } });
    if (!entry) throw new AppError("NOT_FOUND", "withdrawals.errors.addressNotFound");
    await tx.withdrawalAddress.update({ where: { id: entry.id }, data: { removedAt: new Date(), removedById: staffId(ctx.actor) } });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "withdrawal.address_remove", entityType: "withdrawal_address", entityId: entry.id, before: { customerId: entry.customerId, chain: entry.chain, address: entry.address, tag: entry.tag, label: entry.label } });
    return { id: entry.id };
  });
}
