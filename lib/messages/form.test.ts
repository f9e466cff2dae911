import { describe, expect, it } from "vitest";
import { completeAudience, distinctUids, emptyComposer, parseUidCsv, ZComposerForm, type ComposerValues } from "./form";

const GROUP = "4f1c3a9e-2b7d-4c1e-9a55-0d6b8e2f7a10";

const filled = (patch: Partial<ComposerValues> = {}): ComposerValues => ({
  ...emptyComposer(),
  type: "marketing",
  content: { en: { title: "Hello", body: "Hi {{name}}" }, "zh-CN": { title: "", body: "" } },
  audience: { kind: "group", customerId: "", uids: [], groupId: GROUP, segmentId: "" },
  ...patch,
});

const paths = (values: ComposerValues) => {
  const result = ZComposerForm.safeParse(values);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

describe("the composer's schema", () => {
  it("makes the send input: only the written languages, the audience of its kind, no time for now", () => {
    const out = ZComposerForm.parse(filled());
    expect(out).toEqual({ type: "marketing", content: { en: { title: "Hello", body: "Hi {{name}}" } }, audience: { kind: "group", groupId: GROUP } });
  });

  it("names each missing box by its path", () => {
    expect(paths(emptyComposer())).toEqual(expect.arrayContaining(["type", "content", "audience.kind"]));
    expect(paths(filled({ content: { en: { title: "Only a title", body: "" }, "zh-CN": { title: "", body: "正文" } } }))).toEqual(["content.en.body", "content.zh-CN.title"]);
    expect(paths(filled({ audience: { kind: "group", customerId: "", uids: [], groupId: "", segmentId: "" } }))).toEqual(["audience.groupId"]);
  });

  it("needs a future time when sending later", () => {
    expect(paths(filled({ when: "later", scheduledAt: "" }))).toEqual(["scheduledAt"]);
    expect(paths(filled({ when: "later", scheduledAt: "2020-01-01T10:00" }))).toEqual(["scheduledAt"]);
    const later = new Date(Date.now() + 3_600_000);
    const local = new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    expect(ZComposerForm.parse(filled({ when: "later", scheduledAt: local })).scheduledAt).toBeInstanceOf(Date);
    // A time left in the boxes is not sent with "now".
    expect(ZComposerForm.parse(filled({ when: "now", scheduledAt: "2020-01-01T10:00" })).scheduledAt).toBeUndefined();
  });

  it("offers the preview only a complete audience", () => {
    expect(completeAudience(emptyComposer().audience)).toBeNull();
    expect(completeAudience({ ...emptyComposer().audience, kind: "everyone" })).toEqual({ kind: "everyone" });
    expect(completeAudience({ ...emptyComposer().audience, kind: "segment", segmentId: "nope" })).toBeNull();
  });
});

describe("a CSV of uids", () => {
  it("reads one per line, skipping blank lines and reporting the rest with their line", () => {
    expect(parseUidCsv("1001\n\n1002\r\nabc\n1001\n")).toEqual({ uids: ["1001", "1002", "1001"], invalid: [{ line: 4, value: "abc" }], invalidCount: 1 });
  });

  it("reads the uid column under a header, quoted or not", () => {
    expect(parseUidCsv('\uFEFFname,UID\n"Ann","1001"\nBob;1002\n').uids).toEqual(["1001", "1002"]);
  });

  it("sends each uid once", () => {
    expect(distinctUids(["1001", "01001", "1002"])).toEqual(["1001", "1002"]);
  });
});
