/**
 * Announcements through the real router and service: drafts, the start/end window, the group audience, the
 * customer's language with its fallbacks, the pop-up, publish / unpublish / delete audited, the rules on
 * editing, another brand's never seen, an XSS payload in the body never reaching the HTML, and bad input
 * refused naming the field.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/server/actor";
import * as announcements from "@/server/announcements/service";
import { db } from "@/server/db/client";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { createTestCustomer, createTestGroup } from "../cases/customers";
import { createTestStaff, createTestBrand, staffContext } from "../helpers/db";

const createCaller = createCallerFactory(appRouter);
const HOUR = 60 * 60 * 1000;
const at = (ms: number) => new Date(Date.now() + ms);

async function member(brandId: string, role: "admin" | "marketing" | "support" = "marketing") {
  const { user } = await createTestStaff({ brandId, role });
  const trpcCtx = await staffContext(user, { tenantId: brandId });
  return { user, ctx: trpcCtx as TenantContext, caller: createCaller(trpcCtx) };
}

const en = (title: string, body = "Trading pauses on **Saturday**.") => ({ en: { title, body } });
const input = (patch: Record<string, unknown> = {}) => ({ content: en("Maintenance"), startsAt: at(-HOUR), endsAt: null, pinned: false, popup: false, groupIds: [], ...patch });
const auditOf = (entityId: string) => db.auditLog.findMany({ where: { entityType: "announcement", entityId }, orderBy: { seq: "asc" } });

/** The field a refusal names (zod's first issue path, or the AppError's field). */
async function refusedField(call: Promise<unknown>): Promise<string | null> {
  const error = (await call.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; cause?: { field?: string; issues?: { path: PropertyKey[] }[] } } | null;
  expect(error?.code).toBe("BAD_REQUEST");
  return error?.cause?.field ?? error?.cause?.issues?.[0]?.path.join(".") ?? null;
}

describe("announcements", () => {
  let brandId: string;
  let marketing: Awaited<ReturnType<typeof member>>;
  /** Publishes a new announcement now (as marketing) and returns it. */
  const published = async (patch: Record<string, unknown> = {}) => {
    const draft = await marketing.caller.announcement.create(input(patch));
    return marketing.caller.announcement.publish({ id: draft.id, version: draft.version });
  };
  const feedIds = async (customerId: string, limit = 100) => (await announcements.announcementsForCustomer(marketing.ctx, customerId, { limit })).rows.map((r) => r.id);

  beforeAll(async () => {
    brandId = (await createTestBrand()).id;
    marketing = await member(brandId, "marketing");
  });

  it("keeps a draft from customers; publishing shows it, audited; unpublishing hides it again, audited", async () => {
    const customer = await createTestCustomer(brandId);
    const draft = await marketing.caller.announcement.create(input({ content: en("  Server <b>maintenance</b> ") }));
    expect(draft).toMatchObject({ status: "draft", state: "draft", locales: ["en"], version: 1, createdBy: { id: marketing.user.id } });
    expect(draft.content.en).toEqual({ title: "Server maintenance", body: "Trading pauses on **Saturday**.", html: "<p>Trading pauses on <strong>Saturday</strong>.</p>" });
    expect(await feedIds(customer.id)).not.toContain(draft.id);
    await expect(announcements.announcementForCustomer(marketing.ctx, customer.id, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const live = await marketing.caller.announcement.publish({ id: draft.id, version: 1 });
    expect(live).toMatchObject({ status: "published", state: "live", version: 2 });
    expect(live.publishedAt).toBeInstanceOf(Date);
    expect(await feedIds(customer.id)).toContain(draft.id);
    expect(await announcements.announcementForCustomer(marketing.ctx, customer.id, draft.id)).toMatchObject({
      id: draft.id,
      title: "Server maintenance",
      html: "<p>Trading pauses on <strong>Saturday</strong>.</p>",
      locale: "en",
      publishedAt: live.publishedAt,
    });

    const down = await marketing.caller.announcement.unpublish({ id: draft.id, version: 2 });
    expect(down).toMatchObject({ status: "unpublished", state: "unpublished", version: 3 });
    expect(await feedIds(customer.id)).not.toContain(draft.id);

    const audit = await auditOf(draft.id);
    expect(audit.map((a) => a.action)).toEqual(["announcement.create", "announcement.publish", "announcement.unpublish"]);
    expect(audit.every((a) => a.brandId === brandId && a.actorId === marketing.user.id)).toBe(true);
    expect(audit[0]!.after).toMatchObject({ status: "draft", content: { en: { title: "Server maintenance", body: "Trading pauses on **Saturday**." } } });
    expect(audit[1]).toMatchObject({ before: expect.objectContaining({ status: "draft" }), after: expect.objectContaining({ status: "published" }) });
    expect(audit[2]).toMatchObject({ before: expect.objectContaining({ status: "published" }), after: expect.objectContaining({ status: "unpublished" }) });
  });

  it("shows an announcement only inside its window", async () => {
    const customer = await createTestCustomer(brandId);
    const future = await published({ startsAt: at(HOUR), endsAt: at(2 * HOUR) });
    const running = await published({ startsAt: at(-HOUR), endsAt: at(HOUR) });
    const endless = await published({ startsAt: at(-HOUR), endsAt: null });
    const ended = await published({ startsAt: at(-2 * HOUR), endsAt: at(HOUR) });
    await db.announcement.update({ where: { id: ended.id }, data: { endsAt: at(-1000) } });
    expect(future.state).toBe("scheduled");
    const ids = await feedIds(customer.id);
    expect(ids).toEqual(expect.arrayContaining([running.id, endless.id]));
    expect(ids).not.toContain(future.id);
    expect(ids).not.toContain(ended.id);
    await expect(announcements.announcementForCustomer(marketing.ctx, customer.id, ended.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const listed = async (status: string[]) => (await marketing.caller.announcement.list({ page: 1, pageSize: 100, status })).rows.map((r) => r.id);
    expect(await listed(["scheduled"])).toContain(future.id);
    expect(await listed(["live"])).toEqual(expect.arrayContaining([running.id, endless.id]));
    expect(await listed(["live"])).not.toContain(ended.id);
    expect(await listed(["ended"])).toEqual([ended.id]);
  });

  it("shows a group's announcement to its members only; one without groups to everyone", async () => {
    const vip = await createTestGroup(brandId);
    const other = await createTestGroup(brandId);
    const member1 = await createTestCustomer(brandId, { groupId: vip.id });
    const outsider = await createTestCustomer(brandId, { groupId: other.id });
    const ungrouped = await createTestCustomer(brandId);
    const forVip = await published({ groupIds: [vip.id, vip.id] });
    const forAll = await published();
    expect(forVip.groupIds).toEqual([vip.id]);
    expect(forVip.groups).toEqual([{ id: vip.id, name: vip.name }]);
    expect(await feedIds(member1.id)).toEqual(expect.arrayContaining([forVip.id, forAll.id]));
    for (const customer of [outsider, ungrouped]) {
      const ids = await feedIds(customer.id);
      expect(ids).toContain(forAll.id);
      expect(ids).not.toContain(forVip.id);
      await expect(announcements.announcementForCustomer(marketing.ctx, customer.id, forVip.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("gives each customer their language, else the brand's default, else the one written", async () => {
    const zhBrand = (await createTestBrand({ defaultLanguage: "zh-CN" })).id;
    const zhMarketing = await member(zhBrand);
    const both = { en: { title: "Fees change", body: "New **fees**." }, "zh-CN": { title: "费率调整", body: "新的**费率**。" } };
    const chineseReader = await createTestCustomer(brandId, { language: "zh-CN" });
    const englishReader = await createTestCustomer(brandId, { language: "en" });
    const a = await published({ content: both });
    expect((await announcements.announcementForCustomer(marketing.ctx, chineseReader.id, a.id)).title).toBe("费率调整");
    expect(await announcements.announcementForCustomer(marketing.ctx, chineseReader.id, a.id)).toMatchObject({ locale: "zh-CN", html: "<p>新的<strong>费率</strong>。</p>" });
    expect(await announcements.announcementForCustomer(marketing.ctx, englishReader.id, a.id)).toMatchObject({ locale: "en", title: "Fees change" });

    // English only, in an English brand: the Chinese reader falls back to the brand's default.
    const englishOnly = await published({ content: en("English only") });
    expect(await announcements.announcementForCustomer(marketing.ctx, chineseReader.id, englishOnly.id)).toMatchObject({ locale: "en", title: "English only" });

    // A Chinese brand must write Chinese; an English reader then gets the default (Chinese).
    expect(await refusedField(zhMarketing.caller.announcement.create(input({ content: en("English only") })))).toBe("content.zh-CN.title");
    const zhOnlyDraft = await zhMarketing.caller.announcement.create(input({ content: { "zh-CN": both["zh-CN"] } }));
    const zhOnly = await zhMarketing.caller.announcement.publish({ id: zhOnlyDraft.id, version: 1 });
    const zhBrandEnglishReader = await createTestCustomer(zhBrand, { language: "en" });
    expect(await announcements.announcementForCustomer(zhMarketing.ctx, zhBrandEnglishReader.id, zhOnly.id)).toMatchObject({ locale: "zh-CN", title: "费率调整" });

    // The brand's default changed since: a reader of a third language gets whatever is written.
    await db.brand.update({ where: { id: zhBrand }, data: { defaultLanguage: "en" } });
    const otherReader = await createTestCustomer(zhBrand, { language: "fr" });
    expect(await announcements.announcementForCustomer(zhMarketing.ctx, otherReader.id, zhOnly.id)).toMatchObject({ locale: "zh-CN" });
  });

  it("lists pinned first, then the latest start, a page at a time; the pop-up is the pinned one, else the newest", async () => {
    const group = await createTestGroup(brandId);
    const customer = await createTestCustomer(brandId, { groupId: group.id });
    const old = await published({ groupIds: [group.id], startsAt: at(-3 * HOUR) });
    const pinned = await published({ groupIds: [group.id], startsAt: at(-5 * HOUR), pinned: true });
    const recent = await published({ groupIds: [group.id], startsAt: at(-HOUR / 2) });
    const mine = (ids: string[]) => ids.filter((id) => [old.id, pinned.id, recent.id].includes(id));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await announcements.announcementsForCustomer(marketing.ctx, customer.id, { cursor, limit: 1 });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(mine(seen)).toEqual([pinned.id, recent.id, old.id]);
    await expect(announcements.announcementsForCustomer(marketing.ctx, customer.id, { cursor: "not-a-cursor", limit: 5 })).rejects.toMatchObject({ code: "VALIDATION", field: "cursor" });

    const popupCustomer = await createTestCustomer(brandId, { groupId: (await createTestGroup(brandId)).id });
    const popupGroup = popupCustomer.groupId!;
    const older = await published({ groupIds: [popupGroup], popup: true, startsAt: at(-2 * HOUR), pinned: true });
    await published({ groupIds: [popupGroup], popup: false, startsAt: at(-60_000), pinned: true });
    await published({ groupIds: [popupGroup], popup: true, startsAt: at(-60_000) });
    expect(await announcements.currentPopup(marketing.ctx, popupCustomer.id)).toMatchObject({ id: older.id, popup: true, pinned: true });
    await marketing.caller.announcement.unpublish({ id: older.id, version: older.version });
    expect((await announcements.currentPopup(marketing.ctx, popupCustomer.id))?.id).not.toBe(older.id);
  });

  it("answers null for the pop-up when there is none", async () => {
    const lonely = (await createTestBrand()).id;
    const staff = await member(lonely);
    expect(await announcements.currentPopup(staff.ctx, (await createTestCustomer(lonely)).id)).toBeNull();
  });

  it("never shows another brand's announcement or customer", async () => {
    const otherBrand = (await createTestBrand()).id;
    const other = await member(otherBrand);
    const theirs = await other.caller.announcement.create(input({ content: en("Theirs") }));
    await other.caller.announcement.publish({ id: theirs.id, version: 1 });
    const ours = await createTestCustomer(brandId);
    expect(await feedIds(ours.id)).not.toContain(theirs.id);
    await expect(announcements.announcementForCustomer(marketing.ctx, ours.id, theirs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(marketing.caller.announcement.get({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Their customer through our brand: not found.
    const theirCustomer = await createTestCustomer(otherBrand);
    await expect(announcements.announcementsForCustomer(marketing.ctx, theirCustomer.id, { limit: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(announcements.currentPopup(marketing.ctx, theirCustomer.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("stores an XSS payload as typed but never lets it into the HTML customers get", async () => {
    const payload = [
      "<script>alert('x')</script>",
      "<img src=x onerror=alert(1)>",
      "[click](javascript:alert(1))",
      '<a href="&#x6A;avascript:alert(1)">x</a>',
      "<iframe src=https://evil.example></iframe>",
      "![p](data:image/png;base64,AAAA)",
      "<svg onload=alert(1)>",
    ].join("\n\n");
    const customer = await createTestCustomer(brandId, { language: "zh-CN" });
    const a = await published({ content: { en: { title: "<script>alert(1)</script>Safe title", body: payload }, "zh-CN": { title: "标题<img src=x onerror=alert(1)>", body: payload } } });
    expect(a.content.en!.body).toBe(payload);
    expect(a.content.en!.title).toBe("Safe title");
    expect(a.content["zh-CN"]!.title).toBe("标题");
    const preview = await marketing.caller.announcement.preview({ content: { en: { title: "t", body: payload } } });
    const outputs = [a.content.en!.html, a.content["zh-CN"]!.html, (await announcements.announcementForCustomer(marketing.ctx, customer.id, a.id)).html, preview.en!.html];
    expect(preview.en!.html).toBe(a.content.en!.html);
    for (const html of outputs) {
      const markup = (html.match(/<[^>]*>/g) ?? []).join("");
      expect(html).not.toMatch(/<\s*(script|iframe|img|svg)/i);
      expect(markup).not.toMatch(/\son\w+=|javascript:|data:/i);
      expect(html).toContain("&lt;script&gt;");
    }
  });

  it("edits drafts and unpublished announcements only, at the version read; deletes drafts only; audits each", async () => {
    const draft = await marketing.caller.announcement.create(input());
    const edited = await marketing.caller.announcement.update({ ...input({ content: en("Edited"), pinned: true }), id: draft.id, version: 1 });
    expect(edited).toMatchObject({ version: 2, pinned: true, content: { en: { title: "Edited" } } });
    await expect(marketing.caller.announcement.update({ ...input(), id: draft.id, version: 1 })).rejects.toMatchObject({ code: "CONFLICT" });

    const live = await marketing.caller.announcement.publish({ id: draft.id, version: 2 });
    await expect(marketing.caller.announcement.update({ ...input(), id: draft.id, version: live.version })).rejects.toMatchObject({ code: "CONFLICT", cause: { reason: "announcements.errors.publishedLocked" } });
    await expect(marketing.caller.announcement.publish({ id: draft.id, version: live.version })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(marketing.caller.announcement.delete({ id: draft.id, version: live.version })).rejects.toMatchObject({ cause: { reason: "announcements.errors.onlyDraftsDeleted" } });
    const down = await marketing.caller.announcement.unpublish({ id: draft.id, version: live.version });
    await expect(marketing.caller.announcement.unpublish({ id: draft.id, version: down.version })).rejects.toMatchObject({ code: "CONFLICT" });
    const again = await marketing.caller.announcement.update({ ...input({ content: en("Corrected") }), id: draft.id, version: down.version });
    expect(again).toMatchObject({ status: "unpublished", content: { en: { title: "Corrected" } } });

    const doomed = await marketing.caller.announcement.create(input({ content: en("Doomed") }));
    expect(await marketing.caller.announcement.delete({ id: doomed.id, version: 1 })).toEqual({ id: doomed.id });
    expect(await db.announcement.findUnique({ where: { id: doomed.id } })).toBeNull();
    const audit = await auditOf(doomed.id);
    expect(audit.map((a) => a.action)).toEqual(["announcement.create", "announcement.delete"]);
    expect(audit[1]!.before).toMatchObject({ content: { en: { title: "Doomed" } } });
    expect((await auditOf(draft.id)).map((a) => a.action)).toEqual(["announcement.create", "announcement.update", "announcement.publish", "announcement.unpublish", "announcement.update"]);
  });

  it("refuses to publish an announcement whose end has passed, naming endsAt", async () => {
    const draft = await marketing.caller.announcement.create(input({ startsAt: at(-3 * HOUR), endsAt: at(-HOUR) }));
    const error = await marketing.caller.announcement.publish({ id: draft.id, version: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", cause: { field: "endsAt", reason: "announcements.errors.endsInPast" } });
    expect((await auditOf(draft.id)).map((a) => a.action)).toEqual(["announcement.create"]);
  });

  it("refuses bad input naming the field", async () => {
    const call = (patch: Record<string, unknown>) => refusedField(marketing.caller.announcement.create(input(patch)));
    expect(await call({ content: {} })).toBe("content");
    expect(await call({ content: { en: { title: "", body: "x" } } })).toBe("content.en.title");
    expect(await call({ content: { en: { title: "x".repeat(201), body: "x" } } })).toBe("content.en.title");
    expect(await call({ content: { en: { title: "Ok", body: "" } } })).toBe("content.en.body");
    expect(await call({ content: { en: { title: "Ok", body: "x".repeat(20_001) } } })).toBe("content.en.body");
    expect(await call({ content: { en: { title: "Ok", body: "x" }, fr: { title: "Salut", body: "x" } } })).toBe("content");
    expect(await call({ content: { en: { title: "<b></b>", body: "x" } } })).toBe("content.en.title");
    expect(await call({ startsAt: "not a date" })).toBe("startsAt");
    expect(await call({ endsAt: at(-2 * HOUR) })).toBe("endsAt");
    expect(await call({ groupIds: ["not-a-uuid"] })).toBe("groupIds.0");
    expect(await call({ groupIds: [(await createTestGroup((await createTestBrand()).id)).id] })).toBe("groupIds");
    expect(await call({ pinned: "yes" })).toBe("pinned");
  });

  it("previews what is typed so far and tells the editor the brand's default language", async () => {
    expect(await marketing.caller.announcement.preview({ content: { en: { title: "", body: "Half **written" }, "zh-CN": { title: "<i>标题</i>", body: "" } } })).toEqual({
      en: { title: "", html: "<p>Half **written</p>" },
      "zh-CN": { title: "标题", html: "" },
    });
    expect(await marketing.caller.announcement.defaults()).toEqual({ defaultLanguage: "en" });
    const zh = await member((await createTestBrand({ defaultLanguage: "zh-CN" })).id);
    expect(await zh.caller.announcement.defaults()).toEqual({ defaultLanguage: "zh-CN" });
  });

  it("lets support read but not write", async () => {
    const support = await member(brandId, "support");
    await expect(support.caller.announcement.list({ page: 1, pageSize: 10 })).resolves.toMatchObject({ page: 1 });
    await expect(support.caller.announcement.create(input())).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
