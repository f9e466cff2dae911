/** Announcement records as the desk's rows (group and author names put to ids) and as audit snapshots. */
import "server-only";
import type { Db, DbTx } from "../db/client";
import type { Announcement } from "../db/generated/client";
import { localesOf, readContent, stateOf } from "./content";
import type { AnnouncementRow } from "./types";

/** Rows of the brand's announcements: the audience's group names and the authors' names in one query each. */
export async function toRows(db: Db | DbTx, brandId: string, records: Announcement[], now = new Date()): Promise<AnnouncementRow[]> {
  const groupIds = [...new Set(records.flatMap((r) => r.groupIds))];
  const staffIds = [...new Set(records.map((r) => r.createdById).filter((id): id is string => id !== null))];
  const groups = groupIds.length ? await db.customerGroup.findMany({ where: { brandId, id: { in: groupIds } }, select: { id: true, name: true } }) : [];
  const staff = staffIds.length ? await db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }) : [];
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  return records.map((r) => {
    const content = readContent(r.content);
    return {
      id: r.id,
      content,
      locales: localesOf(content),
      status: r.status,
      state: stateOf(r, now),
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      pinned: r.pinned,
      popup: r.popup,
      groups: r.groupIds.filter((id) => groupName.has(id)).map((id) => ({ id, name: groupName.get(id)! })),
      groupIds: r.groupIds,
      publishedAt: r.publishedAt,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      createdBy: r.createdById && staffName.has(r.createdById) ? { id: r.createdById, name: staffName.get(r.createdById)! } : null,
      version: r.version,
    };
  });
}

/** What the audit log keeps of an announcement: the words as written (not the HTML, which follows from them). */
export function snapshot(a: Announcement) {
  const content = readContent(a.content);
  return {
    content: Object.fromEntries(localesOf(content).map((locale) => [locale, { title: content[locale]!.title, body: content[locale]!.body }])),
    status: a.status,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    pinned: a.pinned,
    popup: a.popup,
    groupIds: a.groupIds,
    publishedAt: a.publishedAt,
    version: a.version,
  };
}
