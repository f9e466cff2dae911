/** Messages: compose, schedule, approve, cancel, retract; templates, segments, settings. Thin: rules live in server/messages. */
import "server-only";
import { z } from "zod";
import { audiencePreview, customerMessages, getMessage, listMessages, messageStats } from "@/server/messages/list";
import { checkUids } from "@/server/messages/audience";
import { createSegment, deleteSegment, listSegments } from "@/server/messages/segments";
import { approveMessage, cancelMessage, rejectMessage, resumeMessage, retractMessage, sendMessage } from "@/server/messages/send";
import { getMessageSettings, updateMessageSettings } from "@/server/messages/settings";
import { createTemplate, deleteTemplate, listAutomaticTemplates, listTemplates, saveAutomaticTemplate, updateTemplate } from "@/server/messages/templates";
import {
  MAX_UIDS,
  ZAudienceInput,
  ZAutomaticTemplateInput,
  ZCustomerMessagesInput,
  ZMessageChange,
  ZMessageContent,
  ZMessageDecision,
  ZMessageListInput,
  ZMessageRef,
  ZMessageSettingsInput,
  ZSegmentInput,
  ZSegmentRef,
  ZSendInput,
  ZTemplateInput,
  ZTemplateRef,
  ZTemplateUpdate,
} from "@/lib/messages/schemas";
import { zText } from "@/lib/validation/text";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

const ZReject = ZMessageDecision.extend({ note: zText(500, { min: 3, multiline: true, required: "Give a reason", tooShort: "Give a reason (at least 3 characters)" }) });
const ZUids = z.object({ uids: z.array(z.string().trim().regex(/^\d{1,19}$/, { error: "A uid is digits only" })).min(1).max(MAX_UIDS * 2) });

export const messageRouter = createTRPCRouter({
  list: brandProcedure("message.read").input(ZMessageListInput).query(({ ctx, input }) => listMessages(ctx, input)),
  get: brandProcedure("message.read").input(ZMessageRef).query(({ ctx, input }) => getMessage(ctx, input.id)),
  stats: brandProcedure("message.read").input(ZMessageRef).query(({ ctx, input }) => messageStats(ctx, input.id)),
  forCustomer: brandProcedure("message.read").input(ZCustomerMessagesInput).query(({ ctx, input }) => customerMessages(ctx, input.customerId, input.page)),
  /** Audience size now, per language, and the languages the text lacks (flagged before sending). */
  preview: brandProcedure("message.read")
    .input(ZAudienceInput.extend({ content: ZMessageContent.optional() }))
    .query(({ ctx, input }) => audiencePreview(ctx, input.audience, input.content)),
  /** A CSV of uids checked before sending: unknown, duplicate and closed ones reported. */
  checkUids: brandProcedure("message.manage").input(ZUids).query(({ ctx, input }) => checkUids(ctx.db, ctx, input.uids)),
  send: brandProcedure("message.manage").input(ZSendInput).mutation(({ ctx, input }) => sendMessage(ctx, input)),
  cancel: brandProcedure("message.manage").input(ZMessageChange).mutation(({ ctx, input }) => cancelMessage(ctx, input)),
  retract: brandProcedure("message.manage").input(ZMessageChange).mutation(({ ctx, input }) => retractMessage(ctx, input)),
  resume: brandProcedure("message.manage").input(ZMessageRef.extend({ version: z.number().int().min(1) })).mutation(({ ctx, input }) => resumeMessage(ctx, input)),
  approve: brandProcedure("message.approve").input(ZMessageDecision).mutation(({ ctx, input }) => approveMessage(ctx, input)),
  reject: brandProcedure("message.approve").input(ZReject).mutation(({ ctx, input }) => rejectMessage(ctx, input)),

  templates: brandProcedure("message.read").query(({ ctx }) => listTemplates(ctx)),
  automaticTemplates: brandProcedure("message.read").query(({ ctx }) => listAutomaticTemplates(ctx)),
  createTemplate: brandProcedure("message.manage").input(ZTemplateInput).mutation(({ ctx, input }) => createTemplate(ctx, input)),
  updateTemplate: brandProcedure("message.manage").input(ZTemplateUpdate).mutation(({ ctx, input }) => updateTemplate(ctx, input)),
  deleteTemplate: brandProcedure("message.manage").input(ZTemplateRef).mutation(({ ctx, input }) => deleteTemplate(ctx, input.id)),
  saveAutomaticTemplate: brandProcedure("message.manage").input(ZAutomaticTemplateInput).mutation(({ ctx, input }) => saveAutomaticTemplate(ctx, input)),

  segments: brandProcedure("message.read").query(({ ctx }) => listSegments(ctx)),
  createSegment: brandProcedure("message.manage").input(ZSegmentInput).mutation(({ ctx, input }) => createSegment(ctx, input)),
  deleteSegment: brandProcedure("message.manage").input(ZSegmentRef).mutation(({ ctx, input }) => deleteSegment(ctx, input.id)),

  settings: brandProcedure("message.read").query(({ ctx }) => getMessageSettings(ctx)),
  updateSettings: brandProcedure("message.manage").input(ZMessageSettingsInput).mutation(({ ctx, input }) => updateMessageSettings(ctx, input)),
});
