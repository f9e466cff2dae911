/**
 * Inputs of the announcement procedures, shared by the procedures, the list's URL state and the editor.
 * Client-safe: no server imports. Messages name the field (content.en.title, endsAt…) so a refusal lands on it.
 */
import { z } from "zod";
import { CUSTOMER_LANGUAGES } from "@/lib/customers/schemas";
import { zMulti, ZTableQuery } from "@/lib/table-state";
import { zDate } from "@/lib/validation/dates";
import { zId } from "@/lib/validation/ids";
import { zSearchTerm, zText } from "@/lib/validation/text";

/** The languages an announcement is written in: the ones customers read. */
export const ANNOUNCEMENT_LOCALES = CUSTOMER_LANGUAGES;
export type AnnouncementLocale = (typeof ANNOUNCEMENT_LOCALES)[number];
export const isAnnouncementLocale = (value: unknown): value is AnnouncementLocale => ANNOUNCEMENT_LOCALES.includes(value as AnnouncementLocale);

/** What is stored: drafts are never shown; published ones are shown while they run; unpublished ones no more. */
export const ANNOUNCEMENT_STATUSES = ["draft", "published", "unpublished"] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];
/**
 * What the desk sees: a published announcement is "scheduled" before its start, "live" while it runs and
 * "ended" after its end. The list filters on these.
 */
export const ANNOUNCEMENT_STATES = ["draft", "scheduled", "live", "ended", "unpublished"] as const;
export type AnnouncementState = (typeof ANNOUNCEMENT_STATES)[number];

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const MAX_AUDIENCE_GROUPS = 100;

export const ZAnnouncementLocaleContent = z.object({
  title: zText(TITLE_MAX, { min: 1, required: "Give the announcement a title", tooLong: `A title is at most ${TITLE_MAX} characters` }),
  body: zText(BODY_MAX, { min: 1, multiline: true, required: "Write the announcement's text", tooLong: `The text is at most ${BODY_MAX} characters` }),
});

/** Per language; at least one. The service also requires the brand's default language (it knows the brand). */
export const ZAnnouncementContent = z
  .strictObject(
    { en: ZAnnouncementLocaleContent.optional(), "zh-CN": ZAnnouncementLocaleContent.optional() },
    { error: "Write the announcement in English or Chinese" },
  )
  .refine((content) => ANNOUNCEMENT_LOCALES.some((locale) => content[locale]), { error: "Write the announcement in at least one language" });
export type AnnouncementContentInput = z.input<typeof ZAnnouncementContent>;

const ZFields = z.object({
  content: ZAnnouncementContent,
  startsAt: zDate("Enter when the announcement starts"),
  /** Null or absent: it runs until it is unpublished. */
  endsAt: z.preprocess((v) => (v === "" || v === undefined ? null : v), zDate("Enter a valid end date and time").nullable()),
  pinned: z.boolean({ error: "pinned is true or false" }).default(false),
  popup: z.boolean({ error: "popup is true or false" }).default(false),
  /** Customer groups it is shown to; empty: every customer of the brand. */
  groupIds: z
    .array(zId("Unknown customer group"), { error: "Choose customer groups" })
    .max(MAX_AUDIENCE_GROUPS, { error: `Choose at most ${MAX_AUDIENCE_GROUPS} groups` })
    .default([]),
});

/** The end, when there is one, is after the start. */
const endsAfterStart = (value: { startsAt: Date; endsAt: Date | null }, ctx: z.core.$RefinementCtx) => {
  if (value.endsAt && value.endsAt.getTime() <= value.startsAt.getTime()) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start", input: value.endsAt });
  }
};

export const ZCreateAnnouncementInput = ZFields.superRefine(endsAfterStart);
export type CreateAnnouncementInput = z.input<typeof ZCreateAnnouncementInput>;

export const ZAnnouncementRef = z.object({ id: zId("Unknown announcement") });
export const ZAnnouncementVersionRef = ZAnnouncementRef.extend({ version: z.number({ error: "version is a number" }).int().min(1) });

export const ZUpdateAnnouncementInput = ZFields.extend(ZAnnouncementVersionRef.shape).superRefine(endsAfterStart);
export type UpdateAnnouncementInput = z.input<typeof ZUpdateAnnouncementInput>;

/** What the editor's preview renders: the content as typed so far (either part may still be empty), nothing saved. */
const ZPreviewLocale = z.object({ title: zText(TITLE_MAX), body: zText(BODY_MAX, { multiline: true }) });
export const ZPreviewAnnouncementInput = z.object({ content: z.strictObject({ en: ZPreviewLocale.optional(), "zh-CN": ZPreviewLocale.optional() }) });

export const ZAnnouncementListInput = ZTableQuery.extend({
  sort: z.enum(["createdAt", "startsAt"]).optional(),
  /** A title fragment, in any language. */
  q: zSearchTerm(100),
  status: zMulti(ANNOUNCEMENT_STATES),
});
export type AnnouncementListInput = z.infer<typeof ZAnnouncementListInput>;
