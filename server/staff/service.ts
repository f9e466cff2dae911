/**
 * Staff management for a brand's admins: list, create, change name/role, disable/enable, reset password
 * or two-factor, unlock. Every query is scoped to the caller's brand; every change is audited in the same
 * transaction. Guards keep a brand from locking itself out (no self-disable, no removing the last admin).
 */
import "server-only";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { generateTemporaryPassword, hashPassword } from "../auth/password";
import type { Role } from "@/lib/auth/permissions";
import { revokeAllSessions } from "../auth/sessions";
import type { DbTx, Prisma } from "../db/client";
import { AppError, invalid, notFound } from "../errors";
import { pageArgs, type Page, type TableQuery } from "@/lib/table-state";
import type { StaffStatusFilter } from "@/lib/staff/schemas";

export type StaffSort = "name" | "email" | "role" | "status" | "lastLoginAt" | "createdAt";
export interface StaffListQuery extends TableQuery {
  sort?: StaffSort;
  role?: Role[];
  status?: StaffStatusFilter[];
}

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: "active" | "disabled";
  totpEnabled: boolean;
  locked: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

const staffSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  status: true,
  totpEnabledAt: true,
  lockedUntil: true,
  lastLoginAt: true,
  createdAt: true,
} satisfies Prisma.StaffUserSelect;

type StaffRecord = Prisma.StaffUserGetPayload<{ select: typeof staffSelect }>;

export function toStaffRow(user: StaffRecord, now = new Date()): StaffRow {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    totpEnabled: Boolean(user.totpEnabledAt),
    locked: Boolean(user.lockedUntil && user.lockedUntil > now),
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}

/** Audit snapshot of a staff member: what changed, never credentials. */
const snapshot = (u: StaffRecord) => ({ email: u.email, name: u.name, role: u.role, status: u.status });

/** One status filter as a where clause; several are OR-ed. */
const statusFilter = (status: StaffStatusFilter, now: Date): Prisma.StaffUserWhereInput =>
  status === "locked" ? { lockedUntil: { gt: now } } : { status };

export function staffWhere(ctx: TenantContext, q: Pick<StaffListQuery, "q" | "role" | "status">, now = new Date()): Prisma.StaffUserWhereInput {
  return {
    brandId: ctx.tenantId,
    ...(q.role?.length ? { role: { in: q.role } } : {}),
    ...(q.status?.length ? { AND: [{ OR: q.status.map((s) => statusFilter(s, now)) }] } : {}),
    ...(q.q
      ? { OR: [{ email: { contains: q.q, mode: "insensitive" } }, { name: { contains: q.q, mode: "insensitive" } }] }
      : {}),
  };
}

export const staffOrderBy = (q: Pick<StaffListQuery, "sort" | "dir">): Prisma.StaffUserOrderByWithRelationInput[] => [
  { [q.sort ?? "createdAt"]: q.sort === "lastLoginAt" ? { sort: q.dir, nulls: "last" } : q.dir },
  { id: "asc" },
];

export async function listStaff(ctx: TenantContext, q: StaffListQuery): Promise<Page<StaffRow>> {
  const where = staffWhere(ctx, q);
  const [rows, total] = await Promise.all([
    ctx.db.staffUser.findMany({ where, orderBy: staffOrderBy(q), select: staffSelect, ...pageArgs(q) }),
    ctx.db.staffUser.count({ where }),
  ]);
  return { rows: rows.map((r) => toStaffRow(r)), total, page: q.page, pageSize: q.pageSize };
}

/** Every staff row matching the filter, in batches, for CSV export. */
export async function* iterateStaff(ctx: TenantContext, q: StaffListQuery, batchSize = 500) {
  const where = staffWhere(ctx, q);
  for (let skip = 0; ; skip += batchSize) {
    const batch = await ctx.db.staffUser.findMany({ where, orderBy: staffOrderBy(q), select: staffSelect, skip, take: batchSize });
    for (const row of batch) yield toStaffRow(row);
    if (batch.length < batchSize) return;
  }
}

async function loadInBrand(tx: DbTx, ctx: TenantContext, id: string) {
  const user = await tx.staffUser.findFirst({ where: { id, brandId: ctx.tenantId }, select: staffSelect });
  if (!user) throw notFound("staffMember");
  return user;
}

/** Refuses a change that would leave the brand with no active admin. */
async function assertAnotherActiveAdmin(tx: DbTx, ctx: TenantContext, exceptId: string) {
  const others = await tx.staffUser.count({
    where: { brandId: ctx.tenantId, role: "admin", status: "active", id: { not: exceptId } },
  });
  if (others === 0) throw new AppError("CONFLICT", "staff.errors.lastActiveAdmin");
}

/** Staff change their own account on the Account & security page; `action` names the refused change. */
function assertNotSelf(ctx: TenantContext, id: string, action: "changeRole" | "disable" | "resetPassword" | "resetTotp") {
  if (ctx.actor.id === id) throw new AppError("FORBIDDEN", `staff.errors.ownAccount.${action}`);
}

export async function createStaff(ctx: TenantContext, input: { email: string; name: string; role: Role }) {
  const email = input.email.trim().toLowerCase();
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return ctx.db.$transaction(async (tx) => {
    if (await tx.staffUser.findUnique({ where: { email }, select: { id: true } })) {
      throw invalid("email", "staff.errors.emailTaken");
    }
    const user = await tx.staffUser.create({
      data: { brandId: ctx.tenantId, email, name: input.name.trim(), role: input.role, passwordHash, mustChangePassword: true },
      select: staffSelect,
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "staff.create", entityType: "staff_user", entityId: user.id, after: snapshot(user) });
    return { user: toStaffRow(user), temporaryPassword };
  });
}

export async function updateStaff(ctx: TenantContext, input: { id: string; name: string; role: Role }) {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadInBrand(tx, ctx, input.id);
    if (before.role !== input.role) {
      assertNotSelf(ctx, input.id, "changeRole");
      if (before.role === "admin" && before.status === "active") await assertAnotherActiveAdmin(tx, ctx, input.id);
    }
    const after = await tx.staffUser.update({ where: { id: input.id }, data: { name: input.name.trim(), role: input.role }, select: staffSelect });
    if (before.role !== input.role) await revokeAllSessions(tx, input.id);
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "staff.update", entityType: "staff_user", entityId: input.id, before: snapshot(before), after: snapshot(after) });
    return toStaffRow(after);
  });
}

export async function setStaffStatus(ctx: TenantContext, input: { id: string; status: "active" | "disabled" }) {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadInBrand(tx, ctx, input.id);
    if (before.status === input.status) return toStaffRow(before);
    if (input.status === "disabled") {
      assertNotSelf(ctx, input.id, "disable");
      if (before.role === "admin") await assertAnotherActiveAdmin(tx, ctx, input.id);
    }
    const after = await tx.staffUser.update({ where: { id: input.id }, data: { status: input.status }, select: staffSelect });
    if (input.status === "disabled") await revokeAllSessions(tx, input.id);
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: input.status === "disabled" ? "staff.disable" : "staff.enable",
      entityType: "staff_user",
      entityId: input.id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return toStaffRow(after);
  });
}

/** Issues a temporary password (shown once to the admin) and signs the member out everywhere. */
export async function resetStaffPassword(ctx: TenantContext, input: { id: string }) {
  assertNotSelf(ctx, input.id, "resetPassword");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return ctx.db.$transaction(async (tx) => {
    await loadInBrand(tx, ctx, input.id);
    await tx.staffUser.update({
      where: { id: input.id },
      data: { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null },
    });
    await revokeAllSessions(tx, input.id);
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "staff.reset_password", entityType: "staff_user", entityId: input.id });
    return { temporaryPassword };
  });
}

/** Removes the member's TOTP; where it is required they enrol again at next sign-in. */
export async function resetStaffTotp(ctx: TenantContext, input: { id: string }) {
  assertNotSelf(ctx, input.id, "resetTotp");
  await ctx.db.$transaction(async (tx) => {
    const before = await loadInBrand(tx, ctx, input.id);
    await tx.staffUser.update({
      where: { id: input.id },
      data: { totpSecretEnc: null, totpPendingSecretEnc: null, totpEnabledAt: null, totpLastStep: null },
    });
    await revokeAllSessions(tx, input.id);
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "staff.reset_totp",
      entityType: "staff_user",
      entityId: input.id,
      before: { totpEnabled: Boolean(before.totpEnabledAt) },
      after: { totpEnabled: false },
    });
  });
}

export async function unlockStaff(ctx: TenantContext, input: { id: string }) {
  await ctx.db.$transaction(async (tx) => {
    const before = await loadInBrand(tx, ctx, input.id);
    await tx.staffUser.update({ where: { id: input.id }, data: { failedLoginCount: 0, lockedUntil: null } });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "staff.unlock",
      entityType: "staff_user",
      entityId: input.id,
      before: { locked: toStaffRow(before).locked },
      after: { locked: false },
    });
  });
}
