/**
 * Announcements as one customer sees them, for the brand's app to show: the list (pinned first, then the
 * latest start), one by id, and the pop-up to show now. Each in the customer's language (else the brand's
 * default, else whichever is written), with the sanitised HTML customers are shown.
 */
import "server-only";
import { z } from "zod";
import { announcementForCustomer, announcementsForCustomer, currentPopup } from "../../announcements/service";
import type { CustomerAnnouncement } from "../../announcements/types";
import { ANNOUNCEMENT_LOCALES } from "@/lib/announcements/schemas";
import { endpoint } from "../registry";
import { iso, zListQuery, zPage, zTime, zUuid } from "./common";

const TAG = "Announcements";

export const ZAnnouncement = z
  .object({
    id: z.uuid(),
    title: z.string().meta({ description: "Plain text, never markup: escape it when putting it into HTML." }),
    html: z.string().meta({
      description:
        "The text as sanitised HTML: p, br, strong, em, s, lists, h2–h4, blockquote, code, pre, hr, tables, and links to http(s) or mailto that open in a new tab (rel=\"noopener noreferrer\"). No scripts, styles, images, frames or event attributes.",
      example: "<p>Trading pauses on <strong>Saturday</strong> from 02:00 UTC.</p>",
    }),
    locale: z.enum(ANNOUNCEMENT_LOCALES).meta({ description: "The language given: the customer's, else the brand's default, else the one it is written in." }),
    pinned: z.boolean().meta({ description: "Show it above the others." }),
    popup: z.boolean().meta({ description: "Meant to open over the app (see the pop-up endpoint)." }),
    startsAt: zTime,
    endsAt: zTime.nullable().meta({ description: "Null: runs until it is taken down." }),
    publishedAt: zTime,
  })
  .meta({ id: "Announcement" });

const answer = (a: CustomerAnnouncement) => ({
  id: a.id,
  title: a.title,
  html: a.html,
  locale: a.locale,
  pinned: a.pinned,
  popup: a.popup,
  startsAt: a.startsAt.toISOString(),
  endsAt: iso(a.endsAt),
  publishedAt: a.publishedAt.toISOString(),
});

const ZCustomerPath = z.strictObject({ customerId: zUuid("customer") });

export const announcementEndpoints = [
  endpoint({
    operationId: "listCustomerAnnouncements",
    method: "GET",
    path: "/customers/{customerId}/announcements",
    group: "messages",
    access: "read",
    tag: TAG,
    summary: "Announcements a customer sees",
    description:
      "The announcements running now for the customer (for every customer, or for the customer's group), pinned ones first, then the latest start, a page at a time.",
    params: ZCustomerPath,
    query: zListQuery,
    response: zPage(ZAnnouncement, "AnnouncementPage"),
    refusals: [400, 404],
    handler: async (ctx, { params, query }) => {
      const page = await announcementsForCustomer(ctx, params.customerId, { cursor: query.cursor, limit: query.limit });
      return { data: page.rows.map(answer), nextCursor: page.nextCursor };
    },
  }),
  // Before the by-id path, which would otherwise take "popup" for an id.
  endpoint({
    operationId: "getCustomerAnnouncementPopup",
    method: "GET",
    path: "/customers/{customerId}/announcements/popup",
    group: "messages",
    access: "read",
    tag: TAG,
    summary: "The pop-up announcement to show a customer now",
    description: "Of the pop-up announcements running now for the customer, the pinned one first, else the one that started last; `data` is null when there is none.",
    params: ZCustomerPath,
    response: z.object({ data: ZAnnouncement.nullable() }).meta({ id: "AnnouncementPopup" }),
    refusals: [400, 404],
    handler: async (ctx, { params }) => {
      const popup = await currentPopup(ctx, params.customerId);
      return { data: popup && answer(popup) };
    },
  }),
  endpoint({
    operationId: "getCustomerAnnouncement",
    method: "GET",
    path: "/customers/{customerId}/announcements/{announcementId}",
    group: "messages",
    access: "read",
    tag: TAG,
    summary: "One announcement a customer sees",
    description: "404 when the customer does not see it now (not published, not started, ended, for another group).",
    params: ZCustomerPath.extend({ announcementId: zUuid("announcement") }),
    response: ZAnnouncement,
    refusals: [400, 404],
    handler: async (ctx, { params }) => answer(await announcementForCustomer(ctx, params.customerId, params.announcementId)),
  }),
];
