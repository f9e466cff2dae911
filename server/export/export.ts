/**
 * Runs a CSV export for a signed-in staff member: permission from the one map, the same filter schema
 * as the page, brand-scoped rows, and an audit entry recording who exported what. Besides the filters the
 * query may ask for machine headers (`headers=machine`) and internal ids (`ids=1`); see exporter.ts.
 */
import "server-only";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import { can } from "@/lib/auth/permissions";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { createTranslator } from "@/lib/i18n/translate";
import { AppError } from "../errors";
import { searchParamsToObject } from "@/lib/table-state";
import { csvStream } from "./csv";
import { csvColumns } from "./exporter";
import { EXPORTERS, type ExportResource } from "./registry";

/** Query parameters that shape the file rather than filter the rows. */
const FILE_OPTIONS = ["headers", "ids"] as const;

export async function startExport(ctx: TenantContext, resource: ExportResource, params: URLSearchParams, locale: Locale = DEFAULT_LOCALE) {
  const exporter = EXPORTERS[resource];
  if (!can(ctx.actor.role, exporter.permission)) throw new AppError("FORBIDDEN", "errors.forbidden");
  const filterParams = new URLSearchParams(params);
  for (const option of FILE_OPTIONS) filterParams.delete(option);
  const parsed = exporter.schema.safeParse(searchParamsToObject(filterParams));
  if (!parsed.success) throw parsed.error;
  const options = { machine: params.get("headers") === "machine", ids: params.get("ids") === "1" };
  const { page: _page, pageSize: _pageSize, ...filter } = parsed.data as Record<string, unknown>;
  await ctx.db.$transaction((tx) =>
    recordAudit(tx, ctx, { brandId: ctx.tenantId, action: `export.${resource}`, entityType: resource, after: { filter, ...options } }),
  );
  // Each exporter's rows() and columns agree on the row type; the registry's union loses that link.
  const rows = (exporter.rows as (c: TenantContext, q: unknown) => AsyncIterable<unknown>)(ctx, parsed.data);
  const columns = csvColumns(exporter.columns as Parameters<typeof csvColumns<unknown>>[0], { t: createTranslator(locale), ...options });
  return csvStream(columns, rows);
}
