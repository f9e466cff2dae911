import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { announcementFormSchema, contentInput, emptyForm, localeOfField, type AnnouncementFormValues } from "./announcement-form";

const t = createTranslator("en");
const zh = createTranslator("zh-CN");
const values = (patch: Partial<AnnouncementFormValues> = {}): AnnouncementFormValues => ({
  ...emptyForm(new Date(2026, 10, 22, 9, 30)),
  content: { en: { title: "Maintenance", body: "Trading pauses." }, "zh-CN": { title: "", body: "" } },
  ...patch,
});
const problems = (v: AnnouncementFormValues, translate = t, defaultLanguage: "en" | "zh-CN" = "en") => {
  const result = announcementFormSchema(translate, defaultLanguage).safeParse(v);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the announcement form", () => {
  it("sends only the languages written, the times as instants of the reader's zone", () => {
    const out = announcementFormSchema(t, "en").parse(values({ endsAt: "2026-11-23T18:00", groupIds: ["3f1c2a9e-5b7d-4c8e-9f10-2a3b4c5d6e7f"], pinned: true }));
    expect(out).toEqual({
      content: { en: { title: "Maintenance", body: "Trading pauses." } },
      startsAt: new Date(2026, 10, 22, 9, 30),
      endsAt: new Date(2026, 10, 23, 18, 0),
      pinned: true,
      popup: false,
      groupIds: ["3f1c2a9e-5b7d-4c8e-9f10-2a3b4c5d6e7f"],
    });
    expect(announcementFormSchema(t, "en").parse(values()).endsAt).toBeNull();
  });

  it("words each problem on its field", () => {
    expect(problems(values({ content: { en: { title: "", body: "" }, "zh-CN": { title: "标题", body: "" } }, endsAt: "2026-11-21T09:30" }))).toEqual({
      "content.en.title": "Write the announcement in English, the brand's default language",
      "content.zh-CN.body": "Write both the title and the text, or leave this language empty",
      endsAt: "The end must be after the start",
    });
    expect(problems(values({ content: { en: { title: "x".repeat(201), body: "ok" }, "zh-CN": { title: "", body: "" } }, startsAt: "soon" }))).toEqual({
      "content.en.title": "A title is at most 200 characters",
      startsAt: "Enter when the announcement starts",
    });
    expect(problems(values(), zh, "zh-CN")).toEqual({ "content.zh-CN.title": "请用品牌默认语言 简体中文 撰写公告" });
  });

  it("knows which tab a field is on", () => {
    expect(localeOfField("content.zh-CN.body")).toBe("zh-CN");
    expect(localeOfField("content.en.title")).toBe("en");
    expect(localeOfField("endsAt")).toBeNull();
    expect(contentInput({ en: { title: " ", body: "" }, "zh-CN": { title: "t", body: "" } })).toEqual({ "zh-CN": { title: "t", body: "" } });
  });
});
