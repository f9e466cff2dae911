/**
 * Rebate files as staff see and drive them: request a range (split into the exchange's ≤ 180-day files),
 * retry a failed file, the files page and a file's error report. The daily request and the worker's run
 * are in ./runner.ts; the exchange steps in ./pipeline.ts. Every query starts with the caller's brand.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { Prisma } from "../db/client";
import { AppError, invalid, notFound } from "../errors";
import { pageArgs, type Page } from "@/lib/table-state";
import { MAX_DAYS_PER_FILE, MAX_YEARS_BACK, type ZRebateFileListInput, type ZRebateRequestInput } from "@/lib/rebates/schemas";
import { fileKind, IMPORTABLE_KINDS } from "./kinds";

type In<T extends z.ZodType> = z.infer<T>;
const DAY_MS = 86_400_000;

const utcDay = (text: string) => new Date(`${text}T00:00:00.000Z`);
const today = (now: Date) => utcDay(now.toISOString().slice(0, 10));

/** [begin, end] split into consecutive pieces of at most `maxDays` days. */
export function splitRange(begin: Date, end: Date, maxDays = MAX_DAYS_PER_FILE): { begin: Date; end: Date }[] {
  const parts: { begin: Date; end: Date }[] = [];
  for (let from = begin.getTime(); from <= end.getTime(); from += maxDays * DAY_MS) {
    parts.push({ begin: new Date(from), end: new Date(Math.min(end.getTime(), from + (maxDays - 1) * DAY_MS)) });
  }
  return parts;
}

/** Queues the files of a range: one row per ≤ 180-day piece; the worker requests them one by one. */
export async function requestRebateFiles(ctx: TenantContext, input: In<typeof ZRebateRequestInput>, now = new Date()) {
  const begin = utcDay(input.begin);
  const end = utcDay(input.end);
  if (end < begin) throw invalid("end", "rebates.errors.rangeOrder");
  if (end >= today(now)) throw invalid("end", "rebates.errors.rangeFuture");
  const oldest = new Date(today(now));
  oldest.setUTCFullYear(oldest.getUTCFullYear() - MAX_YEARS_BACK);
  if (begin < oldest) throw invalid("begin", "rebates.errors.rangeTooOld");
  const brand = await ctx.db.brand.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { rebateFileKinds: true } });
  if (!brand.rebateFileKinds.includes(input.kind) || !IMPORTABLE_KINDS.includes(input.kind)) throw invalid("kind", "rebates.errors.kindNotEnabled");

  const parts = splitRange(begin, end, fileKind(input.kind).maxDays);
  return ctx.db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const part of parts) {
      const row = await tx.rebateFile.create({
        data: { brandId: ctx.tenantId, kind: input.kind, beginDay: part.begin, endDay: part.end, trigger: "manual", requestedById: ctx.actor.id },
        select: { id: true },
      });
      ids.push(row.id);
    }
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "rebate.files_requested",
      entityType: "rebate_file",
      entityId: ids[0],
      after: { kind: input.kind, begin: input.begin, end: input.end, files: ids.length },
    });
    return { ids };
  });
}

/** A failed file starts over from the request (its download and import counters reset). */
export async function retryRebateFile(ctx: TenantContext, id: string) {
  return ctx.db.$transaction(async (tx) => {
    const file = await tx.rebateFile.findFirst({ where: { id, brandId: ctx.tenantId }, select: { id: true, state: true } });
    if (!file) throw notFound("rebateFile");
    if (file.state !== "failed") throw new AppError("CONFLICT", "rebates.errors.notRetryable");
    await tx.rebateFileError.deleteMany({ where: { fileId: id } });
    await tx.rebateFile.update({
      where: { id },
      data: { state: "requested", nextCheckAt: new Date(), checks: 0, attempts: 0, errorKey: null, errorDetail: null, rowsRefused: 0, heartbeatAt: null },
    });
    await recordAudit(tx, ctx, { brandId: ctx.tenantId, action: "rebate.file_retried", entityType: "rebate_file", entityId: id, before: { state: "failed" }, after: { state: "requested" } });
    return { id };
  });
}

export interface RebateFileRow {
  id: string;
  kind: "dma_trades" | "fd_rebates";
  beginDay: string;
  endDay: string;
  state: "requested" | "generating" | "downloading" | "importing" | "imported" | "failed";
  trigger: string;
  progressBytes: number;
  bytes: number | null;
  rowsTotal: number | null;
  rowsAdded: number | null;
  rowsUnmatched: number | null;
  rowsRefused: number;
  errorKey: string | null;
  errorDetail: string | null;
  duplicate: boolean;
  createdAt: Date;
  importedAt: Date | null;
  nextCheckAt: Date;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function listRebateFiles(ctx: TenantContext, q: In<typeof ZRebateFileListInput>): Promise<Page<RebateFileRow>> {
  const where: Prisma.RebateFileWhereInput = {
    brandId: ctx.tenantId,
    ...(q.kind?.length ? { kind: { in: q.kind } } : {}),
    ...(q.state?.length ? { state: { in: q.state } } : {}),
  };
  const orderBy: Prisma.RebateFileOrderByWithRelationInput[] = q.sort === "beginDay" ? [{ beginDay: q.dir }, { id: q.dir }] : [{ createdAt: q.dir }, { id: q.dir }];
  const [rows, total] = await Promise.all([ctx.db.rebateFile.findMany({ where, orderBy, ...pageArgs(q) }), ctx.db.rebateFile.count({ where })]);
  return {
    rows: rows.map((f) => ({
      id: f.id,
      kind: f.kind,
      beginDay: isoDay(f.beginDay),
      endDay: isoDay(f.endDay),
      state: f.state,
      trigger: f.trigger,
      progressBytes: Number(f.progressBytes),
      bytes: f.bytes === null ? null : Number(f.bytes),
      rowsTotal: f.rowsTotal,
      rowsAdded: f.rowsAdded,
      rowsUnmatched: f.rowsUnmatched,
      rowsRefused: f.rowsRefused,
      errorKey: f.errorKey,
      errorDetail: f.errorDetail,
      duplicate: f.duplicateOfId !== null,
      createdAt: f.createdAt,
      importedAt: f.importedAt,
      nextCheckAt: f.nextCheckAt,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A file's refused rows, in file order (the error report; at most 10,000 are kept). */
export async function rebateFileErrors(ctx: TenantContext, id: string) {
  const file = await ctx.db.rebateFile.findFirst({ where: { id, brandId: ctx.tenantId }, select: { id: true } });
  if (!file) throw notFound("rebateFile");
  return ctx.db.rebateFileError.findMany({ where: { fileId: id }, orderBy: [{ line: "asc" }, { field: "asc" }], select: { line: true, field: true, value: true, reason: true } });
}
