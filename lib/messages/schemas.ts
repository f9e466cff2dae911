/**
 * Inputs of the message procedures, shared by the procedures, the composer and the pages' URL state.
 * Client-safe: no server imports.
 */
import { z } from "zod";
import { CUSTOMER_LANGUAGES, ZCustomerListInput } from "@/lib/customers/schemas";
import { zMulti, ZTableQuery } from "@/lib/table-state";
import { zOptionalDate } from "@/lib/validation/dates";
import { zId } from "@/lib/validation/ids";
import { zOptionalText, zText } from "@/lib/validation/text";
import { MESSAGE_LOCALES } from "./template";

export const MESSAGE_TYPES = ["system", "account", "marketing", "risk"] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];
export const MESSAGE_STATUSES = ["awaiting_approval", "scheduled", "sending", "sent", "cancelled", "retracted", "rejected", "failed"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export const MESSAGE_SOURCES = ["portal", "automatic", "partner_api"] as const;
export type MessageSource = (typeof MESSAGE_SOURCES)[number];
export const AUDIENCE_KINDS = ["customer", "uids", "group", "segment", "everyone"] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

/** Uids one message may name (a CSV upload); larger audiences are a group or a segment. */
export const MAX_UIDS = 50_000;
export const TITLE_MAX = 200;
export const BODY_MAX = 5_000;

export const ZLocaleText = z.object({
  title: zText(TITLE_MAX, { min: 1, required: "Enter a title", tooLong: `A title is at most ${TITLE_MAX} characters` }),
  body: zText(BODY_MAX, { min: 1, multiline: true, required: "Enter the message", tooLong: `A message is at most ${BODY_MAX} characters` }),
});

export const ZMessageContent = z
  .strictObject({ en: ZLocaleText.optional(), "zh-CN": ZLocaleText.optional() })
  .refine((content) => MESSAGE_LOCALES.some((locale) => content[locale]), { error: "Write the message in at least one language" });

const zUid = z.string().trim().regex(/^\d{1,19}$/, { error: "A uid is digits only" });

export const ZAudience = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("customer"), customerId: zId("Unknown customer") }),
    z.object({
      kind: z.literal("uids"),
      uids: z.array(zUid).min(1, { error: "The list has no uids" }).max(MAX_UIDS, { error: `At most ${MAX_UIDS.toLocaleString("en")} uids per message; use a group or a segment` }),
    }),
    z.object({ kind: z.literal("group"), groupId: zId("Unknown customer group") }),
    z.object({ kind: z.literal("segment"), segmentId: zId("Unknown segment") }),
    z.object({ kind: z.literal("everyone") }),
  ],
  { error: "Choose who receives the message" },
);
export type Audience = z.infer<typeof ZAudience>;

export const ZSendInput = z.object({
  type: z.enum(MESSAGE_TYPES, { error: "Choose a message type" }),
  templateId: zId("Unknown template").optional(),
  content: ZMessageContent,
  audience: ZAudience,
  /** Absent: send now. */
  scheduledAt: zOptionalDate("Enter a valid time"),
});
export type SendInput = z.infer<typeof ZSendInput>;

export const ZAudienceInput = z.object({ audience: ZAudience });

export const ZMessageListInput = ZTableQuery.extend({
  status: zMulti(MESSAGE_STATUSES),
  type: zMulti(MESSAGE_TYPES),
  source: z.enum(MESSAGE_SOURCES).optional(),
});
export type MessageListInput = z.infer<typeof ZMessageListInput>;

export const ZMessageRef = z.object({ id: zId("Unknown message") });
export const ZMessageChange = ZMessageRef.extend({
  version: z.number().int().min(1),
  reason: zText(500, { min: 3, multiline: true, required: "Give a reason", tooShort: "Give a reason (at least 3 characters)" }),
});
export const ZMessageDecision = ZMessageRef.extend({ version: z.number().int().min(1), note: zOptionalText(500, { multiline: true }) });

export const ZCustomerMessagesInput = z.object({ customerId: zId("Unknown customer"), page: z.number().int().min(1).max(10_000).default(1) });

// ── Templates ──────────────────────────────────────────────────────────────────────────────────────
const zTemplateName = zText(100, { min: 1, required: "Enter a name", tooLong: "A name is at most 100 characters" });
export const ZTemplateInput = z.object({ name: zTemplateName, type: z.enum(MESSAGE_TYPES, { error: "Choose a message type" }), content: ZMessageContent });
export const ZTemplateUpdate = ZTemplateInput.extend({ id: zId("Unknown template"), version: z.number().int().min(1), enabled: z.boolean() });
export const ZTemplateRef = z.object({ id: zId("Unknown template") });
/** An automatic event's text and switch; version 0 when the brand never saved it. */
export const ZAutomaticTemplateInput = z.object({
  event: z.string().min(1).max(60),
  content: ZMessageContent,
  enabled: z.boolean(),
  version: z.number().int().min(0),
});

// ── Segments: a customers-list filter saved by name ─────────────────────────────────────────────────
export const ZSegmentFilter = ZCustomerListInput.pick({
  q: true,
  status: true,
  kycLevel: true,
  group: true,
  country: true,
  tag: true,
  registeredFrom: true,
  registeredTo: true,
});
export type SegmentFilter = z.infer<typeof ZSegmentFilter>;
export const ZSegmentInput = z.object({ name: zTemplateName, filter: ZSegmentFilter });
export const ZSegmentRef = z.object({ id: zId("Unknown segment") });

// ── Settings ───────────────────────────────────────────────────────────────────────────────────────
const zLabel = zOptionalText(40, { tooLong: "A label is at most 40 characters" });
export const ZTypeLabels = z.partialRecord(z.enum(MESSAGE_TYPES), z.object({ en: zLabel, "zh-CN": zLabel }));
export const ZMessageSettingsInput = z.object({
  defaultLanguage: z.enum(CUSTOMER_LANGUAGES, { error: "Choose a language" }),
  messageApprovalThreshold: z.coerce
    .number({ error: "Enter a number of recipients" })
    .int({ error: "Enter a whole number of recipients" })
    .min(1, { error: "At least 1 recipient" })
    .max(100_000_000, { error: "At most 100,000,000 recipients" }),
  typeLabels: ZTypeLabels,
});
