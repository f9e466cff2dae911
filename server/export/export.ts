/**
 * Runs a CSV export for a signed-in staff member: permission from the one map, the same filter schema
 * as the page, brand-scoped rows, and an audit entry recording who exported what.
 */
import "server-only";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { can } from "@/lib/auth/permissions";
import { AppError } from "../errors";
import { searchParamsToObject } from "@/lib/table-state";
import { csvStream } from "./csv";
import { EXPORTERS, type ExportResource } from "./registry";

export async function startExport(ctx: TenantContext, resource: ExportResource, params: URLSearchParams) {
  const exporter = EXPORTERS[resource];
  if (!can(ctx.actor.role, exporter.permission)) throw new AppError("FORBIDDEN", "errors.forbidden");
  const parsed = exporter.schema.safeParse(searchParamsToObject(params));
  if (!parsed.success) throw parsed.error;
  const { page: _page, pageSize: _pageSize, ...filter } = parsed.data as Record<string, unknown>;
  await ctx.db.$transaction((tx) =>
    recordAudit(tx, ctx, { brandId: ctx.tenantId, action: `export.${resource}`, entityType: resource, after: { filter } }),
  );
  // Each exporter's rows() and columns agree on the row type; the registry's union loses that link.
  const rows = (exporter.rows as (c: TenantContext, q: unknown) => AsyncIterable<unknown>)(ctx, parsed.data);
  return csvStream(exporter.columns as Parameters<typeof csvStream<unknown>>[0], rows);
}
