/**
 * Which customer placed an order, as the brand's own systems report it (the partner API): FD rebate files
 * carry only the order id, so this is how their rows are attributed. A link is written once and never
 * changes: the same link again is accepted and changes nothing; the order linked to another customer is
 * refused. Rows already imported for the order get the customer at the rebate-files job's next pass
 * (./fd-attribution.ts); rows imported later get it in the import (./kinds-fd.ts).
 */
import "server-only";
import type { BrandContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { AppError, invalid, notFound } from "../errors";

/** Links one call may carry. */
export const MAX_ORDER_LINKS = 1000;

export interface OrderLinkInput {
  ordId: string;
  /** The customer's number (customer.uid). */
  uid: string;
}

export interface OrderLinksOutcome {
  received: number;
  /** Links new to the brand. */
  created: number;
  /** Links the brand already had (the same order and customer). */
  unchanged: number;
}

/** Records a batch of order → customer links, all or nothing. */
export async function recordOrderLinks(ctx: BrandContext, links: readonly OrderLinkInput[]): Promise<OrderLinksOutcome> {
  if (links.length > MAX_ORDER_LINKS) throw invalid("links", "rebates.errors.tooManyLinks", { max: MAX_ORDER_LINKS });
  // The same order twice in one call: once per customer is fine only if it is the same customer.
  const byOrder = new Map<string, { uid: string; index: number }>();
  links.forEach((l, index) => {
    const seen = byOrder.get(l.ordId);
    if (seen && seen.uid !== l.uid) throw invalid(`links.${index}.ordId`, "rebates.errors.orderTwiceInCall", { ordId: l.ordId });
    if (!seen) byOrder.set(l.ordId, { uid: l.uid, index });
  });
  const uids = [...new Set(links.map((l) => l.uid))];
  return ctx.db.$transaction(async (tx) => {
    const customers = await tx.customer.findMany({ where: { brandId: ctx.tenantId, uid: { in: uids.map(BigInt) } }, select: { id: true, uid: true } });
    const customerOf = new Map(customers.map((c) => [c.uid.toString(), c.id]));
    for (const [ordId, { uid, index }] of byOrder) {
      if (!customerOf.has(uid)) throw invalid(`links.${index}.uid`, "rebates.errors.unknownCustomerUid", { uid, ordId });
    }
    const ordIds = [...byOrder.keys()];
    const customerIds = ordIds.map((o) => customerOf.get(byOrder.get(o)!.uid)!);
    const partnerKeyId = ctx.actor.type === "partner" ? ctx.actor.id : null;
    const created = await tx.$queryRaw<{ ordId: string }[]>`
      INSERT INTO fd_order_link (brand_id, ord_id, customer_id, partner_key_id)
      SELECT ${ctx.tenantId}::uuid, o, c, ${partnerKeyId}::uuid FROM unnest(${ordIds}::text[], ${customerIds}::uuid[]) AS t(o, c)
      ON CONFLICT (brand_id, ord_id) DO NOTHING
      RETURNING ord_id AS "ordId"`;
    // An order the brand had already: the same customer is fine, another is refused (the whole call).
    const isNew = new Set(created.map((r) => r.ordId));
    const known = ordIds.filter((o) => !isNew.has(o));
    if (known.length > 0) {
      const existing = await tx.fdOrderLink.findMany({ where: { brandId: ctx.tenantId, ordId: { in: known } }, select: { ordId: true, customerId: true } });
      for (const link of existing) {
        const mine = byOrder.get(link.ordId)!;
        if (link.customerId !== customerOf.get(mine.uid)) {
          throw new AppError("CONFLICT", "rebates.errors.orderLinkedElsewhere", { field: `links.${mine.index}.ordId`, params: { ordId: link.ordId } });
        }
      }
    }
    const outcome = { received: links.length, created: created.length, unchanged: ordIds.length - created.length };
    if (created.length > 0) {
      await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "rebate.order_links_recorded", entityType: "fd_order_link", entityId: null, after: outcome });
    }
    return outcome;
  });
}

export interface OrderLinkRow {
  ordId: string;
  customerId: string;
  uid: string;
  createdAt: Date;
  /** When rows imported before the link were given its customer (null: not yet); rows imported after get it at once. */
  attributedAt: Date | null;
}

/** One order's link, if the brand reported one. */
export async function getOrderLink(ctx: BrandContext, ordId: string): Promise<OrderLinkRow> {
  const link = await ctx.db.fdOrderLink.findUnique({ where: { brandId_ordId: { brandId: ctx.tenantId, ordId } } });
  if (!link) throw notFound("orderLink");
  const customer = await ctx.db.customer.findUniqueOrThrow({ where: { id: link.customerId }, select: { uid: true } });
  return { ordId: link.ordId, customerId: link.customerId, uid: customer.uid.toString(), createdAt: link.createdAt, attributedAt: link.attributedAt };
}
