/** Permission-matrix and brand-isolation cases for the announcement procedures (see tests/procedure-cases.ts). */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db, type Prisma } from "@/server/db/client";
import type { Fixture, ProcedureCase } from "../procedure-cases";

type Call = (path: string, input?: unknown) => Promise<unknown>;

const tag = () => randomUUID().slice(0, 8);
const HOUR = 60 * 60 * 1000;

/** Content as the service stores it, in English (every test brand's default language). */
export const storedContent = (title = `Notice ${tag()}`, body = "Trading pauses on **Saturday**.") => ({
  en: { title, body, html: `<p>${body.replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")}</p>` },
});

/** An announcement written straight to the database (a draft that started an hour ago, unless told otherwise). */
export const createTestAnnouncement = (brandId: string, data: Partial<Prisma.AnnouncementUncheckedCreateInput> = {}) =>
  db.announcement.create({ data: { brandId, content: storedContent(), startsAt: new Date(Date.now() - HOUR), ...data } });

/** A valid create input. */
export const announcementInput = () => ({
  content: { en: { title: `Maintenance ${tag()}`, body: "Trading pauses on **Saturday** from 02:00." } },
  startsAt: new Date(Date.now() + HOUR),
  endsAt: new Date(Date.now() + 48 * HOUR),
  pinned: false,
  popup: false,
  groupIds: [],
});

const state = async (id: string) => ({
  announcement: await db.announcement.findUniqueOrThrow({ where: { id } }),
  audit: await db.auditLog.count({ where: { entityType: "announcement", entityId: id } }),
});

/** A change aimed at brand B's announcement: NOT_FOUND, and the announcement and its audit untouched. */
const refusesBrandB =
  (path: string, data: Partial<Prisma.AnnouncementUncheckedCreateInput>, input: (a: { id: string; version: number }) => unknown) =>
  async (f: Fixture, call: Call) => {
    const theirs = await createTestAnnouncement(f.brandB.id, data);
    const before = await state(theirs.id);
    await expect(call(path, input(theirs))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await state(theirs.id)).toEqual(before);
  };

const ref = (a: { id: string; version: number }) => ({ id: a.id, version: a.version });

export const ANNOUNCEMENT_CASES: Record<string, ProcedureCase> = {
  "announcement.list": {
    input: () => ({ page: 1, pageSize: 20 }),
    isolation: async (f, call) => {
      const own = await createTestAnnouncement(f.brandA.id);
      const title = `Only in B ${tag()}`;
      const other = await createTestAnnouncement(f.brandB.id, { content: storedContent(title) });
      const ids = async (input: Record<string, unknown>) => ((await call("announcement.list", { page: 1, pageSize: 100, ...input })) as { rows: { id: string }[] }).rows.map((r) => r.id);
      const all = await ids({});
      expect(all).toContain(own.id);
      expect(all).not.toContain(other.id);
      expect(await ids({ q: title })).toEqual([]);
    },
  },
  "announcement.get": {
    input: async (f) => ({ id: (await createTestAnnouncement(f.brandA.id)).id }),
    isolation: async (f, call) => {
      const theirs = await createTestAnnouncement(f.brandB.id);
      await expect(call("announcement.get", { id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  },
  "announcement.defaults": {
    input: () => undefined,
    isolation: async (f, call) => {
      await db.brand.update({ where: { id: f.brandB.id }, data: { defaultLanguage: "zh-CN" } });
      expect(await call("announcement.defaults")).toEqual({ defaultLanguage: "en" });
    },
  },
  "announcement.preview": {
    input: () => ({ content: { en: { title: "Preview", body: "Hello **there**" } } }),
    // Renders what it is given and reads no brand rows: the answer is that content and nothing else.
    isolation: async (_f, call) => {
      const preview = await call("announcement.preview", { content: { "zh-CN": { title: "预览", body: "你好" } } });
      expect(preview).toEqual({ "zh-CN": { title: "预览", html: "<p>你好</p>" } });
    },
  },
  "announcement.create": {
    input: () => announcementInput(),
    isolation: async (f, call) => {
      const created = (await call("announcement.create", announcementInput())) as { id: string };
      expect((await db.announcement.findUniqueOrThrow({ where: { id: created.id } })).brandId).toBe(f.brandA.id);
      // Brand B's group is not one of A's.
      const groupB = await db.customerGroup.create({ data: { brandId: f.brandB.id, name: `Group ${tag()}` } });
      await expect(call("announcement.create", { ...announcementInput(), groupIds: [groupB.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    },
  },
  "announcement.update": {
    input: async (f) => ({ ...announcementInput(), ...ref(await createTestAnnouncement(f.brandA.id)) }),
    isolation: refusesBrandB("announcement.update", {}, (a) => ({ ...announcementInput(), ...ref(a) })),
  },
  "announcement.publish": {
    input: async (f) => ref(await createTestAnnouncement(f.brandA.id)),
    isolation: refusesBrandB("announcement.publish", {}, ref),
  },
  "announcement.unpublish": {
    input: async (f) => ref(await createTestAnnouncement(f.brandA.id, { status: "published", publishedAt: new Date() })),
    isolation: refusesBrandB("announcement.unpublish", { status: "published", publishedAt: new Date() }, ref),
  },
  "announcement.delete": {
    input: async (f) => ref(await createTestAnnouncement(f.brandA.id)),
    isolation: refusesBrandB("announcement.delete", {}, ref),
  },
};
