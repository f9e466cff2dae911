/** Staff notes on a customer: read newest first, added with an audit entry. */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Prisma } from "../db/client";
import type { ZAddCustomerNoteInput, ZCustomerId } from "@/lib/customers/schemas";
import { loadCustomer } from "./internal";
import type { CustomerNoteRow } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

const noteSelect = { id: true, body: true, authorName: true, createdAt: true } satisfies Prisma.CustomerNoteSelect;

/** Newest first. */
export async function listCustomerNotes(ctx: TenantContext, input: In<typeof ZCustomerId>): Promise<CustomerNoteRow[]> {
  await loadCustomer(ctx.db, ctx, input.id);
  return ctx.db.customerNote.findMany({
    where: { brandId: ctx.tenantId, customerId: input.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: noteSelect,
  });
}

export async function addCustomerNote(ctx: TenantContext, input: In<typeof ZAddCustomerNoteInput>): Promise<CustomerNoteRow> {
  return ctx.db.$transaction(async (tx) => {
    await loadCustomer(tx, ctx, input.customerId);
    const note = await tx.customerNote.create({
      data: { brandId: ctx.tenantId, customerId: input.customerId, authorId: ctx.actor.id, authorName: ctx.actor.name, body: input.body },
      select: noteSelect,
    });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "customer.note_add",
      entityType: "customer",
      entityId: input.customerId,
      after: { noteId: note.id, body: note.body },
    });
    return note;
  });
}
