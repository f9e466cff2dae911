/** What the announcement procedures and the partner API's reads return. Client-safe (types only). */
import type { AnnouncementLocale, AnnouncementState, AnnouncementStatus } from "@/lib/announcements/schemas";

/** One language of an announcement as stored: the title as plain text, the Markdown as typed, its sanitised HTML. */
/** A type, not an interface: it is stored as JSON, which Prisma types by index signature. */
export type AnnouncementLocaleContent = {
  title: string;
  body: string;
  html: string;
};

export type AnnouncementContent = Partial<Record<AnnouncementLocale, AnnouncementLocaleContent>>;

/** An announcement as the desk sees it. */
export interface AnnouncementRow {
  id: string;
  content: AnnouncementContent;
  /** The languages it is written in, in the product's order. */
  locales: AnnouncementLocale[];
  status: AnnouncementStatus;
  state: AnnouncementState;
  startsAt: Date;
  endsAt: Date | null;
  pinned: boolean;
  popup: boolean;
  /** Its audience; empty: every customer. A group deleted since is left out. */
  groups: { id: string; name: string }[];
  groupIds: string[];
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { id: string; name: string } | null;
  version: number;
}

export interface AnnouncementPage {
  rows: AnnouncementRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Per language written, what a customer reading it sees: the title and the sanitised HTML. */
export type AnnouncementPreview = Partial<Record<AnnouncementLocale, { title: string; html: string }>>;

/** An announcement as one customer gets it: in one language (theirs, else the brand's, else any). */
export interface CustomerAnnouncement {
  id: string;
  title: string;
  html: string;
  locale: AnnouncementLocale;
  pinned: boolean;
  popup: boolean;
  startsAt: Date;
  endsAt: Date | null;
  publishedAt: Date;
}

export interface CustomerAnnouncementPage {
  rows: CustomerAnnouncement[];
  /** Pass back for the next page; null on the last. */
  nextCursor: string | null;
}
