/** Announcements: the desk's list and editor, publish / unpublish / delete, the preview. Thin: rules live in the service. */
import "server-only";
import * as announcements from "@/server/announcements/service";
import {
  ZAnnouncementListInput,
  ZAnnouncementRef,
  ZAnnouncementVersionRef,
  ZCreateAnnouncementInput,
  ZPreviewAnnouncementInput,
  ZUpdateAnnouncementInput,
} from "@/lib/announcements/schemas";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const announcementRouter = createTRPCRouter({
  /** One page of the brand's announcements, filtered by status (draft, scheduled, live, ended, unpublished) and title. */
  list: brandProcedure("message.read").input(ZAnnouncementListInput).query(({ ctx, input }) => announcements.listAnnouncements(ctx, input)),
  /** One announcement with its content in every language written. */
  get: brandProcedure("message.read").input(ZAnnouncementRef).query(({ ctx, input }) => announcements.getAnnouncement(ctx, input)),
  /** What the editor needs of the brand: its default language, which every announcement must be written in. */
  defaults: brandProcedure("message.read").query(({ ctx }) => announcements.announcementDefaults(ctx)),
  /** The editor's content as customers would see it (titles as plain text, sanitised HTML). Saves nothing; a mutation so long texts travel in the body. */
  preview: brandProcedure("message.manage").input(ZPreviewAnnouncementInput).mutation(({ input }) => announcements.previewAnnouncement(input)),
  create: brandProcedure("message.manage").input(ZCreateAnnouncementInput).mutation(({ ctx, input }) => announcements.createAnnouncement(ctx, input)),
  update: brandProcedure("message.manage").input(ZUpdateAnnouncementInput).mutation(({ ctx, input }) => announcements.updateAnnouncement(ctx, input)),
  publish: brandProcedure("message.manage").input(ZAnnouncementVersionRef).mutation(({ ctx, input }) => announcements.publishAnnouncement(ctx, input)),
  unpublish: brandProcedure("message.manage").input(ZAnnouncementVersionRef).mutation(({ ctx, input }) => announcements.unpublishAnnouncement(ctx, input)),
  delete: brandProcedure("message.manage").input(ZAnnouncementVersionRef).mutation(({ ctx, input }) => announcements.deleteAnnouncement(ctx, input)),
});
