/** One CSV export: who may run it, the list schema its query follows, how to stream its rows, its columns. */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import type { Permission } from "@/lib/auth/permissions";
import type { CsvColumn } from "./csv";

export interface Exporter<Schema extends z.ZodType, Row> {
  permission: Permission;
  schema: Schema;
  columns: CsvColumn<Row>[];
  rows: (ctx: TenantContext, query: z.infer<Schema>) => AsyncIterable<Row>;
}

/** Domains define their exporter next to their service; server/export/registry.ts lists them. */
export const defineExporter = <Schema extends z.ZodType, Row>(e: Exporter<Schema, Row>) => e;
