/**
 * Rebates: which customer placed an exchange order. FD rebate files name only the order, so the brand's
 * own systems — which placed the order for the customer — report the link, in batches; the rebates it
 * earned are then counted for that customer. Each calls ../../rebates/order-links.ts.
 */
import "server-only";
import { z } from "zod";
import { getOrderLink, MAX_ORDER_LINKS, recordOrderLinks } from "../../rebates/order-links";
import { endpoint } from "../registry";
import { iso, zTime } from "./common";

const TAG = "Rebates";

const zOrdId = z
  .string({ error: "Give the order id as a string of digits" })
  .regex(/^[0-9]{1,32}$/, { error: "An exchange order id is 1 to 32 digits" })
  .meta({ description: "The exchange's order id (`ordId`), as digits.", example: "590908157585625111" });
const zUid = z
  .string({ error: "Give the customer number as a string of digits" })
  .regex(/^[1-9][0-9]{0,17}$/, { error: "A customer number is 1 to 18 digits" })
  .meta({ description: "The customer's number (`uid` of the customer endpoints).", example: "100042" });

const ZOrderLinksBody = z
  .strictObject({
    links: z
      .array(z.strictObject({ ordId: zOrdId, uid: zUid }).meta({ id: "OrderLinkInput" }), { error: "links must be a list" })
      .min(1, { error: "Give at least one link" })
      .max(MAX_ORDER_LINKS, { error: `At most ${MAX_ORDER_LINKS} links per call` }),
  })
  .meta({ id: "RecordOrderLinks" });

const ZOrderLinksOutcome = z
  .object({
    received: z.number().int().meta({ description: "Links in the call." }),
    created: z.number().int().meta({ description: "Links new to the brand." }),
    unchanged: z.number().int().meta({ description: "Links the brand already had, the same order and customer." }),
  })
  .meta({ id: "OrderLinksOutcome" });

const ZOrderLink = z
  .object({
    ordId: z.string(),
    customerId: z.uuid(),
    uid: z.string(),
    createdAt: zTime,
    attributedAt: zTime
      .nullable()
      .meta({ description: "When rebate rows imported before the link were given its customer (within about a minute); null until then. Rows imported after it get the customer at once." }),
  })
  .meta({ id: "OrderLink" });

export const rebateEndpoints = [
  endpoint({
    operationId: "recordOrderLinks",
    method: "POST",
    path: "/rebates/order-links",
    group: "rebates",
    access: "write",
    tag: TAG,
    summary: "Report which customer placed exchange orders",
    description: `Up to ${MAX_ORDER_LINKS} links of an exchange order id to a customer, all or nothing. The exchange's rebate files name only the order: its rebates count for the linked customer, including rows already imported. A link never changes: sending it again is accepted and changes nothing; an order already linked to another customer is refused (409).`,
    body: ZOrderLinksBody,
    response: ZOrderLinksOutcome,
    refusals: [400, 409],
    handler: async (ctx, { body }) => recordOrderLinks(ctx, body.links),
  }),
  endpoint({
    operationId: "getOrderLink",
    method: "GET",
    path: "/rebates/order-links/{ordId}",
    group: "rebates",
    access: "read",
    tag: TAG,
    summary: "The customer an exchange order is linked to",
    params: z.strictObject({ ordId: zOrdId }),
    response: ZOrderLink,
    refusals: [404],
    handler: async (ctx, { params }) => {
      const link = await getOrderLink(ctx, params.ordId);
      return { ...link, createdAt: link.createdAt.toISOString(), attributedAt: iso(link.attributedAt) };
    },
  }),
];

