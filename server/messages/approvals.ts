/**
 * Messages in the approvals inbox: sends above the brand's recipient threshold. Decisions go through
 * send.ts, so maker-checker, the version check and the audit entry are the message page's own.
 */
import "server-only";
import type { ApprovalFilter, ApprovalKind, ApprovalText } from "@/server/approvals/types";
import type { Db, Prisma } from "../db/client";
import { approveMessage, rejectMessage } from "./send";
import type { MessageContent } from "@/lib/messages/template";
import { localesOf } from "@/lib/messages/template";

const where = (tenantId: string, filter: ApprovalFilter): Prisma.MessageWhereInput => ({
  brandId: tenantId,
  status: "awaiting_approval",
  ...(filter.requestedBefore ? { createdAt: { lt: filter.requestedBefore } } : {}),
  AND: [
    ...(filter.requestedBy ? [{ createdById: filter.requestedBy }] : []),
    ...(filter.notRequestedBy ? [{ OR: [{ createdById: null }, { createdById: { not: filter.notRequestedBy } }] }] : []),
  ],
});

const titleOf = (m: { content: Prisma.JsonValue; estimatedCount: number }): ApprovalText => {
  const content = m.content as MessageContent;
  return { key: "messages.approvals.title", params: { title: content[localesOf(content)[0]!]?.title ?? "", count: m.estimatedCount } };
};

async function current(tenantId: string, db: Db, id: string) {
  return db.message.findFirstOrThrow({ where: { id, brandId: tenantId }, select: { version: true, content: true, estimatedCount: true } });
}

const send: ApprovalKind = {
  key: "message.send",
  label: "messages.approvals.kind",
  viewPermission: "message.read",
  decidePermission: "message.approve",
  async list(ctx, args) {
    const rows = await ctx.db.message.findMany({
      where: where(ctx.tenantId, args),
      orderBy: [{ createdAt: args.dir }, { id: args.dir }],
      take: args.limit,
      select: { id: true, content: true, estimatedCount: true, createdAt: true, createdById: true },
    });
    const ids = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
    const staff = ids.length ? await ctx.db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
    const names = new Map(staff.map((s) => [s.id, s.name]));
    return rows.map((m) => ({
      id: m.id,
      title: titleOf(m),
      amount: null,
      currency: null,
      requestedBy: m.createdById ? { id: m.createdById, name: names.get(m.createdById) ?? "—" } : null,
      reason: null,
      requestedAt: m.createdAt,
      href: `/messages/${m.id}`,
    }));
  },
  requesters: async (ctx, filter, limit) =>
    (await ctx.db.message.findMany({ where: where(ctx.tenantId, filter), distinct: ["createdById"], select: { createdById: true }, take: limit })).flatMap((r) =>
      r.createdById ? [r.createdById] : [],
    ),
  count: (ctx, filter, cap) => ctx.db.message.count({ where: where(ctx.tenantId, filter), take: cap }),
  async approve(ctx, id, note) {
    const m = await current(ctx.tenantId, ctx.db, id);
    await approveMessage(ctx, { id, version: m.version, note });
    return { title: titleOf(m) };
  },
  async reject(ctx, id, note) {
    const m = await current(ctx.tenantId, ctx.db, id);
    await rejectMessage(ctx, { id, version: m.version, note });
    return { title: titleOf(m) };
  },
};

export const MESSAGE_APPROVAL_KINDS: readonly ApprovalKind[] = [send];
