/**
 * Messages (seed 003 C-end "消息相关接口", made server-to-server on behalf of a customer, and the B-end
 * "向客户发送站内信"): the customer's inbox — list (unread first), detail (marks read), read one, read all,
 * unread count — the message types, and sending one customer a message. Each calls the service staff use.
 */
import "server-only";
import { z } from "zod";
import { listInbox, markAllReadFor, markRead, messageTypes, openMessage, unreadCount, type InboxMessage } from "../../messages/inbox";
import { sendMessage } from "../../messages/send";
import { MESSAGE_STATUSES, MESSAGE_TYPES, ZMessageContent } from "@/lib/messages/schemas";
import { MESSAGE_LOCALES } from "@/lib/messages/template";
import { notFound } from "../../errors";
import { endpoint } from "../registry";
import { iso, zListQuery, zPage, zTime, zUuid } from "./common";

const TAG = "Messages";

const ZCustomerPath = z.strictObject({ customerId: zUuid("customer") });
const ZMessagePath = ZCustomerPath.extend({ messageId: zUuid("message") });

const ZInboxMessage = z
  .object({
    id: z.uuid(),
    type: z.enum(MESSAGE_TYPES),
    typeLabel: z.string().meta({ description: "The brand's name for the type, in the message's language." }),
    title: z.string(),
    body: z.string().meta({ description: "Plain text (never HTML): the first 140 characters in a list, all of it in detail." }),
    locale: z.enum(MESSAGE_LOCALES).meta({ description: "The language this customer gets it in." }),
    read: z.boolean(),
    deliveredAt: zTime,
    readAt: zTime.nullable(),
  })
  .meta({ id: "InboxMessage" });

const answer = (m: InboxMessage) => ({ ...m, deliveredAt: m.deliveredAt.toISOString(), readAt: iso(m.readAt) });

const zTypes = z
  .preprocess((v) => (typeof v === "string" ? v.split(",") : v), z.array(z.enum(MESSAGE_TYPES, { error: `type is one of ${MESSAGE_TYPES.join(", ")}` })).max(4))
  .optional()
  .meta({ description: "Only these types, comma-separated (e.g. `account,risk`)." });

export const messageEndpoints = [
  endpoint({
    operationId: "listMessageTypes",
    method: "GET",
    path: "/message-types",
    group: "messages",
    access: "read",
    tag: TAG,
    summary: "Message types and the brand's names for them (站内信类型)",
    response: z.object({ data: z.array(z.object({ type: z.enum(MESSAGE_TYPES), label: z.object({ en: z.string(), "zh-CN": z.string() }) })) }).meta({ id: "MessageTypes" }),
    handler: async (ctx) => ({ data: await messageTypes(ctx) }),
  }),
  endpoint({
    operationId: "listInbox",
    method: "GET",
    path: "/customers/{customerId}/messages",
    group: "messages",
    access: "read",
    tag: TAG,
    summary: "A customer's messages: unread first, newest first",
    description: "Paged by cursor. Unread messages come first, newest first, then read ones. Retracted messages are left out.",
    params: ZCustomerPath,
    query: zListQuery.extend({ type: zTypes }),
    response: zPage(ZInboxMessage, "InboxPage"),
    refusals: [400, 404],
    handler: async (ctx, { params, query }) => {
      const page = await listInbox(ctx, params.customerId, { limit: query.limit, cursor: query.cursor, types: query.type });
      return { data: page.data.map(answer), nextCursor: page.nextCursor };
    },
  }),
  endpoint({
    operationId: "countUnreadMessages",
    method: "GET",
    path: "/customers/{customerId}/messages/unread-count",
    group: "messages",
    access: "read",
    tag: TAG,
    summary: "How many messages the customer has not read, in all and per type",
    params: ZCustomerPath,
    response: z
      .object({
        total: z.number().int().meta({ description: "Counted up to 9999." }),
        capped: z.boolean().meta({ description: "True when there are more than 9999: show \"9999+\"." }),
        byType: z.record(z.enum(MESSAGE_TYPES), z.number().int()),
      })
      .meta({ id: "UnreadCount" }),
    refusals: [400, 404],
    handler: async (ctx, { params }) => unreadCount(ctx, params.customerId),
  }),
  endpoint({
    operationId: "getMessage",
    method: "GET",
    path: "/customers/{customerId}/messages/{messageId}",
    group: "messages",
    access: "read",
    tag: TAG,
    summary: "One message in full (marks it read)",
    description: "Reading the detail is the customer opening the message: it is marked read.",
    params: ZMessagePath,
    response: ZInboxMessage,
    refusals: [400, 404],
    handler: async (ctx, { params }) => answer(await openMessage(ctx, params.customerId, params.messageId)),
  }),
  endpoint({
    operationId: "markMessageRead",
    method: "POST",
    path: "/customers/{customerId}/messages/{messageId}/read",
    group: "messages",
    access: "write",
    tag: TAG,
    summary: "Mark one message read",
    params: ZMessagePath,
    response: z.object({ read: z.literal(true) }).meta({ id: "MessageRead" }),
    refusals: [400, 404],
    handler: async (ctx, { params }) => markRead(ctx, params.customerId, params.messageId),
  }),
  endpoint({
    operationId: "markAllMessagesRead",
    method: "POST",
    path: "/customers/{customerId}/messages/read-all",
    group: "messages",
    access: "write",
    tag: TAG,
    summary: "Mark every message read",
    description: "Everything delivered up to now counts as read at once, however many messages there are.",
    params: ZCustomerPath,
    response: z.object({ readAllAt: zTime }).meta({ id: "MessagesReadAll" }),
    refusals: [400, 404],
    handler: async (ctx, { params }) => ({ readAllAt: (await markAllReadFor(ctx, params.customerId)).readAllAt.toISOString() }),
  }),
  endpoint({
    operationId: "sendMessage",
    method: "POST",
    path: "/customers/{customerId}/messages",
    group: "messages",
    access: "write",
    tag: TAG,
    summary: "Send a customer an in-app message (向客户发送站内信)",
    description:
      "Plain text in one or both languages; the customer reads theirs, else the brand's default. `{{name}}` and `{{uid}}` are filled with the customer's own. Delivered before the answer unless `scheduledAt` is given.",
    params: ZCustomerPath,
    body: z
      .strictObject({
        type: z.enum(MESSAGE_TYPES),
        content: ZMessageContent.meta({ description: "At least one language: { title, body }." }),
        scheduledAt: zTime.optional().meta({ description: "Send later; absent: now." }),
      })
      .meta({ id: "SendMessage" }),
    response: z.object({ id: z.uuid(), status: z.enum(MESSAGE_STATUSES) }).meta({ id: "SentMessage" }),
    status: 201,
    refusals: [400, 404, 409],
    handler: async (ctx, { params, body }) => {
      // The path names the customer: one the brand does not have is "not found", as on every customer path.
      if (!(await ctx.db.customer.findFirst({ where: { id: params.customerId, brandId: ctx.tenantId }, select: { id: true } }))) throw notFound("customer");
      const sent = await sendMessage(ctx, {
        type: body.type,
        content: body.content,
        audience: { kind: "customer", customerId: params.customerId },
        scheduledAt: body.scheduledAt ? new Date(body.scheduledAt) : undefined,
      });
      return { id: sent.id, status: sent.status };
    },
  }),
];
