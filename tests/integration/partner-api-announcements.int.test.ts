/**
 * The partner API's announcement endpoints, called through the client generated from its own OpenAPI
 * document, signed with a real key: what one customer of the brand sees (published, running, for them, in
 * their language), a page at a time, one by id, the pop-up, and never another brand's — or a draft.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import * as announcements from "@/server/announcements/service";
import type { CreateAnnouncementInput } from "@/lib/announcements/schemas";
import { ZCreateAnnouncementInput } from "@/lib/announcements/schemas";
import { createTestCustomer, createTestGroup } from "../cases/customers";
import { partnerBrand, partnerKey } from "../partner-api/fixture";
import type { PartnerClient } from "../partner-api/client";

const HOUR = 60 * 60 * 1000;
const at = (ms: number) => new Date(Date.now() + ms);

let api: PartnerClient;
let otherApi: PartnerClient;
let admin: TenantContext;
let brandId: string;

beforeAll(async () => {
  const a = await partnerBrand();
  brandId = a.brand.id;
  admin = a.admin;
  api = (await partnerKey(admin)).api;
  const b = await partnerBrand();
  otherApi = (await partnerKey(b.admin)).api;
});

/** A new announcement through the service staff use, published unless told otherwise. */
async function announcement(patch: Partial<CreateAnnouncementInput> = {}, publish = true) {
  const draft = await announcements.createAnnouncement(admin, ZCreateAnnouncementInput.parse({ content: { en: { title: "Maintenance", body: "Trading pauses on **Saturday**." } }, startsAt: at(-HOUR), ...patch }));
  return publish ? announcements.publishAnnouncement(admin, { id: draft.id, version: draft.version }) : draft;
}

const path = (customerId: string) => ({ params: { path: { customerId } } });

describe("partner API: announcements", () => {
  it("lists what the customer sees, pinned first, a page at a time, with the documented fields", async () => {
    const group = await createTestGroup(brandId);
    const customer = await createTestCustomer(brandId, { groupId: group.id });
    const older = await announcement({ groupIds: [group.id], startsAt: at(-3 * HOUR), endsAt: at(HOUR) });
    const pinned = await announcement({ groupIds: [group.id], startsAt: at(-4 * HOUR), pinned: true });
    const newer = await announcement({ groupIds: [group.id], startsAt: at(-HOUR) });
    const draft = await announcement({ groupIds: [group.id] }, false);
    const otherGroup = await announcement({ groupIds: [(await createTestGroup(brandId)).id] });

    const seen: { id: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await api.GET("/customers/{customerId}/announcements", { params: { path: { customerId: customer.id }, query: { limit: 2, cursor } } });
      expect(page.response.status).toBe(200);
      seen.push(...page.data!.data);
      cursor = page.data!.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 50);
    expect(pages).toBeGreaterThan(1);
    const ids = seen.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => [older.id, pinned.id, newer.id].includes(id))).toEqual([pinned.id, newer.id, older.id]);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(otherGroup.id);
    expect(seen.find((a) => a.id === older.id)).toEqual({
      id: older.id,
      title: "Maintenance",
      html: "<p>Trading pauses on <strong>Saturday</strong>.</p>",
      locale: "en",
      pinned: false,
      popup: false,
      startsAt: older.startsAt.toISOString(),
      endsAt: older.endsAt!.toISOString(),
      publishedAt: older.publishedAt!.toISOString(),
    });

    const bad = await api.GET("/customers/{customerId}/announcements", { params: { path: { customerId: customer.id }, query: { cursor: "bm9wZQ" } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ field: "cursor" });
  });

  it("reads one by id in the customer's language; 404 when the customer does not see it", async () => {
    const customer = await createTestCustomer(brandId, { language: "zh-CN" });
    const both = await announcement({ content: { en: { title: "Fees", body: "New fees." }, "zh-CN": { title: "费率", body: "新费率。" } } });
    const one = await api.GET("/customers/{customerId}/announcements/{announcementId}", { params: { path: { customerId: customer.id, announcementId: both.id } } });
    expect(one.response.status).toBe(200);
    expect(one.data).toMatchObject({ id: both.id, title: "费率", html: "<p>新费率。</p>", locale: "zh-CN" });

    for (const hidden of [await announcement({}, false), await announcement({ startsAt: at(HOUR) })]) {
      const answer = await api.GET("/customers/{customerId}/announcements/{announcementId}", { params: { path: { customerId: customer.id, announcementId: hidden.id } } });
      expect(answer.response.status).toBe(404);
      expect(answer.error).toMatchObject({ code: "announcements.errors.notFound" });
    }
    const malformed = await api.GET("/customers/{customerId}/announcements/{announcementId}", { params: { path: { customerId: customer.id, announcementId: "nope" } } });
    expect(malformed.response.status).toBe(400);
    expect(malformed.error).toMatchObject({ field: "announcementId" });
  });

  it("answers the pop-up to show now, or null", async () => {
    const group = await createTestGroup(brandId);
    const customer = await createTestCustomer(brandId, { groupId: group.id });
    const none = await api.GET("/customers/{customerId}/announcements/popup", path(customer.id));
    expect(none.response.status).toBe(200);
    expect(none.data).toEqual({ data: null });
    const popup = await announcement({ groupIds: [group.id], popup: true, content: { en: { title: "Welcome", body: "Hello" } } });
    const shown = await api.GET("/customers/{customerId}/announcements/popup", path(customer.id));
    expect(shown.data?.data).toMatchObject({ id: popup.id, title: "Welcome", popup: true, html: "<p>Hello</p>" });
  });

  it("sends sanitised HTML, whatever the body held", async () => {
    const customer = await createTestCustomer(brandId);
    const xss = await announcement({ content: { en: { title: "<img src=x onerror=alert(1)>Hi", body: "<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<svg onload=alert(1)>" } } });
    const one = await api.GET("/customers/{customerId}/announcements/{announcementId}", { params: { path: { customerId: customer.id, announcementId: xss.id } } });
    expect(one.data!.title).toBe("Hi");
    const markup = (one.data!.html.match(/<[^>]*>/g) ?? []).join("");
    expect(one.data!.html).not.toMatch(/<\s*(script|svg|img)/i);
    expect(markup).not.toMatch(/\son\w+=|javascript:/i);
  });

  it("never shows another brand's customer or announcement", async () => {
    const customer = await createTestCustomer(brandId);
    const ours = await announcement();
    for (const answer of [
      await otherApi.GET("/customers/{customerId}/announcements", path(customer.id)),
      await otherApi.GET("/customers/{customerId}/announcements/popup", path(customer.id)),
      await otherApi.GET("/customers/{customerId}/announcements/{announcementId}", { params: { path: { customerId: customer.id, announcementId: ours.id } } }),
    ]) {
      expect(answer.response.status).toBe(404);
      expect(answer.error).toMatchObject({ code: "errors.notFound.customer" });
    }
  });

  it("needs the messages:read scope", async () => {
    const { api: customersOnly } = await partnerKey(admin, { scopes: ["customers:read"] });
    const customer = await createTestCustomer(brandId);
    const refused = await customersOnly.GET("/customers/{customerId}/announcements", path(customer.id));
    expect(refused.response.status).toBe(403);
    expect(refused.error).toMatchObject({ code: "partnerApi.errors.scopeMissing" });
  });
});
