/** The KYC review queue (filters, sorting, SLA age) and the compliance staff who can work it. */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import type { Prisma } from "../db/client";
import { pageArgs, type Page } from "@/lib/table-state";
import { OPEN_KYC_STATUSES, type ZKycNextInput, type ZKycQueueInput } from "@/lib/kyc/schemas";
import { HOUR_MS, rowInclude, slaHours, staffNames, toQueueRow } from "./internal";
import type { KycQueueRow, StaffRef } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

function queueWhere(ctx: TenantContext, q: In<typeof ZKycQueueInput>, now: Date): Prisma.KycApplicationWhereInput {
  const search = q.q?.trim();
  return {
    brandId: ctx.tenantId,
    status: { in: q.status?.length ? q.status : [...OPEN_KYC_STATUSES] },
    ...(q.level?.length ? { level: { in: q.level.map(Number) } } : {}),
    ...(q.scenario?.length ? { scenario: { in: q.scenario } } : {}),
    ...(q.country ? { country: q.country } : {}),
    ...(q.assignee === "me" ? { assigneeId: ctx.actor.id } : q.assignee === "unassigned" ? { assigneeId: null } : {}),
    ...(q.minAgeHours ? { submittedAt: { lte: new Date(now.getTime() - q.minAgeHours * HOUR_MS) } } : {}),
    ...(search
      ? { customer: /^\d{1,18}$/.test(search) ? { uid: BigInt(search) } : { name: { contains: search, mode: "insensitive" } } }
      : {}),
  };
}

/** The review queue: open applications oldest first unless the caller filters or sorts otherwise. */
export async function kycQueue(ctx: TenantContext, q: In<typeof ZKycQueueInput>): Promise<Page<KycQueueRow>> {
  const now = new Date();
  const where = queueWhere(ctx, q, now);
  const orderBy: Prisma.KycApplicationOrderByWithRelationInput[] =
    q.sort === "level"
      ? [{ level: q.dir }, { submittedAt: "asc" }, { id: "asc" }]
      : [{ submittedAt: q.dir }, { id: q.dir }];
  const [apps, total, sla] = await Promise.all([
    ctx.db.kycApplication.findMany({ where, orderBy, include: rowInclude, ...pageArgs(q) }),
    ctx.db.kycApplication.count({ where }),
    slaHours(ctx),
  ]);
  const names = await staffNames(ctx.db, apps.flatMap((a) => [a.assigneeId, a.firstApproverId]));
  return { rows: apps.map((a) => toQueueRow(a, names, sla, now)), total, page: q.page, pageSize: q.pageSize };
}

/**
 * The next application the caller may work, oldest first: one waiting for a reviewer that nobody holds
 * or that the caller already holds, never a second approval of their own first. Null when none is left.
 */
export async function nextKycApplication(ctx: TenantContext, input: In<typeof ZKycNextInput>): Promise<{ id: string } | null> {
  const me = ctx.actor.id;
  return ctx.db.kycApplication.findFirst({
    where: {
      brandId: ctx.tenantId,
      ...(input.after ? { id: { not: input.after } } : {}),
      OR: [
        { status: "submitted", assigneeId: null },
        { status: { in: ["in_review", "pending_second_approval"] }, assigneeId: me },
        { status: "pending_second_approval", assigneeId: null, firstApproverId: { not: me } },
      ],
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
}

/** Compliance staff of the brand who can be assigned applications. */
export async function listReviewers(ctx: TenantContext): Promise<StaffRef[]> {
  return ctx.db.staffUser.findMany({
    where: { brandId: ctx.tenantId, role: "compliance", status: "active" },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
