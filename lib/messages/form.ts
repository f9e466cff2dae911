/**
 * The composer's form: its boxes (every language's title and body, the audience's choices, now or later)
 * and what they become — the send procedure's own input, checked by its own schema in the browser
 * (`checkedBy`), plus the one rule only a form has: "at a time" needs a time, and a future one.
 * Also the CSV of uids read in the browser before `message.checkUids`. Client-safe.
 */
import { z } from "zod";
import { checkedBy } from "@/lib/forms/checked-by";
import { zDate } from "@/lib/validation/dates";
import { AUDIENCE_KINDS, MAX_UIDS, ZSendInput, type Audience } from "./schemas";
import { MESSAGE_LOCALES, type LocaleText, type MessageContent, type MessageLocale } from "./template";

/** Both languages' boxes, always present: an empty language is left out when sending. */
export type ContentBoxes = Record<MessageLocale, LocaleText>;

export const emptyContent = (): ContentBoxes => ({ en: { title: "", body: "" }, "zh-CN": { title: "", body: "" } });

/** A stored text (template, automatic event) in the boxes. */
export const contentBoxes = (content: MessageContent | undefined): ContentBoxes => ({
  en: { title: content?.en?.title ?? "", body: content?.en?.body ?? "" },
  "zh-CN": { title: content?.["zh-CN"]?.title ?? "", body: content?.["zh-CN"]?.body ?? "" },
});

const written = (text: LocaleText) => text.title.trim() !== "" || text.body.trim() !== "";

/** Only the languages something was written in; a half-written one stays, so its empty box is named. */
export function contentOf(boxes: ContentBoxes): MessageContent {
  const content: MessageContent = {};
  for (const locale of MESSAGE_LOCALES) if (written(boxes[locale])) content[locale] = boxes[locale];
  return content;
}

/** The languages with text in the boxes. */
export const writtenLocales = (boxes: ContentBoxes): MessageLocale[] => MESSAGE_LOCALES.filter((l) => written(boxes[l]));

const zTextBoxes = z.object({ title: z.string(), body: z.string() });
export const zContentBoxes = z.object({ en: zTextBoxes, "zh-CN": zTextBoxes });

export const SEND_WHEN = ["now", "later"] as const;

const zBoxes = z.object({
  type: z.string(),
  templateId: z.string(),
  content: zContentBoxes,
  audience: z.object({
    kind: z.string(),
    customerId: z.string(),
    uids: z.array(z.string()),
    groupId: z.string(),
    segmentId: z.string(),
  }),
  when: z.enum(SEND_WHEN),
  scheduledAt: z.string(),
});
export type ComposerValues = z.input<typeof zBoxes>;
export type AudienceBoxes = ComposerValues["audience"];

export const emptyComposer = (): ComposerValues => ({
  type: "",
  templateId: "",
  content: emptyContent(),
  audience: { kind: "", customerId: "", uids: [], groupId: "", segmentId: "" },
  when: "now",
  scheduledAt: "",
});

/** The audience the boxes name, for the procedures (the send and the preview); undefined while incomplete. */
export function audienceOf(a: AudienceBoxes): Partial<Audience> & { kind?: string } {
  switch (a.kind) {
    case "customer":
      return { kind: "customer", customerId: a.customerId };
    case "uids":
      return { kind: "uids", uids: a.uids };
    case "group":
      return { kind: "group", groupId: a.groupId };
    case "segment":
      return { kind: "segment", segmentId: a.segmentId };
    case "everyone":
      return { kind: "everyone" };
    default:
      return {};
  }
}

/** A complete audience, or null: what the preview may ask about. */
export function completeAudience(a: AudienceBoxes): Audience | null {
  const parsed = ZSendInput.shape.audience.safeParse(audienceOf(a));
  return parsed.success ? parsed.data : null;
}

const toSendInput = (v: unknown) => {
  const boxes = v as ComposerValues;
  return {
    type: boxes.type || undefined,
    templateId: boxes.templateId || undefined,
    content: contentOf(boxes.content),
    audience: audienceOf(boxes.audience),
    // "At a time" with no time is refused below ("" is no date); "now" sends no time.
    scheduledAt: boxes.when === "later" ? boxes.scheduledAt : undefined,
  };
};

/** The send input with the form's rule on the time: present when chosen, and in the future. */
const ZComposerInput = ZSendInput.extend({
  scheduledAt: zDate("Choose when to send")
    .refine((at) => at.getTime() > Date.now(), { error: "The send time has passed; choose a time in the future" })
    .optional(),
});

/** The composer's schema: its boxes in, `message.send`'s input out. */
export const ZComposerForm = checkedBy(zBoxes, z.preprocess(toSendInput, ZComposerInput));

export const isAudienceKind = (kind: string): kind is (typeof AUDIENCE_KINDS)[number] => (AUDIENCE_KINDS as readonly string[]).includes(kind);

// ── CSV of uids ────────────────────────────────────────────────────────────────────────────────────

export interface UidCsv {
  /** Every uid as listed, duplicates kept (the check reports them). */
  uids: string[];
  /** Lines that hold something other than a uid (first 50), 1-based. */
  invalid: { line: number; value: string }[];
  invalidCount: number;
}

const UID = /^\d{1,19}$/;
const cells = (line: string) => line.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"(.*)"$/, "$1").trim());

/**
 * Reads a CSV of uids: one per line, or the column headed "uid" (any case) when there is a header.
 * Blank lines are skipped; anything else that is not a uid is reported with its line.
 */
export function parseUidCsv(text: string): UidCsv {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const header = cells(lines[0] ?? "").map((c) => c.toLowerCase());
  const column = Math.max(0, header.indexOf("uid"));
  const start = header.includes("uid") ? 1 : 0;
  const uids: string[] = [];
  const invalid: UidCsv["invalid"] = [];
  let invalidCount = 0;
  for (let i = start; i < lines.length; i++) {
    if (lines[i]!.trim() === "") continue;
    const value = cells(lines[i]!)[column] ?? "";
    if (UID.test(value)) uids.push(value);
    else {
      invalidCount++;
      if (invalid.length < 50) invalid.push({ line: i + 1, value: value.slice(0, 40) });
    }
  }
  return { uids, invalid, invalidCount };
}

/** The distinct uids, first listing kept: what the message is sent to. */
export const distinctUids = (uids: readonly string[]) => [...new Set(uids.map((u) => String(BigInt(u))))];

export { MAX_UIDS };
