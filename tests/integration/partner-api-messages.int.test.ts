/**
 * A customer's inbox through the generated partner client, as a brand's app would read it: send (B-end),
 * list unread first with cursor paging and a type filter, detail marks read, read one, read all (constant
 * time, stats catch up behind), unread counts, retracted messages gone, variables filled as plain text
 * (a hostile name stays text), the brand's type names, and the refusals (another brand's customer or
 * message, a bad cursor, a key without the messages scope).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import type { MessageType } from "@/lib/messages/schemas";
import { db } from "@/server/db/client";
import { materialiseReadAll } from "@/server/messages/inbox-state";
import { createTestCustomer } from "../cases/customers";
import { idempotent, type PartnerClient } from "../partner-api/client";
import { partnerBrand, partnerKey } from "../partner-api/fixture";

const XSS = `<img src=x onerror=alert(1)>`;

let api: PartnerClient;
let admin: TenantContext;
let brandId: string;

beforeAll(async () => {
  const made = await partnerBrand({ messageTypeLabels: { marketing: { en: "Deals", "zh-CN": "特惠" } } });
  brandId = made.brand.id;
  admin = made.admin;
  api = (await partnerKey(admin)).api;
});

const send = (customerId: string, type: MessageType, title: string, body = "Hello {{name}}, uid {{uid}}") =>
  api.POST("/customers/{customerId}/messages", { params: { ...idempotent(), path: { customerId } }, body: { type, content: { en: { title, body }, "zh-CN": { title: `${title} 中文`, body } } } });

async function inbox(customerId: string, query: { limit?: number; cursor?: string; type?: MessageType[] } = {}) {
  const page = await api.GET("/customers/{customerId}/messages", { params: { path: { customerId }, query: { limit: 20, ...query } } });
  expect(page.response.status, JSON.stringify(page.error)).toBe(200);
  return page.data!;
}

describe("partner API: a customer's inbox", () => {
  it("lists unread first then read, newest first, by cursor, and fills variables as plain text", async () => {
    const customer = await createTestCustomer(brandId, { name: XSS });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const sent = await send(customer.id, i % 2 ? "marketing" : "account", `M${i}`);
      expect(sent.response.status, JSON.stringify(sent.error)).toBe(201);
      expect(sent.data!.status).toBe("sent");
      ids.push(sent.data!.id);
    }
    const opened = await api.GET("/customers/{customerId}/messages/{messageId}", { params: { path: { customerId: customer.id, messageId: ids[1]! } } });
    expect(opened.data).toMatchObject({ id: ids[1], read: true, title: "M1", body: `Hello ${XSS}, uid ${customer.uid}`, typeLabel: "Deals", locale: "en" });
    await api.POST("/customers/{customerId}/messages/{messageId}/read", { params: { ...idempotent(), path: { customerId: customer.id, messageId: ids[4]! } } });

    const seen: { id: string; read: boolean }[] = [];
    let cursor: string | undefined;
    do {
      const page = await inbox(customer.id, { limit: 3, cursor });
      seen.push(...page.data.map((m) => ({ id: m.id, read: m.read })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const unreadNewestFirst = [6, 5, 3, 2, 0].map((i) => ({ id: ids[i]!, read: false }));
    expect(seen).toEqual([...unreadNewestFirst, { id: ids[4]!, read: true }, { id: ids[1]!, read: true }]);

    const marketing = await inbox(customer.id, { type: ["marketing"] });
    expect(marketing.data.map((m) => m.id)).toEqual([ids[5], ids[3], ids[1]]);
    const count = await api.GET("/customers/{customerId}/messages/unread-count", { params: { path: { customerId: customer.id } } });
    expect(count.data).toEqual({ total: 5, capped: false, byType: { system: 0, account: 3, marketing: 2, risk: 0 } });
  });

  it("marks everything read at once, and the statistics catch up when the dispatcher writes it behind", async () => {
    const customer = await createTestCustomer(brandId, { language: "zh-CN" });
    for (let i = 0; i < 5; i++) await send(customer.id, "system", `N${i}`);
    const all = await api.POST("/customers/{customerId}/messages/read-all", { params: { ...idempotent(), path: { customerId: customer.id } } });
    expect(all.response.status).toBe(200);
    const page = await inbox(customer.id);
    expect(page.data.every((m) => m.read && m.readAt)).toBe(true);
    expect(page.data[0]).toMatchObject({ title: "N4 中文", locale: "zh-CN" });
    expect((await api.GET("/customers/{customerId}/messages/unread-count", { params: { path: { customerId: customer.id } } })).data!.total).toBe(0);

    expect(await db.messageDelivery.count({ where: { customerId: customer.id, readAt: null } })).toBe(5);
    await materialiseReadAll(db);
    expect(await db.messageDelivery.count({ where: { customerId: customer.id, readAt: null } })).toBe(0);
    // A message after "read all" is unread again.
    await send(customer.id, "risk", "Later");
    expect((await inbox(customer.id)).data[0]).toMatchObject({ title: "Later 中文", read: false });
  });

  it("leaves retracted messages out of the inbox and the count", async () => {
    const customer = await createTestCustomer(brandId);
    const kept = await send(customer.id, "account", "Kept");
    const gone = await send(customer.id, "account", "Gone");
    await db.message.update({ where: { id: gone.data!.id }, data: { status: "retracted" } });
    expect((await inbox(customer.id)).data.map((m) => m.id)).toEqual([kept.data!.id]);
    const detail = await api.GET("/customers/{customerId}/messages/{messageId}", { params: { path: { customerId: customer.id, messageId: gone.data!.id } } });
    expect(detail.response.status).toBe(404);
  });

  it("answers the brand's names for the message types", async () => {
    const types = await api.GET("/message-types");
    expect(types.data!.data).toContainEqual({ type: "marketing", label: { en: "Deals", "zh-CN": "特惠" } });
    expect(types.data!.data).toContainEqual({ type: "risk", label: { en: "Risk", "zh-CN": "风险提示" } });
  });

  it("refuses another brand's customer, a bad cursor, bad input and a key without the messages scope — changing nothing", async () => {
    const other = await createTestCustomer((await partnerBrand()).brand.id);
    const foreign = await api.GET("/customers/{customerId}/messages", { params: { path: { customerId: other.id }, query: { limit: 5 } } });
    expect(foreign.response.status).toBe(404);
    const sendForeign = await send(other.id, "account", "Hi");
    expect(sendForeign.response.status).toBe(404);
    expect(await db.messageDelivery.count({ where: { customerId: other.id } })).toBe(0);

    const customer = await createTestCustomer(brandId);
    const badCursor = await api.GET("/customers/{customerId}/messages", { params: { path: { customerId: customer.id }, query: { cursor: "not-a-cursor" } } });
    expect(badCursor.response.status).toBe(400);
    expect(badCursor.error).toMatchObject({ field: "cursor" });
    const badVariable = await send(customer.id, "account", "Hi", "Win {{prize}}");
    expect(badVariable.response.status).toBe(400);
    expect(badVariable.error).toMatchObject({ field: "content.en.body" });
    const past = await api.POST("/customers/{customerId}/messages", {
      params: { ...idempotent(), path: { customerId: customer.id } },
      body: { type: "account", content: { en: { title: "Hi", body: "x" } }, scheduledAt: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(past.response.status).toBe(400);
    expect(past.error).toMatchObject({ field: "scheduledAt" });
    expect(await db.message.count({ where: { customerId: customer.id } })).toBe(0);

    const readOnly = (await partnerKey(admin, { scopes: ["customers:read"] })).api;
    const refused = await readOnly.GET("/customers/{customerId}/messages", { params: { path: { customerId: customer.id }, query: {} } });
    expect(refused.response.status).toBe(403);
  });
});
